"""`zzip check` on the realistic workload against the load floors, side by side (issue 13).

    .venv/bin/python benchmarks/fastpath.py [--files 1000] [--repeat 5] [--old-workload]

Measures, interleaved (one run of each in turn, `--repeat` rounds, medians reported), on the
realistic workload of benchmarks/realistic.py (N files in histories of 557; every command runs
once per history and the times are added, so each pays the same number of start-ups):

- check: `zzip check ROOT --as-of 2026-01-31 --format json -o /dev/null` (fast path);
- precise: the same with yaml-rs made unimportable (every file read by libyaml, as before);
- floor CSafeLoader: benchmarks/floor.py (find the files, yaml.load with CSafeLoader, nothing else);
- floor native: the same with yaml_rs.loads (the fastest native load found).

`--old-workload` runs the old workload (workload.py: made-up units, thousands of S202/S203
findings), which measures the fall-back cost when most files have findings.
Peak memory is GNU time's maximum resident set size of the largest run, in MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = str(REPO / ".venv/bin/python") if (REPO / ".venv/bin/python").exists() else sys.executable
ZZIP = str(Path(PY).parent / "zzip")
PRECISE = ("import sys; sys.modules['yaml_rs'] = None; from zzip.launcher import main; "
           "sys.argv[0] = 'zzip'; main()")
NATIVE = ("import sys; sys.path.insert(0, %r); from floor import find; import yaml_rs; "
          "n = 0\nfor p in find(__import__('pathlib').Path(sys.argv[1])):\n"
          "    yaml_rs.loads(p.read_text(encoding='utf-8'), parse_datetime=False); n += 1\nprint(n)") % str(HERE)


def commands(root: str) -> dict[str, list[str]]:
    check = ["check", root, "--plan", str(REPO / "plan"), "--as-of", "2026-01-31", "--format", "json", "-o", "/dev/null"]
    return {
        "zzip check": [ZZIP, *check],
        "zzip check, precise path only": [PY, "-c", PRECISE, *check],
        "floor: CSafeLoader load": [PY, str(HERE / "floor.py"), root],
        "floor: native load (yaml-rs)": [PY, "-c", NATIVE, root],
    }


def timed(argv: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(argv)}\n{done.stderr[-2000:]}")
    return elapsed, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--old-workload", action="store_true")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="zzip-fast-"))
    sys.path.insert(0, str(HERE))
    if args.old_workload:
        import workload

        workload.generate(out / "h01", files=args.files)
        roots = [str(out / "h01")]
    else:
        import realistic

        roots = realistic.generate(out, files=args.files)["roots"]
    names = list(commands(roots[0]))
    for root in roots:  # warm the page cache
        subprocess.run(commands(root)["zzip check"], capture_output=True)
    times = {name: [] for name in names}
    peaks = {name: 0.0 for name in names}
    for _ in range(args.repeat):
        for name in names:
            total = 0.0
            for root in roots:
                elapsed, peak = timed(commands(root)[name])
                total += elapsed
                peaks[name] = max(peaks[name], peak)
            times[name].append(total)
    median = {name: statistics.median(values) for name, values in times.items()}
    kind = "old workload" if args.old_workload else f"realistic, {len(roots)} histories"
    print(f"| {args.files:,} files ({kind}) | median s | spread s | peak MB |")
    print("| --- | ---: | ---: | ---: |")
    for name in names:
        print(f"| {name} | {median[name]:.3f} | {min(times[name]):.3f}-{max(times[name]):.3f} | {peaks[name]:.1f} |")
    check = median["zzip check"]
    print()
    print(f"check / CSafeLoader floor: {check / median['floor: CSafeLoader load']:.2f}")
    print(f"check / native floor: {check / median['floor: native load (yaml-rs)']:.2f}")
    print(f"precise check / CSafeLoader floor: {median['zzip check, precise path only'] / median['floor: CSafeLoader load']:.2f}")
    print(f"check / precise check: {check / median['zzip check, precise path only']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
