"""Reading an input file's bytes safely, for every reader (YAML, JSON, xlsx).

Only ordinary files are read (/dev/zero never ends, a named pipe blocks), and only up to a size,
so one wrong file can neither hang a run nor fill its memory. Each reader words its own limit.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from zzip.i18n import N_, _

# The operating system's reasons a person meets, in the language of the run. The English is
# Linux's own wording (os.strerror), so English output is what it always was; any other reason
# is said in the system's words.
_OS_REASONS = {
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.ENOENT: N_("No such file or directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EISDIR: N_("Is a directory"),
    errno.EIO: N_("Input/output error"),
    errno.ENAMETOOLONG: N_("File name too long"),
    # what writing meets: a full disk, a read-only or busy place, a file where a folder belongs
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
    errno.ETXTBSY: N_("Text file busy"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in words for the user (the system's own where zzip has none)."""
    known = _OS_REASONS.get(exc.errno)
    return _(known) if known else str(exc.strerror or exc)


class Unreadable(Exception):
    """Why a file's bytes could not be read, in words for the user."""


def read_bytes(path: Path, limit: int, too_big: str) -> bytes:
    """The file's bytes; `too_big` is the message for a file over `limit` bytes ({size} is filled in)."""
    try:
        if path.is_dir():
            raise Unreadable(_("is a directory, not a file"))
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(_("is not a regular file (a device, pipe or socket); zzip reads only ordinary files"))
        if info.st_size > limit:
            raise Unreadable(too_big.format(size=info.st_size))
        return path.read_bytes()
    except Unreadable:
        raise
    except FileNotFoundError:
        raise Unreadable(_("file not found")) from None
    except PermissionError:
        raise Unreadable(_("permission denied: zzip cannot read this file")) from None
    except OSError as exc:
        # TRANSLATORS: %(reason)s is the operating system's reason, e.g. "Too many levels of symbolic links"
        raise Unreadable(_("cannot read file: %(reason)s", reason=os_reason(exc))) from None
