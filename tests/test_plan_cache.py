"""The cache of plan files read (zzip/plan_cache.py) never gives another answer than a cold read:
it is keyed on the exact bytes and zzip's version, written atomically, ignored when unreadable,
corrupt or foreign, never written into the plan or reports folders, and skipped with --no-cache."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import zzip
from zzip import plan_cache
from zzip.plan_loader import load_plan

REPO = Path(__file__).parent.parent
ZZIP = Path(sys.executable).parent / "zzip"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(folder))
    plan_cache.enable()
    yield folder
    plan_cache.disable()


def entries(folder: Path) -> list[Path]:
    return sorted((folder / plan_cache.SUBFOLDER).glob("*")) if (folder / plan_cache.SUBFOLDER).exists() else []


def summary(load) -> tuple:
    """Everything of a plan load a check reads: the model, the documents with their positions, the problems."""
    docs = {kind: (doc.path, doc.data, doc.root_position, [p.positions for p in _nodes(doc.data)], doc.notices)
            for kind, doc in load.plan.documents.items()}
    model = re.sub(r" at 0x[0-9a-f]+", "", repr((load.plan.meta, load.plan.tasks, load.plan.indicators,
                                                  load.plan.units, load.plan.milestones)))
    return (model, docs, [(p.location, p.message, p.path) for p in load.schema_problems],
            [(f.location, f.message) for f in load.parse_failures], load.files)


def _nodes(value):
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _nodes(item)
    elif isinstance(value, list):
        yield value
        for item in value:
            yield from _nodes(item)


def test_a_warm_read_gives_what_a_cold_read_gives(cache, minimal_plan):
    (minimal_plan / "units.yaml").write_text(
        (minimal_plan / "units.yaml").read_text(encoding="utf-8").replace("kind:", "knd:", 1), encoding="utf-8")
    plan_cache.disable()
    cold = summary(load_plan(minimal_plan))
    plan_cache.enable()
    first = summary(load_plan(minimal_plan))
    assert entries(cache)  # written
    warm = summary(load_plan(minimal_plan))
    assert cold == first == warm
    assert cold[2], "the schema problems come back too"


def test_entries_are_keyed_on_the_exact_bytes(cache, minimal_plan):
    load_plan(minimal_plan)
    before = entries(cache)
    path = minimal_plan / "units.yaml"
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    edited = text.replace("name:", "nane:", 1)  # same length, same modification time
    assert len(edited) == len(text) and edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    load = load_plan(minimal_plan)
    assert any("nane" in p.message for p in load.schema_problems)
    assert len(entries(cache)) == len(before) + 1


def test_entries_are_keyed_on_the_version_and_the_language(cache, minimal_plan, monkeypatch):
    load_plan(minimal_plan)
    count = len(entries(cache))
    monkeypatch.setattr(zzip, "__version__", "0.0.0-other")
    load_plan(minimal_plan)
    assert len(entries(cache)) == 2 * count
    from zzip.i18n import set_language

    set_language("zh")
    load_plan(minimal_plan)
    assert len(entries(cache)) == 3 * count


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "other key", "foreign class", "wrong shape"])
def test_an_unreadable_corrupt_or_foreign_entry_is_absent(cache, minimal_plan, damage, tmp_path):
    plan_cache.disable()
    cold = summary(load_plan(minimal_plan))
    plan_cache.enable()
    load_plan(minimal_plan)
    witness = tmp_path / "ran"
    for entry in entries(cache):
        stored = entry.read_bytes()
        head_end = stored.index(b"\n", len(plan_cache.FORMAT)) + 1
        head, body = stored[:head_end], stored[head_end:]
        new = {
            "empty": b"",
            "truncated": stored[: len(stored) // 2],
            "garbage": head + b"\x80\x05not a pickle",
            "other key": plan_cache.FORMAT + b"0" * 64 + b"\n" + body,
            "foreign class": head + pickle.dumps(_Planted(str(witness))),
            "wrong shape": head + pickle.dumps(("a", "b")),
        }[damage]
        entry.write_bytes(new)
    assert summary(load_plan(minimal_plan)) == cold
    assert not witness.exists(), "a planted entry must not run code"


def test_an_entry_of_an_older_format_is_never_read(cache, minimal_plan):
    """Format 2 pickles the records as msgspec Structs: an entry headed with format 1 (dataclasses),
    even one whose key and body would otherwise pass, is absent. The body planted here is well
    formed but says something else, so reading it would change the load."""
    assert plan_cache.FORMAT == b"zzip plan cache 2\n"
    cold = _plant(cache, minimal_plan, lambda head, key, body: b"zzip plan cache 1\n" + key + body)
    assert summary(load_plan(minimal_plan)) == cold


def test_an_entry_whose_body_was_damaged_is_absent(cache, minimal_plan):
    """An entry changed after it was written (a flipped byte on disk, a half-restored backup) is
    absent, though it still unpickles into a well-formed document with the right key: one that
    lost a key crashed the run (KeyError, exit 3), one that says something else changed the check."""
    cold = _plant(cache, minimal_plan, lambda head, key, body: head + body)
    assert summary(load_plan(minimal_plan)) == cold


def _plant(cache: Path, minimal_plan: Path, written) -> tuple:
    """Fill the cache, then replace every entry's body with a well-formed one that says something
    else: `written(head, key, body)` makes the file (head: the entry's first lines as written, key:
    its key line). Returns the summary of a load with no cache, which the planted entries must not change."""
    plan_cache.disable()
    cold = summary(load_plan(minimal_plan))
    plan_cache.enable()
    load_plan(minimal_plan)
    for entry in entries(cache):
        stored = entry.read_bytes()
        head_end = stored.index(b"\n", len(plan_cache.FORMAT)) + 1
        document, problems = pickle.loads(stored[head_end:])
        document.data = {"planted": True}
        entry.write_bytes(written(stored[:head_end], stored[len(plan_cache.FORMAT):head_end],
                                  pickle.dumps((document, problems))))
    return cold


class _Planted:
    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


def test_an_entry_is_written_atomically(cache, minimal_plan, monkeypatch):
    """A write that fails half-way leaves no entry and no temporary file, and the check goes on."""
    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    plan_cache.disable()
    cold = summary(load_plan(minimal_plan))
    plan_cache.enable()
    assert summary(load_plan(minimal_plan)) == cold
    assert list(cache.rglob("*")) in ([], [cache / plan_cache.SUBFOLDER])


def test_a_cache_folder_that_cannot_be_made_is_skipped(tmp_path, minimal_plan, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(blocker / "cache"))
    plan_cache.enable()
    try:
        assert load_plan(minimal_plan).plan.meta is not None
    finally:
        plan_cache.disable()


def test_the_cache_is_off_unless_a_command_turns_it_on(tmp_path, minimal_plan, monkeypatch):
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(tmp_path / "cache"))
    load_plan(minimal_plan)
    assert not (tmp_path / "cache").exists()


def test_the_default_folder_is_the_user_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("ZZIP_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if sys.platform not in ("win32", "darwin"):
        assert plan_cache.default_folder() == tmp_path / ".cache" / "zzip"
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert plan_cache.default_folder() == tmp_path / "xdg" / "zzip"
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(tmp_path / "mine"))
    assert plan_cache.default_folder() == tmp_path / "mine"


def zzip_check(cwd: Path, *args: str, cache_dir: Path | None) -> subprocess.CompletedProcess:
    env = {"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "HOME": str(cwd / "home")}
    if cache_dir is not None:
        env["ZZIP_CACHE_DIR"] = str(cache_dir)
    return subprocess.run([str(ZZIP), "check", "reports", "--as-of", "2025-07-31", "--format", "json", *args],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_check_gives_the_same_report_cold_warm_and_without_the_cache(tmp_path):
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "reports", tmp_path / "reports")
    cache_dir = tmp_path / "cache"
    cold = zzip_check(tmp_path, "--no-cache", cache_dir=cache_dir)
    assert not cache_dir.exists(), "--no-cache writes nothing"
    first = zzip_check(tmp_path, cache_dir=cache_dir)
    assert len(entries(cache_dir)) == 7
    warm = zzip_check(tmp_path, cache_dir=cache_dir)
    assert cold.returncode == first.returncode == warm.returncode == 1
    assert cold.stdout == first.stdout == warm.stdout
    # without ZZIP_CACHE_DIR: the user's cache folder
    zzip_check(tmp_path, cache_dir=None)
    assert len(entries(tmp_path / "home" / ".cache" / "zzip")) == 7 or sys.platform in ("win32", "darwin")


@pytest.mark.parametrize("inside", ["plan", "reports", "the plan folder itself"])
def test_the_cache_is_never_written_into_the_plan_or_reports_folders(tmp_path, inside):
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "reports", tmp_path / "reports")
    before = sorted(p for p in tmp_path.rglob("*"))
    cache_dir = tmp_path / "plan" if inside == "the plan folder itself" else tmp_path / inside / ".zzip-cache"
    done = zzip_check(tmp_path, cache_dir=cache_dir)
    assert done.returncode == 1
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_only_the_newest_entries_are_kept(cache, minimal_plan, monkeypatch):
    monkeypatch.setattr(plan_cache, "KEEP", 3)
    folder = cache / plan_cache.SUBFOLDER
    folder.mkdir(parents=True)
    for n in range(5):
        old = folder / f"{n:064d}.pickle"
        old.write_bytes(b"old")
        os.utime(old, ns=(n, n))
    load_plan(minimal_plan)
    kept = entries(cache)
    assert len(kept) == 3
    assert all(p.read_bytes() != b"old" for p in kept), "the oldest go first"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("planted", ["pipe", "link to a pipe"])
def test_a_pipe_in_place_of_an_entry_does_not_block_the_run(cache, minimal_plan, planted, tmp_path):
    """Neither read nor written through: a pipe would block the run (this test would hang)."""
    plan_cache.disable()
    cold = summary(load_plan(minimal_plan))
    plan_cache.enable()
    load_plan(minimal_plan)
    for n, entry in enumerate(entries(cache)):
        entry.unlink()
        if planted == "pipe":
            os.mkfifo(entry)
        else:
            os.mkfifo(tmp_path / f"pipe{n}")
            entry.symlink_to(tmp_path / f"pipe{n}")
    assert summary(load_plan(minimal_plan)) == cold
    assert summary(load_plan(minimal_plan)) == cold


def test_entries_are_keyed_on_zzips_files_and_the_parsing_libraries(monkeypatch):
    raw = b"id: x\n"
    key = plan_cache._key(raw, "plan", "plan/plan.yaml")
    assert plan_cache._key(raw, "plan", "plan/plan.yaml") == key
    assert any(stamp.startswith("yaml:") for stamp in plan_cache._libraries())
    monkeypatch.setitem(plan_cache._state, "libraries", ["yaml:1:2"])  # PyYAML upgraded
    assert plan_cache._key(raw, "plan", "plan/plan.yaml") != key
    monkeypatch.undo()
    assert plan_cache._key(raw, "plan", "other/plan.yaml") != key
    assert plan_cache._key(raw, "units", "plan/plan.yaml") != key
    schema_file = Path(plan_cache.__file__).parent / "schema.py"
    stat = schema_file.stat()
    try:
        os.utime(schema_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # zzip's code changed
        assert plan_cache._key(raw, "plan", "plan/plan.yaml") != key
    finally:
        os.utime(schema_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))


# --- found by the review of this cache ---------------------------------------------------------

def _example(tmp_path: Path) -> None:
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "reports", tmp_path / "reports")


@pytest.mark.parametrize("linked", ["plan", "reports"])
def test_an_entries_folder_linked_into_the_plan_or_reports_is_not_used(tmp_path, linked):
    # before: ZZIP_CACHE_DIR=/tmp/c with /tmp/c/plan-files -> plan wrote 7 pickles into plan/
    _example(tmp_path)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir(mode=0o700)
    os.symlink(tmp_path / linked, cache_dir / plan_cache.SUBFOLDER)
    before = sorted(p for p in (tmp_path / linked).rglob("*"))
    assert zzip_check(tmp_path, cache_dir=cache_dir).returncode == 1
    assert sorted(p for p in (tmp_path / linked).rglob("*")) == before


def test_pruning_removes_only_files_the_cache_named(cache, minimal_plan, monkeypatch):
    # before: every *.pickle in the folder was pruned, a user's own files too
    monkeypatch.setattr(plan_cache, "KEEP", 1)
    folder = cache / plan_cache.SUBFOLDER
    folder.mkdir(parents=True, mode=0o700)
    mine = folder / "results.pickle"
    mine.write_bytes(b"someone's data")
    os.utime(mine, ns=(1, 1))
    load_plan(minimal_plan)
    assert mine.read_bytes() == b"someone's data"


@pytest.mark.parametrize("where", ["reports/2023-Q1/cache", "reports/cache", "reports/2025-Q2/cache"])
def test_the_cache_is_never_written_where_a_narrower_check_reads_reports(tmp_path, where):
    # before: checking reports/2025-Q2 wrote the cache into a sibling quarter or the reports root
    _example(tmp_path)
    before = sorted(p for p in (tmp_path / "reports").rglob("*"))
    for target in ("reports/2025-Q2", "reports/2025-Q2/agriculture.yaml"):
        done = subprocess.run([str(ZZIP), "check", target, "--as-of", "2025-07-31"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "ZZIP_CACHE_DIR": str(tmp_path / where), "ZZIP_LANG": "en"})
        assert done.returncode in (0, 1), done.stderr
    assert sorted(p for p in (tmp_path / "reports").rglob("*")) == before


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
@pytest.mark.parametrize("mode", [0o777, 0o770, 0o1777])
def test_a_cache_folder_others_can_write_is_not_used(tmp_path, minimal_plan, monkeypatch, mode):
    # before: a folder shared with other users (ZZIP_CACHE_DIR=/tmp/shared) was trusted, and a
    # forged entry there changed the verdict or made the check fail with exit 3
    folder = tmp_path / "everyones"
    folder.mkdir()
    folder.chmod(mode)
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(folder))
    plan_cache.enable()
    try:
        assert not plan_cache.enabled()
        load_plan(minimal_plan)
        assert entries(folder) == []
    finally:
        plan_cache.disable()
    folder.chmod(0o700)
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(folder))
    plan_cache.enable()
    try:
        assert plan_cache.enabled()
    finally:
        plan_cache.disable()


def test_a_cache_folder_with_a_tilde_is_the_users(monkeypatch, tmp_path):
    # before: ZZIP_CACHE_DIR='~/zc' from a CI file made a folder named '~' in the working tree
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ZZIP_CACHE_DIR", "~/zc")
    assert plan_cache.default_folder() == tmp_path / "zc"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
def test_the_folders_the_cache_makes_are_private_whatever_the_umask(tmp_path, minimal_plan, monkeypatch):
    folder = tmp_path / "home" / ".cache" / "zzip"
    monkeypatch.setenv("ZZIP_CACHE_DIR", str(folder))
    old = os.umask(0o002)  # a user private group's umask: folders made 0775 unless zzip says otherwise
    try:
        plan_cache.enable()
        load_plan(minimal_plan)
        plan_cache.disable()
        plan_cache.enable()  # the next run trusts what this one made
        assert plan_cache.enabled() and entries(folder)
    finally:
        os.umask(old)
        plan_cache.disable()
    assert (folder.stat().st_mode & 0o777) == 0o700 == ((folder / plan_cache.SUBFOLDER).stat().st_mode & 0o777)
