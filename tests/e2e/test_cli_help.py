"""`reader --help` and each command's help: every option says what it is for."""

from __future__ import annotations

import argparse

import pytest

from reader.cli import build_parser


def _commands(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield name, sub
                for deeper, subsub in _commands(sub):
                    yield f"{name} {deeper}", subsub


COMMANDS = dict(_commands(build_parser()))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_argument_of_every_command_has_a_help_text(name):
    for action in COMMANDS[name]._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        assert action.help, f"reader {name}: {action.metavar or action.option_strings} has no help"


def test_import_help_names_everything_import_reads(reader_cli):
    shown = reader_cli("import", "--help")
    assert shown.returncode == 0
    text = " ".join(shown.stdout.split())
    for kind in (".html", ".md", ".txt", "JSON backup", "Hypothesis"):
        assert kind in text, kind  # a backup restores with `reader import`: the help said nothing of it


def test_edit_help_names_every_field_it_corrects(reader_cli):
    text = " ".join(reader_cli("--help").stdout.split())
    entry = text[text.index(" edit "):text.index(" highlight ")]  # its line in the list of commands
    for field in ("title", "author", "date", "site", "address"):  # `edit --url` was not mentioned
        assert field in entry, field
