"""Benchmark `zzip check` against the floor (libyaml parse only), check-jsonschema and yamllint.

    python benchmarks/run.py                   # 1,000 files of ~30 entries, 3 runs each, median
    python benchmarks/run.py --scale           # also the 10x workload (10,000 files)
    python benchmarks/run.py --json out.json   # also write the results as JSON ('-': stdout)

Run from the repository root. See benchmarks/README.md for what each row means and the targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV_BIN = REPO / ".venv" / "bin"

if importlib.util.find_spec("yaml") is None:  # a Python without PyYAML: use the project's venv
    venv_python = VENV_BIN / "python"
    if venv_python.exists() and Path(sys.executable).resolve() != venv_python.resolve():
        os.execv(str(venv_python), [str(venv_python), *sys.argv])
    sys.exit("benchmark: PyYAML is needed (the workload generator uses it); run with .venv/bin/python")

sys.path.insert(0, str(HERE))
from workload import generate  # noqa: E402

AS_OF = "2026-01-31"
SCHEMA = REPO / "zzip" / "schemas" / "status.schema.json"
TIME = "/usr/bin/time"


def tool(name: str) -> str:
    """The tool next to this interpreter, else in the repo's venv, else on PATH."""
    for folder in (VENV_BIN, Path(sys.executable).parent):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        sys.exit(f"benchmark: '{name}' not found; install it into the venv "
                 f"({VENV_BIN / 'pip'} install check-jsonschema yamllint)")
    return found


class CommandFailed(Exception):
    pass


