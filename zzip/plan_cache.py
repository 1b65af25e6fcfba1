"""A cache of the plan's files as read: each file's data, positions and schema problems, so that a
`zzip check` run after the first does not parse and validate the same plan again (15 ms of a
run's 150 ms; benchmarks/README.md).

What makes it safe to trust:
- an entry stands for the exact bytes of one file, read as one kind of plan file, shown under one
  name, in one language, by one zzip: the key is a SHA-256 of all of these, of the Python version
  and of the size and modification time of every zzip file the result depends on and of the
  libraries that parse and word it (so that a changed zzip, even with the same version number, or
  an upgraded PyYAML or jsonschema never reads an old entry). The file holds its whole key again,
  and a SHA-256 of the pickled entry after it, and is used only when both match (a damaged entry
  can still unpickle, into a plan that says something else or lacks a key);
- an entry is written atomically (zzip/atomic.py), and anything unreadable, truncated, corrupt or
  written by something else is treated as absent; unpickling admits only the few zzip classes an
  entry is made of, so a planted file cannot run code;
- only a file that parsed is kept; a file that cannot be read is read again every time;
- the cache lives in the user's cache folder (ZZIP_CACHE_DIR moves it, `~` expanded) and is never
  written inside the plan or any folder the run reads reports from, nor through a link into one: a
  cache folder there turns the cache off; nor is one used that another user owns or can write
  (an entry is trusted as the plan it stands for); pruning removes only files it named;
- the newest KEEP entries are kept, older ones removed when a new one is written;
- `zzip check --no-cache` reads everything afresh, and the cache is off unless a command turns it on.
"""

from __future__ import annotations

import os
import pickle
import re
import stat
import sys
from pathlib import Path
from typing import Any, Iterable

# 2: the records (Location, SchemaProblem, EncodingNotice) are msgspec Structs, pickled as
# `Class(*fields)`: an entry of format 1 (dataclasses) is never read as them.
FORMAT = b"zzip plan cache 2\n"
SUBFOLDER = "plan-files"
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # an entry holds one plan file (5 MB at most) as read
KEEP = 256  # entries kept (about 20 KB each): the oldest go when a write passes this

_state: dict[str, Any] = {"folder": None}
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.pickle\Z")

# What an entry is made of: nothing else is ever unpickled.
_ALLOWED = {
    ("zzip.yamlfile", "YamlDocument"), ("zzip.yamlfile", "YamlMap"), ("zzip.yamlfile", "YamlList"),
    ("zzip.yamlfile", "EncodingNotice"), ("zzip.findings", "Location"), ("zzip.schema", "SchemaProblem"),
    ("array", "_array_reconstructor"), ("array", "array"), ("copyreg", "_reconstructor"), ("builtins", "object"),
    ("datetime", "date"), ("datetime", "datetime"),
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a plan cache entry")
        return super().find_class(module, name)


def default_folder() -> Path | None:
    """ZZIP_CACHE_DIR, else the user's cache folder of the platform; None when there is none."""
    chosen = os.environ.get("ZZIP_CACHE_DIR", "").strip()
    if chosen:  # "~/..." as CI files and .env files write it, which no shell has expanded
        return Path(chosen).expanduser()
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "").strip()
        return Path(base) / "zzip" / "Cache" if base else home / "AppData" / "Local" / "zzip" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "zzip"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache") / "zzip"


def enable(keep_out_of: Iterable[Path] = ()) -> None:
    """Use the cache for this run, unless its folder, or the folder of entries in it, lies inside
    one of `keep_out_of` (the plan and the folders the run reads reports from, which zzip never
    writes into), or is one that others can write (see `_private`)."""
    folder = default_folder()
    if folder is not None:
        try:
            places = [p.resolve() for p in keep_out_of]
            for where in (folder.resolve(), (folder / SUBFOLDER).resolve()):  # the subfolder may be a link
                if any(where == p or where.is_relative_to(p) for p in places):
                    folder = None
                    break
            if folder is not None and not _private(folder):
                folder = None
        except (OSError, RuntimeError, ValueError):
            folder = None
    _state["folder"] = folder


def _private(folder: Path) -> bool:
    """An entry is trusted as the plan it stands for, so only a folder of this user's that no one
    else can write holds entries (as ssh treats its keys): the cache folder and its entries' folder,
    where they exist, are directories (not links) owned by the user running zzip, not writable by
    group or others. A folder shared with other users (ZZIP_CACHE_DIR=/tmp) turns the cache off."""
    if not hasattr(os, "getuid"):  # Windows: the user's own AppData folder
        return True
    for path in (folder, folder / SUBFOLDER):
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue  # made by put(), mode 0700
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            return False
    return True


def disable() -> None:
    _state["folder"] = None


