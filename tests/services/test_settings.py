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
