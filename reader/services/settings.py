"""User settings: a typed dataclass kept as JSON in the library folder, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from reader.domain.colors import DEFAULT_COLOR, PALETTE

SETTINGS_NAME = "settings.json"
THEMES = ("system", "light", "sepia", "dark")


@dataclass
class Settings:
    """What the user chose: appearance, the current highlight colour, colour meanings, export."""

    theme: str = "system"
    font_size: int = 17
    font_family: str = ""  # empty: the reading pane's default serif
    current_color: str = DEFAULT_COLOR
    # What each colour means to the user ("key point", "disagree"); shown in the app and exports.
    color_names: dict[str, str] = field(default_factory=lambda: dict.fromkeys(PALETTE, ""))
    export_template: str = ""  # a Jinja2 template file replacing the default Markdown layout
    export_group_by_color: bool = False
    last_export_folder: str = ""  # where File > Export last wrote
    last_article_id: int | None = None


class SettingsStore:
    """Loads and saves Settings at one path; a damaged file gives defaults, never an error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        if not isinstance(data, dict):
            return Settings()
        known = {f.name for f in fields(Settings)}
        settings = Settings(**{k: v for k, v in data.items() if k in known})
        defaults = Settings()
        for item in fields(Settings):
            # a value of another kind than its default's (a number for the font) is the default:
            # the window would pass it to Qt, which cannot take it
            value, default = getattr(settings, item.name), getattr(defaults, item.name)
            expected = int if default is None else type(default)  # last_article_id: a number or None
            if not (value is None and default is None) and type(value) is not expected:
                setattr(settings, item.name, default)
        if settings.theme not in THEMES:
            settings.theme = "system"
        if settings.current_color not in PALETTE:
            settings.current_color = DEFAULT_COLOR
        if not isinstance(settings.font_size, int) or not 8 <= settings.font_size <= 48:
            settings.font_size = Settings.font_size
        settings.color_names = {color: name for color, name in settings.color_names.items()
                                if isinstance(color, str) and isinstance(name, str)}
        return settings

    def save(self, settings: Settings) -> None:
        """Write through a temporary file and a rename, so a crash never leaves half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(asdict(settings), stream, ensure_ascii=False, indent=2)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
