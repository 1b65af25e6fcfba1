"""Benchmark `zzip check` on status workbooks (.xlsx) against the reader's own load floor.

    .venv/bin/python benchmarks/xlsx_run.py            # a year (164 workbooks) and 1,000 workbooks
    .venv/bin/python benchmarks/xlsx_run.py --json -   # also every figure as JSON

The workloads are the YAML workload of benchmarks/workload.py (the real plan), each file written as
the workbook `zzip convert` writes (zzip.xlsx.writer): "year" is its 2024-Q1..2024-Q4 files of the
plan's 41 body units (4 quarters x 41 units = 164), "1000" all of its first 1,000 files. Beside
each, the same reports as YAML are checked too. See benchmarks/README.md#workbooks.
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
from run import AS_OF, REPO, measure, tool  # noqa: E402
from workload import generate  # noqa: E402


def build(root: Path, files: int) -> dict[str, Path]:
    import yaml

    from zzip.plan_loader import load_plan
    from zzip.xlsx.writer import build_workbook

    plan = load_plan(REPO / "plan").plan
    source = root / "yaml-1000"
    info = generate(source, files=files)
    roots = {"year": root / "xlsx-year", "1000": root / "xlsx-1000", "year-yaml": root / "yaml-year",
             "1000-yaml": source}
    for path in info["paths"]:
        relative = path.relative_to(source)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        payload = build_workbook(data, plan)
        targets = [roots["1000"]]
        if relative.parts[0].startswith("2024-") and data["unit"] in plan.units:
            targets.append(roots["year"])
            (roots["year-yaml"] / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, roots["year-yaml"] / relative)
        for target in targets:
            out = (target / relative).with_suffix(".xlsx")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(payload)
    return roots


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
            root = roots[label]
            count = sum(1 for _ in root.rglob("*.xlsx"))
            check = [zzip, "check", str(root), "--plan", str(REPO / "plan"), "--as-of", AS_OF, "--format", "json",
                     "-o", "/dev/null"]
            measure("warm-up", [check], REPO, 1, ok_codes=(0, 1))
            c = measure(f"zzip check, {count} workbooks ({label})", [check], REPO, args.repeat, ok_codes=(0, 1))
            f = measure(f"floor: python-calamine load ({label})", [[python, str(HERE / "floor_xlsx.py"), str(root)]],
                        REPO, args.repeat)
            o = measure(f"openpyxl read-only load ({label})",
                        [[python, str(HERE / "floor_xlsx.py"), str(root), "--openpyxl"]], REPO, args.repeat)
            y = measure(f"zzip check, the same reports as YAML ({label})",
                        [[zzip, "check", str(roots[f"{label}-yaml"]), "--plan", str(REPO / "plan"), "--as-of", AS_OF,
                          "--format", "json", "-o", "/dev/null"]], REPO, args.repeat, ok_codes=(0, 1))
            rows += [c, f, o, y]
            ratios += [(f"check / calamine floor ({label})", c["median_s"] / f["median_s"], "<= 1.5"),
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
