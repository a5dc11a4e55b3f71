"""The `reader` command: opens the window, or runs one subcommand on the library (see DESIGN.md)."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from reader import __version__
from reader.cli import annotation_commands, export_commands, library_commands, search_commands
from reader.cli.output import USAGE_ERROR, UsageError
from reader.domain.errors import ReaderError
from reader.services import open_library, resolve_data_dir

# Each module adds its subcommands; the order here is the order of `reader --help`.
COMMAND_MODULES = (library_commands, annotation_commands, search_commands, export_commands)


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before or after the subcommand; SUPPRESS keeps the later one from
    # overwriting an earlier value with its default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="the library folder (default: $READER_DATA_DIR or the user data folder)")
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read and annotate articles. With no command, opens the window.",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="the library folder (default: $READER_DATA_DIR or the user data folder)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    # argparse takes `-opec` in `reader search oil -opec` for an unknown option; a command that
    # accepts such words (takes_dash_words) gets them, in order, as `dash_words`.
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "takes_dash_words", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.dash_words = extra
    data_dir = resolve_data_dir(args.data_dir)
    try:
        if args.command is None:
            from reader.app import run_window  # Qt loads only when the window is wanted

            return run_window(data_dir)
        services = open_library(data_dir)
        # Everything loaded so far lives as long as the process: keep it out of the garbage
        # collector's full sweeps, which otherwise cost tens of ms in big exports and imports.
        gc.freeze()
        try:
            code = args.run(services, args)
            sys.stdout.flush()  # a closed pipe shows up here rather than at exit, past our handlers
            return code
        finally:
            services.close()
    except UsageError as error:
        print(f"reader: {error}", file=sys.stderr)
        return USAGE_ERROR
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # before OSError, which it is
        # `reader list | head -1`: the reader of our output left; that is not an error. Python
        # would flush what is left at exit and complain, so what is left goes to devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # the file system refused something no layer above expected
        print(f"reader: {error.filename or ''}{': ' if error.filename else ''}{error.strerror or error}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
