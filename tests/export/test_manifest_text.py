"""The manifest written out by hand is the JSON document json.dumps(indent=2) makes of it, for any names."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.services.export_folder import MANIFEST_FORMAT, MANIFEST_NOTE, ManifestEntry, manifest_text

ENTRIES = st.lists(st.builds(ManifestEntry, st.text(), st.integers(0, 2**63), st.text(max_size=40),
                             st.one_of(st.none(), st.text(max_size=64))), max_size=6)


@settings(max_examples=300)
@given(ENTRIES)
def test_the_manifest_text_is_the_indented_json_of_its_entries(entries):
    document = {"format": MANIFEST_FORMAT, "note": MANIFEST_NOTE,
                "files": [{"file": e.file, "article_id": e.article_id, "article_uid": e.article_uid,
                           "sha256": e.sha256} for e in entries]}
    text = manifest_text(entries)
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text) == document
