"""The export's fast paths change nothing a user sees: the default layout and a copy of its template
write the same files, a template still sees every field, and the manifest keeps its meaning."""

from __future__ import annotations

import json

from reader.exporters.markdown import default_template_source
from reader.services.export import FileStatus
from reader.services.export_folder import MANIFEST_NAME


def _files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.name != MANIFEST_NAME}


def test_the_default_layout_writes_what_its_template_writes(services, rich_library, tmp_path):
    template = tmp_path / "copy.md.j2"
    template.write_text(default_template_source(), encoding="utf-8")
    for grouped in (False, True):
        fast = services.exports.export_markdown(tmp_path / f"fast-{grouped}", group_by_color=grouped)
        jinja = services.exports.export_markdown(tmp_path / f"jinja-{grouped}", template=template,
                                                 group_by_color=grouped)
        assert fast.ok and jinja.ok
        assert _files(tmp_path / f"fast-{grouped}") == _files(tmp_path / f"jinja-{grouped}")
        assert len(_files(tmp_path / f"fast-{grouped}")) == 2


def test_a_template_sees_every_field_of_each_highlight(services, rich_library, tmp_path):
    template = tmp_path / "fields.md.j2"
    template.write_text("{% for h in highlights %}{{ h.uid }}|{{ h.prefix | length }}|{{ h.suffix | length }}|"
                        "{{ h.created.year }}|{{ h.anchor }}\n{% endfor %}", encoding="utf-8")
    markdown = services.exports.markdown(rich_library.foxes, template=template)
    lines = markdown.splitlines()
    stored = services.storage.highlights.for_article(rich_library.foxes)
    assert lines == [f"{h.uid}|{len(h.prefix)}|{len(h.suffix)}|{h.created.year}|{h.anchor_state.value}"
                     for h in stored]
    assert any(h.prefix for h in stored) and "9" * 32 in markdown  # the orphan restored with its uid


def test_a_manifest_hash_that_is_not_text_keeps_the_file_as_before(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    first = services.exports.export_markdown(out)
    path = first.files[0].path
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        entry["sha256"] = 12345
    (out / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + "my edit\n", encoding="utf-8")
    report = services.exports.export_markdown(out)
    statuses = {item.path: item.status for item in report.files}
    assert statuses[path] is FileStatus.KEPT and "my edit" in path.read_text(encoding="utf-8")
    assert set(statuses.values()) == {FileStatus.KEPT, FileStatus.UNCHANGED}
    written = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    assert {entry["file"]: entry["sha256"] for entry in written}[path.name] is None
