"""Where a command writes (`-o FILE`, or `-o -` for standard output), refused when it would
overwrite something the run reads: a status file, a plan file, the configuration, or one of
the folders given. The comparison is made before anything is read, by resolved path and by
(device, inode), so a symbolic link or a hard link to an input is caught as well."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from zzip.i18n import _
from zzip.cli.helpers import fail_usage


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


class _Resolver:
    """`_resolved` for many files of few folders: each folder is resolved once, and a file that is
    not itself a symbolic link resolves to its resolved folder plus its name (what realpath gives,
    without looking at every folder of the path again for each of ten thousand files)."""

    def __init__(self):
        self.folders: dict[Path, Path | None] = {}

    def __call__(self, path: Path) -> Path | None:
        if path.name in ("", ".", ".."):
            return _resolved(path)
        parent = path.parent
        if parent not in self.folders:
            self.folders[parent] = _resolved(parent)
        folder = self.folders[parent]
        try:
            linked = os.path.islink(path)
        except (OSError, ValueError):
            return None
        return _resolved(path) if linked or folder is None else folder / path.name


def plan_inputs(plan_dir: Path) -> list[Path]:
    from zzip.plan import PLAN_FILES

    return [plan_dir, *(plan_dir / name for name in PLAN_FILES.values())]


def report_inputs(reports: Path) -> tuple[list[Path], list[Path]]:
    """The reports path given and every status file and folder a check of it reads (with a quarter
    folder or a single file, the sibling quarters are read as history); and the folders searched
    for status files, where a new status-like file would be read next time."""
    from zzip.check import reading_roots
    from zzip.status_loader import find_status_files, folder_quarter

    found: list[Path] = [reports]
    folders: list[Path] = []
    for root in reading_roots(reports):
        found.append(root)
        if root.parent != root and folder_quarter(root.name) is not None:
            folders.append(root.parent)  # the reports root: a whole-history check reads files there too
        files, _periods = find_status_files(root, [])
        for path, _quarter in files:
            found.append(path)
        if root.is_dir():
            folders.append(root)
            try:
                folders += [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
            except OSError:
                pass
    return found + folders, folders


def config_inputs(config_file: Path | None) -> list[Path]:
    if config_file is not None:
        return [config_file]
    from zzip.config_file import find_config

    try:
        found = find_config()
    except OSError:
        return []
    return [found] if found is not None else []


def output_target(output: Path | str | None, inputs: Iterable[Path] = (),
                  status_folders: Iterable[Path] = (), trees: Iterable[Path] = ()) -> Path | None:
    """The file to write, or None for standard output (no -o, or -o -). Exits with code 2,
    before anything is written, when the file is one of the run's inputs or a folder."""
    if output is None or str(output) == "-":
        return None
    target = Path(output)
    target_identity = _identity(target)
    target_resolved = _resolved(target)
    if target.is_dir():
        fail_usage(_("-o %(target)s: is a folder; name a file to write (or '-' for standard output)", target=target))
    for tree in trees:  # a plan folder: every file in it may be read (annual/, assessment.yaml, source/)
        inside = _resolved(tree)
        if target_resolved is not None and inside is not None and target_resolved.is_relative_to(inside):
            fail_usage(_("-o %(target)s: that is inside the plan folder %(tree)s, which this run reads; zzip never "
                         "writes into its input: write the output somewhere else", target=target, tree=tree))
    resolved = _Resolver()
    for source in inputs:
        # A target that exists is an input exactly when it is the same file: by path, through a
        # symbolic link or as a hard link, the (device, inode) is the same. One that does not exist
        # yet may still be where an input's link points: compared by resolved path.
        same = target_identity == _identity(source) if target_identity is not None else \
            (target_resolved is not None and target_resolved == resolved(source))
        if same:
            fail_usage(_("-o %(target)s: that is an input of this run (%(source)s); zzip never overwrites its "
                         "input: write the output somewhere else", target=target, source=source))
    from zzip.status_loader import STATUS_SUFFIXES, WORKBOOK_SUFFIX

    if target.suffix.lower() in (*STATUS_SUFFIXES, WORKBOOK_SUFFIX) and target_resolved is not None:
        for folder in status_folders:
            if _resolved(folder) == target_resolved.parent:
                fail_usage(_("-o %(target)s: the folder %(folder)s holds status files, and this file would be read as "
                             "one the next time; write the output somewhere else", target=target, folder=folder))
    return target


def run_output(output: Path | str | None, plan_dirs: Iterable[Path] = (), reports: Path | None = None,
               config_file: Path | None = None, reads_config: bool = False) -> Path | None:
    """`output_target` for a command that reads these plan folders, this reports path and
    (with reads_config) the configuration."""
    if output is None or str(output) == "-":
        return None
    try:
        mode = os.stat(output).st_mode
    except (OSError, ValueError):
        mode = None
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        # a device or a pipe (-o /dev/null): never one of the files or folders a run reads, which
        # are regular files (anything else is refused, F001): no need to list them all
        return output_target(output)
    plan_dirs = list(plan_dirs)
    inputs: list[Path] = []
    folders: list[Path] = []
    for plan_dir in plan_dirs:
        inputs += plan_inputs(plan_dir)
    if reports is not None and reports.exists():
        found, folders = report_inputs(reports)
        inputs += found
    elif reports is not None:
        inputs.append(reports)
    if reads_config:
        inputs += config_inputs(config_file)
    return output_target(output, inputs, folders, trees=list(plan_dirs))