def enabled() -> bool:
    return _state["folder"] is not None


def _code_fingerprint(kind: str) -> bytes:
    """Size and modification time of each zzip file a cached result depends on."""
    package = Path(__file__).parent
    names = ["__init__.py", "plan_cache.py", "yamlfile.py", "schema.py", "findings.py", "filebytes.py", "i18n.py",
             f"schemas/{kind}.schema.json", f"schemas/compiled/{kind}.py", "locale/zh_CN/LC_MESSAGES/zzip.mo"]
    parts = [_stamp(name, package / name) for name in names] + _libraries()
    return "\n".join(parts).encode()


def _stamp(name: str, path) -> str:
    try:
        info = os.stat(path)
        return f"{name}:{info.st_size}:{info.st_mtime_ns}"
    except (OSError, TypeError):
        return f"{name}:-"


def _libraries() -> list[str]:
    """The libraries that parse and word a plan file (PyYAML and libyaml, jsonschema, fastjsonschema),
    by their installed files, found without importing them: an upgrade makes new entries."""
    if "libraries" not in _state:
        from importlib.util import find_spec

        stamps = []
        for name in ("yaml", "_yaml", "jsonschema", "fastjsonschema"):
            try:
                spec = find_spec(name)
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec is not None else None
            stamps.append(_stamp(name, origin))
            if name == "yaml" and origin:  # the compiled libyaml binding beside it
                stamps += [_stamp(p.name, p) for p in sorted(Path(origin).parent.glob("_yaml*"))]
        _state["libraries"] = stamps
    return _state["libraries"]


def _key(raw: bytes, kind: str, shown: str) -> str:
    from zzip import __version__
    from zzip.i18n import language
    from zzip.schema import _sha256

    head = "\0".join((__version__, sys.version, kind, shown, language())).encode("utf-8", "surrogateescape")
    return _sha256(b"\0".join((FORMAT, head, _code_fingerprint(kind), raw)))


def _entry(folder: Path, key: str) -> Path:
    return folder / SUBFOLDER / f"{key}.pickle"


def get(raw: bytes, kind: str, shown: str):
    """(document, schema problems) read earlier from exactly these bytes, or None."""
    folder = _state["folder"]
    if folder is None:
        return None
    key = _key(raw, kind, shown)
    try:
        entry = _entry(folder, key)
        info = os.lstat(entry)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES or \
                (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return None  # a pipe would block the run; a link, a huge file or another user's is not ours
        with open(entry, "rb") as handle:
            stored = handle.read(MAX_ENTRY_BYTES + 1)
        head = FORMAT + key.encode() + b" "
        digest_end = len(head) + 64
        if not stored.startswith(head) or stored[digest_end:digest_end + 1] != b"\n":
            return None
        from zzip.schema import _sha256

        body = memoryview(stored)[digest_end + 1:]
        if _sha256(body).encode() != stored[len(head):digest_end]:
            return None  # changed since it was written: it may unpickle into a plan that says otherwise
        import io

        value = _Unpickler(io.BytesIO(body)).load()
    except Exception:  # noqa: BLE001 - missing, unreadable, truncated, corrupt or foreign: absent
        return None
    return value if _well_formed(value, shown) else None


def _well_formed(value, shown: str) -> bool:
    from zzip.schema import SchemaProblem
    from zzip.yamlfile import YamlDocument

    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], YamlDocument)
            and value[0].path == shown and isinstance(value[1], list)
            and all(isinstance(p, SchemaProblem) for p in value[1]))


def put(raw: bytes, kind: str, shown: str, value) -> None:
    """Keep (document, schema problems) for these bytes; a cache that cannot be written is skipped."""
    folder = _state["folder"]
    if folder is None:
        return
    key = _key(raw, kind, shown)
    try:
        from zzip.atomic import write_bytes_atomic

        target = _entry(folder, key)
        # both folders of the cache private to the user whatever the umask (`_private` checks them)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target.parent.mkdir(exist_ok=True, mode=0o700)
        if os.path.lexists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
            return  # not ours (a pipe, a link): left alone, never written through
        from zzip.schema import _sha256

        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes_atomic(target, FORMAT + key.encode() + b" " + _sha256(body).encode() + b"\n" + body)
        _prune(target.parent)
    except Exception:  # noqa: BLE001 - a full disk or a read-only home must not fail a check
        return


def _prune(folder: Path) -> None:
    """Keep the KEEP newest entries: every edit of a plan file adds one."""
    entries = [p for p in folder.iterdir() if _ENTRY_NAME.match(p.name)]  # never a file zzip did not name
    if len(entries) <= KEEP:
        return
    entries.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEEP]:
        try:
            old.unlink()
        except OSError:
            pass
