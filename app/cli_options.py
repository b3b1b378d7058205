"""Options every Packline command takes, accepted before or after any subcommand.

`packline --data-dir D sync` and `packline sync --data-dir D` mean the same; so do
`packline-print -v label X` and `packline-print label X -v`. The top-level parser holds the
defaults; each subcommand parser takes the same options with suppressed defaults, so a value
given after the subcommand wins and an absent one leaves the top-level value alone.

Exit codes shared by the commands: 0 done; 1 refused, with a one-line reason; 2 the data folder,
database or configuration cannot be used.
"""

from __future__ import annotations

import argparse
from pathlib import Path

OK, REFUSED, UNUSABLE = 0, 1, 2
LANGUAGES = ("zh_CN", "en")


def add_common(parser: argparse.ArgumentParser, *, nested: bool, lang: bool = True) -> None:
    """--data-dir, --lang and -v on `parser` (nested: a subcommand's parser)."""
    default = argparse.SUPPRESS if nested else None
    parser.add_argument(
        "--data-dir", type=Path, default=default, help="the station's data folder (database, settings, logs)"
    )
    if lang:
        parser.add_argument("--lang", choices=LANGUAGES, default=default, help="language of what is shown")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if nested else False,
        help="log more (to the log file, and to the terminal for the technician commands)",
    )


def subcommands(parser: argparse.ArgumentParser, dest: str, required: bool = False) -> _Subcommands:
    return _Subcommands(parser.add_subparsers(dest=dest, required=required))


class _Subcommands:
    """add_parser that gives every subcommand (at any depth) the common options."""

    def __init__(self, action: argparse._SubParsersAction) -> None:
        self._action = action

    def add_parser(self, name: str, lang: bool = True, **kwargs: object) -> argparse.ArgumentParser:
        parser = self._action.add_parser(name, **kwargs)  # type: ignore[arg-type]
        add_common(parser, nested=True, lang=lang)
        return parser
