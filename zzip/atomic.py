"""Write output files all at once: a reader never sees half a file, and a crash leaves the old one.

Only regular files can be replaced atomically. A device, pipe or socket (`-o /dev/null`,
`-o /dev/stdout`, a named pipe) is written to directly: replacing it would destroy it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Callable, Iterable


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def write_chunks_atomic(path: Path, chunks: Iterable[str], encoding: str = "utf-8") -> None:
    """Like write_text_atomic, for text made a piece at a time (a report of ten thousand
    findings): each piece is encoded and written as it comes, so the whole text never has to be
    held twice, as a string and as its bytes (benchmarks/README.md, peak memory)."""
    _write(path, lambda handle: handle.writelines(chunk.encode(encoding) for chunk in chunks))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Like write_text_atomic, for a binary file (an xlsx workbook)."""
    _write(path, lambda handle: handle.write(data))


def _write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        with open(path, "wb") as handle:
            write(handle)
        return
    import tempfile  # only here: `-o /dev/null` and standard output need none of it (2 ms of start-up)

    directory = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would have
        os.chmod(temp_name, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
