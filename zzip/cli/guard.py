"""How every run of zzip ends, whichever way its command line is read (Typer, or the plain
`zzip check` of fast_check.py): standard output that cannot be written (a closed pipe: 141, a full
disk: 2), an interrupt (130), and an internal error (exit 3, one line; the traceback only with
--debug or ZZIP_DEBUG)."""

from __future__ import annotations

import os
import sys

from zzip.i18n import _


class StdoutFailed(Exception):
    """Standard output could not be written (a full disk: exit 2; a closed pipe: exit 141): not a bug."""


class _GuardedStream:
    """sys.stdout, whose write errors become StdoutFailed, which click does not swallow (it
    turns a closed pipe into a silent exit 1)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except (OSError, UnicodeEncodeError) as exc:  # the latter: an encoding without the text's characters
            raise StdoutFailed(exc) from None

    def flush(self):
        try:
            return self._stream.flush()
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


class ClosedStream:
    """Standard output when zzip was started without one (`zzip check >&-`: Python's sys.stdout is
    None): writing fails as a closed descriptor does, so a run that needs it ends with one line
    and exit 2, and a run that writes only to -o runs as usual."""

    encoding, errors = "utf-8", "strict"

    def write(self, text):
        import errno

        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass  # nothing was ever written to be flushed

    def isatty(self) -> bool:
        return False


def stdout_failed(exc: OSError | UnicodeEncodeError) -> None:
    import errno

    try:  # what is still buffered must not fail again when Python exits
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    if isinstance(exc, UnicodeEncodeError):  # PYTHONIOENCODING=ascii, a redirect on a GBK Windows...
        from zzip.findings import printable

        message = _("standard output is written as %(encoding)s, which has no '%(character)s'; write the "
                    "report to a file with -o FILE (UTF-8), or set PYTHONIOENCODING=utf-8",
                    encoding=exc.encoding, character=printable(exc.object[exc.start:exc.end][:1]))
    elif exc.errno == errno.EPIPE:
        # a reader that stops early (`zzip check | head`) is normal: no message, and the status a
        # shell gives any tool ended by SIGPIPE (128 + 13), never 0: the verdict was not all read
        sys.exit(141)
    else:
        from zzip.filebytes import os_reason

        message = _("cannot write to standard output: %(reason)s", reason=os_reason(exc))
    try:
        sys.stderr.write(_("zzip: error: %(error)s", error=message) + "\n")
        sys.stderr.flush()
    except OSError:
        pass
    sys.exit(2)


def guarded(run) -> None:
    """Call `run()` (which ends with SystemExit, as a Click command does) under the guards above."""
    sys.stdout = _GuardedStream(sys.stdout)
    try:
        run()
        sys.stdout.flush()
    except SystemExit:
        try:
            sys.stdout.flush()
        except StdoutFailed as failed:
            stdout_failed(failed.args[0])
        raise
    except StdoutFailed as failed:
        stdout_failed(failed.args[0])
    except KeyboardInterrupt:
        sys.stderr.write(_("zzip: interrupted") + "\n")
        sys.exit(130)
    except Exception as exc:  # an internal error: one line, the traceback only on request
        if os.environ.get("ZZIP_DEBUG") or "--debug" in sys.argv:
            raise
        sys.stderr.write(
            _("zzip: internal error: %(kind)s: %(error)s", kind=type(exc).__name__, error=exc) + "\n"
            + _("This is a bug in zzip, not in your files. Please report it with the command you ran; "
                "run it again with --debug to see the traceback.") + "\n"
        )
        sys.exit(3)