def run_once(cmd: list[str], cwd: Path, ok_codes: tuple[int, ...]) -> tuple[float, float]:
    """(wall seconds, peak resident memory in MB) of one run of cmd."""
    with tempfile.NamedTemporaryFile("r", suffix=".mem") as mem:
        if os.access(TIME, os.X_OK):
            wrapped = [TIME, "-f", "%M", "-o", mem.name, *cmd]
        else:  # no GNU time: a fresh Python whose only child is cmd, so RUSAGE_CHILDREN is cmd's peak
            wrapped = [sys.executable, "-c",
                       "import resource, subprocess, sys\n"
                       "rc = subprocess.call(sys.argv[2:])\n"
                       "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
                       "sys.exit(rc)", mem.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.run(wrapped, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if proc.returncode not in ok_codes:
            raise CommandFailed(f"{' '.join(cmd[:6])}{' ...' if len(cmd) > 6 else ''} exited {proc.returncode}:\n"
                                + proc.stderr.decode("utf-8", "replace")[-3000:])
        text = Path(mem.name).read_text().strip().splitlines()
        kb = int(text[-1]) if text and text[-1].isdigit() else 0
    return wall, kb / 1024


def measure(name: str, batches: list[list[str]], cwd: Path, repeat: int, ok_codes=(0,), info=None) -> dict:
    """Run the command (or batches of one command, times summed) `repeat` times: median time, max peak."""
    times, peaks = [], []
    for _ in range(repeat):
        total, peak = 0.0, 0.0
        for cmd in batches:
            wall, mb = run_once(cmd, cwd, ok_codes)
            total += wall
            peak = max(peak, mb)
        times.append(total)
        peaks.append(peak)
    row = {"name": name, "median_s": statistics.median(times), "peak_mb": max(peaks), "runs": repeat,
           "times_s": times, "batches": len(batches), "command": " ".join(batches[0][:8])}
    if info:
        row.update(info)
    print(f"  {name}: {row['median_s']:.3f} s (runs {', '.join(f'{t:.3f}' for t in times)}), "
          f"peak {row['peak_mb']:.1f} MB", file=sys.stderr, flush=True)
    return row


def batched(prefix: list[str], args: list[str]) -> list[list[str]]:
    """prefix + args, split into as few command lines as the system allows."""
    limit = os.sysconf("SC_ARG_MAX") - sum(len(k) + len(v) + 2 for k, v in os.environ.items()) - 64 * 1024
    batches, current, size = [], [], sum(len(p) + 1 for p in prefix)
    for arg in args:
        if current and size + len(arg) + 1 + 8 > limit:
            batches.append(prefix + current)
            current, size = [], sum(len(p) + 1 for p in prefix)
        current.append(arg)
        size += len(arg) + 1 + 8  # + the argv pointer
    batches.append(prefix + current)
    return batches


def source_stamp() -> tuple[float, int]:
    """(newest modification time, number) of zzip's source files: to notice edits during a run."""
    files = [p for p in (REPO / "zzip").rglob("*") if p.suffix in (".py", ".json")]
    return max((p.stat().st_mtime for p in files), default=0.0), len(files)


def machine() -> dict:
    model = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or str(os.cpu_count())
    python = subprocess.run([str(Path(tool("zzip")).parent / "python"), "--version"], capture_output=True, text=True).stdout.strip()
    zzip_version = subprocess.run([tool("zzip"), "--version"], capture_output=True, text=True).stdout.strip()
    return {"nproc": nproc, "cpu": model, "ram": ram, "python": python, "os": platform.platform(),
            "zzip": zzip_version, "time_wrapper": TIME if os.access(TIME, os.X_OK) else "python getrusage"}


def findings_by_rule(zzip: str, root: Path, plan: Path, cwd: Path) -> dict:
    """One unmeasured check (it also warms the caches): the findings it reports, by rule."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "check.json"
        proc = subprocess.run([zzip, "check", str(root), "--plan", str(plan), "--as-of", AS_OF, "--format", "json",
                               "-o", str(out)], cwd=cwd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise CommandFailed(f"zzip check exited {proc.returncode}:\n{proc.stderr[-3000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return {c["code"]: c["count"] for c in data.get("counts_by_rule", [])}


def bench_workload(root: Path, files: int, entries: int, args, bins: dict, label: str) -> dict:
    print(f"[{label}] generating {files} files of ~{entries} entries in {root}", file=sys.stderr, flush=True)
    info = generate(root, files=files, entries=entries)
    paths = [str(p.relative_to(root)) for p in info.pop("paths")]
    plan = REPO / "plan"
    result = {"label": label, "files": info["files"], "entries": info["entries"],
              "mb": info["bytes"] / 1024 / 1024, "root": str(root), "measurements": {}}
    print(f"[{label}] {info['files']} files, {info['entries']} entries, {result['mb']:.2f} MB; warm-up check",
          file=sys.stderr, flush=True)
    result["findings_by_rule"] = findings_by_rule(bins["zzip"], root, plan, REPO)
    bad = {code: n for code, n in result["findings_by_rule"].items() if code == "S201" or code.startswith("F")}
    if bad:
        raise CommandFailed(f"the workload is not valid: zzip reports {bad}")
    m = result["measurements"]
    check_cmd = [bins["zzip"], "check", str(root), "--plan", str(plan), "--as-of", AS_OF, "--format", "json",
                 "-o", "/dev/null"]
    m["check"] = measure(f"zzip check ({label})", [check_cmd], REPO, args.repeat, ok_codes=(0, 1))
    m["floor"] = measure(f"floor: libyaml load ({label})", [[bins["python"], str(HERE / "floor.py"), str(root)]],
                         REPO, args.repeat)
    if not args.no_jsonschema:
        batches = batched([bins["check-jsonschema"], "--schemafile", str(SCHEMA)], paths)
        m["check-jsonschema"] = measure(f"check-jsonschema ({label})", batches, root, args.repeat)
    return result


def ratio(value, target: float, op: str) -> dict:
    if value is None:
        return {"value": None, "target": f"{op} {target:g}", "met": None}
    met = value <= target if op == "<=" else value >= target if op == ">=" else value < target
    return {"value": value, "target": f"{op} {target:g}", "met": met}


def table(results: dict) -> str:
    lines = []
    w = results["workloads"]
    lines += ["| workload | files | entries | total MB | findings |", "| --- | ---: | ---: | ---: | ---: |"]
    for wl in w:
        lines.append(f"| {wl['label']} | {wl['files']:,} | {wl['entries']:,} | {wl['mb']:.2f} | "
                     f"{sum(wl['findings_by_rule'].values()):,} |")
    lines += ["", "| measurement | median s | peak MB | runs |", "| --- | ---: | ---: | ---: |"]
    for row in results["measurements"]:
        lines.append(f"| {row['name']} | {row['median_s']:.3f} | {row['peak_mb']:.1f} | {row['runs']} |")
    lines += ["", "| ratio | value | target | met |", "| --- | ---: | ---: | --- |"]
    for row in results["ratios"]:
        value = "n/a" if row["value"] is None else (f"{row['value']:.1f} MB" if row.get("unit") == "MB"
                                                     else f"{row['value']:.2f}")
        met = "n/a" if row["met"] is None else ("met" if row["met"] else "**not met**")
        lines.append(f"| {row['name']} | {value} | {row['target']} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark zzip check (see benchmarks/README.md).")
    parser.add_argument("--files", type=int, default=1000, help="status files in the workload (default 1000)")
    parser.add_argument("--entries", type=int, default=30, help="entries per file, about (default 30)")
    parser.add_argument("--scale", action="store_true", help="also run the 10x workload (10 x --files)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, median taken (default 3)")
    parser.add_argument("--startup-repeat", type=int, default=10, help="runs per startup measurement (default 10)")
    parser.add_argument("--keep", action="store_true", help="keep the generated workload and print where it is")
    parser.add_argument("--out", type=Path, help="folder for the workload (default: a new temporary folder)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE ('-': stdout)")
    parser.add_argument("--no-jsonschema", action="store_true", help="skip the check-jsonschema measurement")
    args = parser.parse_args(argv)

    bins = {name: tool(name) for name in ("zzip", "yamllint")}
    sibling = Path(bins["zzip"]).parent / "python"  # the floor runs on the interpreter zzip runs on
    bins["python"] = str(sibling) if sibling.exists() else sys.executable
    if not args.no_jsonschema:
        bins["check-jsonschema"] = tool("check-jsonschema")
    base = args.out.resolve() if args.out else Path(tempfile.mkdtemp(prefix="zzip-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    created = []
    results: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine(),
                     "settings": {"files": args.files, "entries": args.entries, "repeat": args.repeat,
                                  "startup_repeat": args.startup_repeat, "scale": args.scale, "as_of": AS_OF},
                     "workloads": [], "measurements": [], "ratios": [], "errors": []}
    status = 0
    stamp = source_stamp()
    try:
        sizes = [("1x", args.files)] + ([("10x", args.files * 10)] if args.scale else [])
        for label, files in sizes:
            root = base / f"files-{files}"
            if root.exists():
                shutil.rmtree(root)
            created.append(root)
            try:
                results["workloads"].append(bench_workload(root, files, args.entries, args, bins, label))
            except CommandFailed as exc:
                print(f"benchmark: {exc}", file=sys.stderr)
                results["errors"].append(str(exc))
                status = 1
        print("[startup] --version / --help, "
              f"{args.startup_repeat} runs each", file=sys.stderr, flush=True)
        startup = {}
        for key, cmd in (("zzip --version", [bins["zzip"], "--version"]), ("zzip --help", [bins["zzip"], "--help"]),
                         ("yamllint --version", [bins["yamllint"], "--version"])):
            try:
                startup[key] = measure(key, [cmd], REPO, args.startup_repeat)
            except CommandFailed as exc:
                results["errors"].append(str(exc))
                status = 1
    finally:
        if args.keep:
            print(f"benchmark: workload kept in {base}", file=sys.stderr)
        elif args.out:
            for root in created:
                shutil.rmtree(root, ignore_errors=True)
        else:
            shutil.rmtree(base, ignore_errors=True)

    if source_stamp() != stamp:
        results["errors"].append("zzip's source files changed during the run: the figures mix two versions; run again")
        status = 1
    by_label = {wl["label"]: wl for wl in results["workloads"]}
    for wl in results["workloads"]:
        results["measurements"].extend(wl["measurements"].values())
    results["measurements"].extend(startup.values())

    def t(label, key):
        row = by_label.get(label, {}).get("measurements", {}).get(key)
        return row["median_s"] if row else None

    def div(a, b):
        return a / b if a is not None and b else None

    ratios = results["ratios"]
    ratios.append({"name": f"check / floor ({args.files:,} files)", **ratio(div(t("1x", "check"), t("1x", "floor")), 2.0, "<=")})
    ratios.append({"name": f"check-jsonschema / check ({args.files:,} files)",
                   **ratio(div(t("1x", "check-jsonschema"), t("1x", "check")), 2.0, ">=")})
    if args.scale:
        ratios.append({"name": f"10x check / 1x check ({args.files * 10:,} / {args.files:,} files)",
                       **ratio(div(t("10x", "check"), t("1x", "check")), 11.0, "<=")})
        peak = by_label.get("10x", {}).get("measurements", {}).get("check", {}).get("peak_mb")
        ratios.append({"name": f"check peak memory ({args.files * 10:,} files)", "unit": "MB",
                       **ratio(peak, 200.0, "<")})
        if t("10x", "floor") is not None:
            ratios.append({"name": f"check / floor ({args.files * 10:,} files; no target)",
                           "value": div(t("10x", "check"), t("10x", "floor")), "target": "-", "met": None})
        if t("10x", "check-jsonschema") is not None:
            ratios.append({"name": f"check-jsonschema / check ({args.files * 10:,} files; no target)",
                           "value": div(t("10x", "check-jsonschema"), t("10x", "check")), "target": "-", "met": None})
    s = {k: v["median_s"] for k, v in startup.items()}
    ratios.append({"name": "zzip --version / yamllint --version",
                   **ratio(div(s.get("zzip --version"), s.get("yamllint --version")), 1.0, "<=")})
    ratios.append({"name": "zzip --help / yamllint --version",
                   **ratio(div(s.get("zzip --help"), s.get("yamllint --version")), 1.5, "<=")})

    m = results["machine"]
    print(f"\nzzip benchmark, {results['date']}: {m['zzip']}, {m['python']}, {m['nproc']} CPUs ({m['cpu']}), "
          f"{m['ram']} RAM\n")
    print(table(results))
    for wl in results["workloads"]:
        counts = ", ".join(f"{code} {n:,}" for code, n in sorted(wl["findings_by_rule"].items()))
        print(f"\nfindings ({wl['label']}): {counts}")
    for error in results["errors"]:
        print(f"\nERROR: {error}")
    if args.json:
        text = json.dumps(results, ensure_ascii=False, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
