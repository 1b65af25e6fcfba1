"""The floor: find the status files the way `zzip check` does and parse each with libyaml, nothing else.

    python benchmarks/floor.py ROOT

No YAML parse can be faster than this from Python, so `zzip check` time / floor time says how much
zzip spends on top of reading the files. Discovery mirrors zzip/status_loader.py: the status
files directly in ROOT, then those in each non-hidden sub-folder, sorted; a status file ends in
.yaml, .yml or .json and does not start with a dot. Prints the number of files read.
"""

import sys
from pathlib import Path

import yaml

SUFFIXES = (".yaml", ".yml", ".json")


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def find(root: Path) -> list[Path]:
    found = files_in(root)
    for sub in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found.extend(files_in(sub))
    return found


def main() -> int:
    root = Path(sys.argv[1])
    count = 0
    for path in find(root):
        if path.is_file():
            with open(path, "rb") as f:
                yaml.load(f, Loader=yaml.CSafeLoader)
            count += 1
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
