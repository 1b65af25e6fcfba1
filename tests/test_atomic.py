"""zzip/atomic.py: an output file is whole or untouched, also when it is written a piece at a time."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from zzip.atomic import write_chunks_atomic, write_text_atomic


def test_chunks_make_the_same_file_as_the_whole_text(tmp_path: Path) -> None:
    chunks = ["{\"a\":", "\"郑州\"", ",\"b\":[1,2]}", "\n"]
    whole, pieces = tmp_path / "whole.json", tmp_path / "pieces.json"
    write_text_atomic(whole, "".join(chunks))
    write_chunks_atomic(pieces, iter(chunks))
    assert pieces.read_bytes() == whole.read_bytes() == "".join(chunks).encode("utf-8")
    assert stat.S_IMODE(pieces.stat().st_mode) == stat.S_IMODE(whole.stat().st_mode)


def test_a_failure_midway_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def chunks():
        yield "new, half"
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        write_chunks_atomic(target, chunks())
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_is_written_to_not_replaced() -> None:
    write_chunks_atomic(Path("/dev/null"), ["a", "b"])
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
