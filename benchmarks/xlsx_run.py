"""Benchmark `zzip check` on status workbooks (.xlsx) against the reader's own load floor.

    .venv/bin/python benchmarks/xlsx_run.py            # a year (164 workbooks) and 1,000 workbooks
    .venv/bin/python benchmarks/xlsx_run.py --json -   # also every figure as JSON

The workloads are the realistic YAML workload of benchmarks/realistic.py (the plan's units, each
reporting exactly its active duties), each file written as the workbook `zzip convert` writes
(zzip.xlsx.writer): "year" is the 2024-Q1..2024-Q4 files of its first history (4 quarters x the
units with duties), "1000" all of its first 1,000 files (two histories, checked one after the
other, times added; every floor is run the same way). Beside each, the same reports as YAML are
checked too, and a second floor for information: calamine's load plus what zzip must read beyond
calamine's values (the zip directory, the data sheets' XML inflated and searched for hidden rows
and formulas, the merged ranges: floor_xlsx.py --with-xml). Measurements are interleaved: one
run of each command in turn, --repeat rounds.
See benchmarks/README.md#workbooks.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from run import AS_OF, REPO, run_once, tool  # noqa: E402
from realistic import generate  # noqa: E402


def build(root: Path, files: int) -> dict[str, list[Path]]:
    """label -> the report folders (one per history) of that workload."""
    import yaml

    from zzip.plan_loader import load_plan
    from zzip.xlsx.writer import build_workbook

    plan = load_plan(REPO / "plan").plan
    source = root / "yaml"
    info = generate(source, files=files)
    histories = [Path(p) for p in info["roots"]]
    roots: dict[str, list[Path]] = {"year": [root / "xlsx-year"], "year-yaml": [root / "yaml-year"],
                                    "1000": [root / "xlsx" / h.name for h in histories], "1000-yaml": histories}
    for history in histories:
        for path in sorted(history.rglob("*.yaml")):
            relative = path.relative_to(history)
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            payload = build_workbook(data, plan)
            targets = [root / "xlsx" / history.name]
            if history == histories[0] and relative.parts[0].startswith("2024-"):
                targets.append(roots["year"][0])
                (roots["year-yaml"][0] / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, roots["year-yaml"][0] / relative)
            for target in targets:
                out = (target / relative).with_suffix(".xlsx")
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(payload)
    return roots


def interleaved(named: dict[str, list[list[str]]], repeat: int) -> list[dict]:
    """Each name's command lines (times added), one name after the other, `repeat` rounds."""
    import statistics

    times = {name: [] for name in named}
    peaks = {name: 0.0 for name in named}
    for _ in range(repeat):
        for name, lines in named.items():
            total = 0.0
            for argv in lines:
                wall, mb = run_once(argv, REPO, (0, 1))
                total += wall
                peaks[name] = max(peaks[name], mb)
            times[name].append(total)
    rows = []
    for name, values in times.items():
        rows.append({"name": name, "median_s": statistics.median(values), "peak_mb": peaks[name], "runs": repeat,
                     "times_s": values})
        print(f"  {name}: {rows[-1]['median_s']:.3f} s (runs {', '.join(f'{t:.3f}' for t in values)})",
              file=sys.stderr, flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the figures as JSON to this file ('-': stdout)")
    args = parser.parse_args()
    zzip, python = tool("zzip"), str(Path(tool("zzip")).parent / "python")
    rows, ratios = [], []
    with tempfile.TemporaryDirectory(prefix="zzip-xlsx-bench-") as temp:
        print("building the workbooks", file=sys.stderr, flush=True)
        roots = build(Path(temp), args.files)
        for label in ("year", "1000"):
            count = sum(1 for root in roots[label] for _ in root.rglob("*.xlsx"))

            def check(root: Path) -> list[str]:
                return [zzip, "check", str(root), "--plan", str(REPO / "plan"), "--as-of", AS_OF, "--format", "json",
                        "-o", "/dev/null"]

            for root in roots[label]:
                run_once(check(root), REPO, (0, 1))  # warm-up
            c, f, x, o, y = interleaved({
                f"zzip check, {count} workbooks ({label})": [check(r) for r in roots[label]],
                f"floor: python-calamine load ({label})": [[python, str(HERE / "floor_xlsx.py"), str(r)]
                                                           for r in roots[label]],
                f"calamine load + the sheets' XML zzip reads ({label})": [
                    [python, str(HERE / "floor_xlsx.py"), str(r), "--with-xml"] for r in roots[label]],
                f"openpyxl read-only load ({label})": [[python, str(HERE / "floor_xlsx.py"), str(r), "--openpyxl"]
                                                       for r in roots[label]],
                f"zzip check, the same reports as YAML ({label})": [check(r) for r in roots[f"{label}-yaml"]],
            }, args.repeat)
            rows += [c, f, x, o, y]
            ratios += [(f"check / calamine floor ({label})", c["median_s"] / f["median_s"], "<= 1.5"),
                       (f"check / calamine + XML floor ({label})", c["median_s"] / x["median_s"], "-"),
                       (f"check / openpyxl read-only floor ({label})", c["median_s"] / o["median_s"], "-"),
                       (f"xlsx check / YAML check ({label})", c["median_s"] / y["median_s"], "-")]
    print("| measurement | median s | peak MB | runs |\n| --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['name']} | {row['median_s']:.3f} | {row['peak_mb']:.1f} | {row['runs']} |")
    print("\n| ratio | value | target |\n| --- | ---: | --- |")
    for name, value, target in ratios:
        print(f"| {name} | {value:.2f} | {target} |")
    if args.json:
        text = json.dumps({"measurements": rows, "ratios": ratios}, indent=2)
        (sys.stdout.write(text + "\n") if args.json == "-" else Path(args.json).write_text(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
