"""A plan to compare: a folder, or the plan folder as it stood at a git revision."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from zzip.i18n import _
from zzip.plan import PLAN_FILES
from zzip.plan_loader import PlanLoad, load_plan


class SourceError(Exception):
    pass


def _git_bytes(*args: str, cwd: Path) -> bytes:
    """git's output as it is: a plan file in a revision may be in any encoding (the loader says
    which, as for a folder), and git's messages are decoded leniently."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise SourceError(_("git is not installed, so revisions cannot be read; give two plan folders instead")) from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise SourceError(_("cannot run git: %(exc)s", exc=exc)) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip()
        raise SourceError(message.splitlines()[-1] if message else f"git {' '.join(args)} failed")
    return result.stdout


def _git(*args: str, cwd: Path) -> str:
    return _git_bytes(*args, cwd=cwd).decode("utf-8", errors="surrogateescape")


def _optional_files(commit: str, relative: str, top: Path, temp: Path) -> None:
    """The yearly work plans (annual/*.yaml) and the assessment scheme, where the revision has them."""
    from zzip.plan_loader import ANNUAL_FOLDER, ASSESSMENT_FILE

    names = [ASSESSMENT_FILE]
    try:
        listing = _git("ls-tree", "--name-only", f"{commit}:{relative}/{ANNUAL_FOLDER}", cwd=top)
        names += [f"{ANNUAL_FOLDER}/{n}" for n in listing.splitlines() if n.endswith((".yaml", ".yml")) and "/" not in n]
    except SourceError:
        pass  # no yearly plans at that revision
    for name in names:
        try:
            content = _git_bytes("show", f"{commit}:{relative}/{name}", cwd=top)
        except SourceError:
            continue
        (temp / name).parent.mkdir(parents=True, exist_ok=True)
        (temp / name).write_bytes(content)  # as it is: the loader says which encoding


@contextmanager
def open_plan(spec: str, plan_path: Path) -> Iterator[PlanLoad]:
    """`spec` is a folder, or a git revision (HEAD~1, a tag, a commit) of the repository here,
    whose `plan_path` folder is read without touching the working tree."""
    folder = Path(spec)
    if folder.is_dir():
        yield load_plan(folder)
        return
    cwd = Path.cwd()
    try:
        top = Path(_git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    except SourceError:
        raise SourceError(_("'%(spec)s' is neither a plan folder nor a git revision (not in a git repository)", spec=spec)) from None
    try:
        commit = _git("rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}", cwd=cwd).strip()
    except SourceError:
        raise SourceError(_("'%(spec)s' is neither a plan folder nor a git revision of this repository", spec=spec)) from None
    try:
        relative = (cwd / plan_path).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise SourceError(_("--plan %(plan_path)s is outside the git repository here (%(top)s); a revision can only be "
                            "read for a plan folder inside it", plan_path=plan_path, top=top)) from None
    temp = Path(tempfile.mkdtemp(prefix="zzip-diff-"))
    try:
        for filename in PLAN_FILES.values():
            try:
                content = _git_bytes("show", f"{commit}:{relative}/{filename}", cwd=top)
            except SourceError:
                continue  # a missing file is reported by the loader, like any other
            (temp / filename).write_bytes(content)
        _optional_files(commit, relative, top, temp)
        yield load_plan(temp, shown_as=f"{spec}:{relative}")
    finally:
        shutil.rmtree(temp, ignore_errors=True)
