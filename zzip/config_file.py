"""Where the configuration is: zzip.toml (or [tool.zzip] in pyproject.toml) in the working folder
or a parent. Apart from zzip.config so that the launcher finds the configuration's `lang` without
loading the rest of the configuration's machinery (zzip.config, the rules) for `--help`."""

from __future__ import annotations

import re
from pathlib import Path

CONFIG_NAMES = ("zzip.toml", ".zzip.toml")


def find_config(start: Path | None = None) -> Path | None:
    """zzip.toml in the working folder or a parent, else a pyproject.toml with [tool.zzip]."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\[tool\.zzip", pyproject.read_text(encoding="utf-8", errors="replace"), re.M):
            return pyproject
        if (candidate / ".git").exists():
            break
    return None
