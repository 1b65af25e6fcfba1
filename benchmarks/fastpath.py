"""`zzip check` against the load floors, side by side (issue 13), and start-up against yamllint.

    .venv/bin/python benchmarks/fastpath.py [--files 1000] [--repeat 5] [--json FILE]
    .venv/bin/python benchmarks/fastpath.py --files 10000 --repeat 3
    .venv/bin/python benchmarks/fastpath.py --old-workload --files 10000 --repeat 3
    .venv/bin/python benchmarks/fastpath.py --startup-only --startup-repeat 30

Every measurement is interleaved: one run of each command in turn, `--repeat` rounds, the median
reported with the fastest and slowest run. Commands:

- check: `zzip check ROOT --plan plan --as-of 2026-01-31 --format json -o /dev/null`;
- precise: the same with yaml-rs made unimportable (every file read by libyaml, as before the
  fast path; also what a platform without a yaml-rs wheel gets);
- floor CSafeLoader: benchmarks/floor.py (find the files as zzip does, yaml.load with CSafeLoader
  on each, nothing else);
- floor native: the same with yaml_rs.loads (the fastest native load found; rapidyaml's parse,
  emit JSON and json.loads was slower on these files).

The workload (benchmarks/realistic.py) is N files of the plan's real units, each reporting
exactly its active duties, in histories of 557 files (the plan has no more distinct unit and
quarter pairs: a second report for one draws S206). Every command runs once per history and the
times are added, so each pays as many start-ups as zzip does. `--old-workload` is the one-folder
workload of workload.py instead (made-up units, thousands of S202/S203 findings): one process
over all N files, which measures memory growth and the cost of positions when most files have
findings. Peak memory: GNU time's maximum resident set size of the largest single run, MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = REPO / ".venv" / "bin"
PY = str(BIN / "python") if (BIN / "python").exists() else sys.executable
ZZIP = str(Path(PY).parent / "zzip")
YAMLLINT = str(Path(PY).parent / "yamllint")
PRECISE = ("import sys; sys.modules['yaml_rs'] = None; from zzip.launcher import main; "
           "sys.argv[0] = 'zzip'; main()")
NATIVE = ("import sys; sys.path.insert(0, %r); from floor import find; import yaml_rs\n"
          "n = 0\nfor p in find(__import__('pathlib').Path(sys.argv[1])):\n"
          "    yaml_rs.loads(p.read_text(encoding='utf-8'), parse_datetime=False); n += 1\nprint(n)") % str(HERE)
CHECK = "zzip check"
COLD_CHECK = "zzip check --no-cache (plan read and checked afresh)"
PRECISE_CHECK = "zzip check, precise path only"
FLOOR = "floor: CSafeLoader load"
NATIVE_FLOOR = "floor: native load (yaml-rs)"


def commands(root: str) -> dict[str, list[str]]:
    check = ["check", root, "--plan", str(REPO / "plan"), "--as-of", "2026-01-31", "--format", "json", "-o", "/dev/null"]
    return {
        CHECK: [ZZIP, *check],
        COLD_CHECK: [ZZIP, *check, "--no-cache"],
        PRECISE_CHECK: [PY, "-c", PRECISE, *check],
        FLOOR: [PY, str(HERE / "floor.py"), root],
        NATIVE_FLOOR: [PY, "-c", NATIVE, root],
    }


STARTUP = {
    "yamllint --version": [YAMLLINT, "--version"],
    "zzip check --help": [ZZIP, "check", "--help"],
    "zzip check (empty reports folder: start-up and the plan)": None,  # filled in with a folder
    "zzip check --no-cache (empty reports folder)": None,
    "zzip --version": [ZZIP, "--version"],
}


def timed(argv: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(argv)}\n{done.stderr[-2000:]}")
    return elapsed, int(done.stderr.strip().splitlines()[-1]) / 1024


def measure(runs: dict[str, list[list[str]]], repeat: int) -> dict[str, dict]:
    """name -> {median, low, high, peak}; each name's command lines run in turn, times added."""
    times = {name: [] for name in runs}
    peaks = {name: 0.0 for name in runs}
    for _ in range(repeat):
        for name, lines in runs.items():
            total = 0.0
            for argv in lines:
                elapsed, peak = timed(argv)
                total += elapsed
                peaks[name] = max(peaks[name], peak)
            times[name].append(total)
    return {name: {"median": statistics.median(v), "low": min(v), "high": max(v), "peak": peaks[name],
                   "runs": len(v)} for name, v in times.items()}


