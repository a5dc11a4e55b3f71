"""The desktop id is the same in the desktop file, the AppStream metainfo and the running app."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from reader import APP_ID
from reader.shipped import resources_folder, seeds_folder

REPO = Path(__file__).resolve().parent.parent


def test_desktop_file_and_metainfo_carry_the_app_id():
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(REPO / "packaging" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"].split()[0] == "reader" and entry["Icon"] == APP_ID
    component = ElementTree.parse(REPO / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"


def test_the_distribution_is_not_called_reader_but_the_command_is():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] != "reader"
    assert project["scripts"]["reader"] == "reader.cli:main"


def test_seeds_and_resources_are_found():
    assert (seeds_folder() / "000_8b0dc8d946da1e59.txt").is_file()
    assert (resources_folder() / "icons" / "reader.svg").is_file()
    assert (resources_folder() / "styles" / "reader.qss").is_file()


def test_the_running_app_uses_the_desktop_id(qapp):
    from PySide6.QtGui import QGuiApplication

    from reader.app import make_application

    make_application()
    assert QGuiApplication.desktopFileName() == APP_ID
    assert not QGuiApplication.windowIcon().isNull()
