"""The bulletin's cost, as a ratio to `zzip check` on the same data, measured side by side.

    .venv/bin/python benchmarks/bulletin.py            # 7 alternating runs of each, medians, the ratio
    .venv/bin/python benchmarks/bulletin.py --runs 15

Both commands run on the bundled plan and example reports (all quarters) as of 2025-07-31, as
separate processes (start-up included), alternating so that both see the same machine load. The
target (issue 12): the bulletin in under 3x the time of the check. Exit 1 when it is not met.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ZZIP = REPO / ".venv" / "bin" / "zzip"
AS_OF = "2025-07-31"
TARGET = 3.0


def timed(command: list[str], ok: tuple[int, ...]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok:
        sys.exit(f"benchmark: {' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    zzip = str(ZZIP if ZZIP.exists() else "zzip")
    with tempfile.TemporaryDirectory() as temp:
        check = [zzip, "check", "reports", "--as-of", AS_OF, "-o", f"{temp}/check.txt"]
        bulletin = [zzip, "bulletin", "reports", "--period", "2025-Q2", "--as-of", AS_OF, "-o", f"{temp}/b.html"]
        timed(check, (0, 1)), timed(bulletin, (0,))  # warm the file cache
        checks, bulletins = [], []
        for _ in range(args.runs):
            checks.append(timed(check, (0, 1)))
            bulletins.append(timed(bulletin, (0,)))
    c, b = statistics.median(checks), statistics.median(bulletins)
    ratio = b / c
    print(f"zzip check     {c:.3f} s (median of {args.runs})")
    print(f"zzip bulletin  {b:.3f} s (median of {args.runs})")
    print(f"ratio          {ratio:.2f}x (target: under {TARGET:g}x) {'ok' if ratio < TARGET else 'NOT MET'}")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