def table(title: str, results: dict[str, dict]) -> str:
    rows = [f"| {title} | median s | fastest-slowest s | peak MB | runs |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, r in results.items():
        rows.append(f"| {name} | {r['median']:.3f} | {r['low']:.3f}-{r['high']:.3f} | {r['peak']:.1f} | {r['runs']} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--startup-repeat", type=int, default=20)
    parser.add_argument("--old-workload", action="store_true")
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="zzip-fast-"))
    sys.path.insert(0, str(HERE))
    _as_installed(out)
    figures: dict = {"files": args.files}

    empty = out / "empty" / "2025-Q2"
    empty.mkdir(parents=True)
    startup = dict(STARTUP)
    startup["zzip check (empty reports folder: start-up and the plan)"] = commands(str(empty))[CHECK]
    startup["zzip check --no-cache (empty reports folder)"] = commands(str(empty))[COLD_CHECK]
    subprocess.run(commands(str(empty))[CHECK], capture_output=True)  # fills the plan cache
    started = measure({name: [argv] for name, argv in startup.items()}, args.startup_repeat)
    print(table("start-up", started))
    base = started["yamllint --version"]["median"]
    print()
    for name in ("zzip check --help", "zzip check (empty reports folder: start-up and the plan)",
                 "zzip check --no-cache (empty reports folder)", "zzip --version"):
        print(f"- {name} / yamllint --version: {started[name]['median'] / base:.2f}")
    figures["startup"] = started
    if args.startup_only:
        return _dump(args.json, figures)

    if args.old_workload:
        import workload

        workload.generate(out / "w", files=args.files)
        roots = [str(out / "w")]
        kind = "old workload, one process"
    else:
        import realistic

        roots = realistic.generate(out / "r", files=args.files)["roots"]
        kind = f"realistic, {len(roots)} {'history' if len(roots) == 1 else 'histories'}"
    for root in roots:  # warm the page cache
        subprocess.run(commands(root)[CHECK], capture_output=True)
    runs = {name: [commands(root)[name] for root in roots] for name in commands(roots[0])}
    results = measure(runs, args.repeat)
    print()
    print(table(f"{args.files:,} files ({kind})", results))
    check, floor, native = (results[n]["median"] for n in (CHECK, FLOOR, NATIVE_FLOOR))
    ratios = {
        "check / CSafeLoader floor": check / floor,
        "check --no-cache / CSafeLoader floor": results[COLD_CHECK]["median"] / floor,
        "check / native floor": check / native,
        "precise check / CSafeLoader floor": results[PRECISE_CHECK]["median"] / floor,
        "check / precise check": check / results[PRECISE_CHECK]["median"],
    }
    print()
    for name, value in ratios.items():
        print(f"- {name}: {value:.2f}")
    figures.update(kind=kind, results=results, ratios=ratios)
    return _dump(args.json, figures)


def _as_installed(out: Path) -> None:
    """Run zzip as an installed copy runs: its modules compiled to bytecode (pip compiles them when
    it installs; a checkout installed with -e, on a machine with PYTHONDONTWRITEBYTECODE set, would
    otherwise compile every module on every run, 0.1-0.2 s), and its plan cache in a folder of this
    run (filled by the warm-up run), not the user's."""
    import os

    where = "import zzip, os; print(os.path.dirname(zzip.__file__))"
    # the copy the zzip command runs (outside the checkout), and the checkout's own (`python -c`
    # started from the repository root imports that one)
    packages = {subprocess.run([PY, "-c", where], capture_output=True, text=True, check=True, cwd=cwd).stdout.strip()
                for cwd in ("/", None)}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for package in packages:
        subprocess.run([PY, "-m", "compileall", "-q", package], check=True, capture_output=True)
    os.environ["ZZIP_CACHE_DIR"] = str(out / "plan-cache")


def _dump(path: Path | None, figures: dict) -> int:
    if path is not None:
        path.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
