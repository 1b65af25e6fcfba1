"""How text output looks on this run: colour or not, box-drawing or plain ASCII, and how wide.

Set once by the root command (`--color`, `--ascii`), read where consoles are made and where
views draw bars. Import-light: no rich here.

Colour (docs/configuration.md): `--color always|never` wins; under `auto` (the default) a
non-empty NO_COLOR turns it off, then a non-empty FORCE_COLOR turns it on, then TERM=dumb turns
it off, else colour goes to a terminal and never to a pipe or a file.

ASCII: `--ascii` draws tables with + - | and bars with # and -; `--no-ascii` never does. Unset,
it is chosen when the output's encoding is not UTF-8 (a Chinese Windows console on code page 936
draws box and block characters two columns wide and breaks every table) or TERM=linux (the
Linux text console has no such glyphs). ZZIP_ASCII=1 / 0 says the same as the options.
"""

from __future__ import annotations

import os
import sys

settings: dict = {"color": "auto", "ascii": None}


def configure(color: str | None = None, ascii_only: bool | None = None) -> None:
    if color is not None:
        settings["color"] = color
    if ascii_only is not None:
        settings["ascii"] = ascii_only


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    choice = settings["color"]
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def is_terminal(stream=None) -> bool:
    stream = stream or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def use_ascii(stream=None) -> bool:
    if settings["ascii"] is not None:
        return bool(settings["ascii"])
    flag = os.environ.get("ZZIP_ASCII", "").strip().lower()
    if flag in ("1", "yes", "true", "on"):
        return True
    if flag in ("0", "no", "false", "off"):
        return False
    if os.environ.get("TERM") == "linux":
        return True
    encoding = getattr(stream or sys.stdout, "encoding", None) or "utf-8"
    return encoding.lower().replace("-", "").replace("_", "") not in ("utf8", "utf8sig")


def file_width() -> int | None:
    """The width for text that is not going to a terminal: COLUMNS when it is set (someone
    asked for that width), else None: every table as wide as its content, nothing cut."""
    try:
        value = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return None
    return value if value >= 40 else None


UNBOUNDED = 1000  # a console this wide prints each table at its natural width
