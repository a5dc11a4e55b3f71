"""Settings survive a round trip, and a damaged or odd file gives sensible defaults."""

from __future__ import annotations

from reader.services.settings import Settings, SettingsStore


def test_settings_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(theme="sepia", font_size=20, current_color="green")
    settings.color_names["pink"] = "disagree"
    store.save(settings)
    loaded = store.load()
    assert loaded == settings and loaded.color_names["pink"] == "disagree"


def test_a_damaged_file_gives_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert SettingsStore(path).load() == Settings()
    path.write_text('{"theme": "neon", "font_size": 400, "current_color": "plaid", "unknown": 1}', encoding="utf-8")
    loaded = SettingsStore(path).load()
    assert (loaded.theme, loaded.font_size, loaded.current_color) == ("system", 17, "yellow")


def test_a_missing_file_gives_defaults(tmp_path):
    assert SettingsStore(tmp_path / "nope" / "settings.json").load() == Settings()


def test_values_of_the_wrong_kind_give_their_defaults(tmp_path):
    """A hand-edited file with a number for the font made the window print Shiboken's
    "Cannot copy-convert ... (int) to C++" on the terminal at every layout."""
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark", "font_family": 5, "font_size": true, "export_template": 7,'
                    ' "export_group_by_color": "yes", "last_export_folder": null, "last_article_id": "3",'
                    ' "current_color": ["pink"], "color_names": {"yellow": "key point", "pink": 4}}',
                    encoding="utf-8")
    loaded = SettingsStore(path).load()
    defaults = Settings()
    assert loaded.theme == "dark"  # the right kind: kept
    for name in ("font_family", "font_size", "export_template", "export_group_by_color", "last_export_folder",
                 "last_article_id", "current_color"):
        assert getattr(loaded, name) == getattr(defaults, name), name
    assert loaded.color_names == {"yellow": "key point"}  # the names that are text
