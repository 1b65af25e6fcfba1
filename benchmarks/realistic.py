"""The realistic workload: status files as the plan's real units send them.

    python benchmarks/realistic.py OUT_DIR [--files 1000]

Each body unit of the plan (plan/) reports, for each quarter in which it has active duties
(2022-Q3 .. 2025-Q4), exactly those duties with its role, in the order `zzip template` writes
them, and the indicators it owns (the others none): no made-up units, no items it has no part
in, so `zzip check` finds no S or F problem. Statuses, percents, completion dates, evidence,
notes and indicator values follow workload.py's seeded trajectories.

The plan's whole history is 627 such files ({unit, quarter} pairs). A unit cannot send a second
report for a quarter without a finding (S206), nor a report outside the plan's quarters (S204),
so a workload of N files is ceil(N / 627) histories, each in its own folder OUT_DIR/h01,
OUT_DIR/h02, ..., the last one cut short; benchmarks/fastpath.py checks each with one `zzip
check` and adds the times (and does the same for every floor it compares with).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import workload  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def pairs(plan_dir: Path = REPO / "plan") -> tuple[list[tuple[int, str, list[tuple[str, str]], list[str]]], object]:
    """(quarter index from 2022-Q1, unit, [(item, role)], [owned indicator]) for the whole history."""
    from zzip.months import Quarter
    from zzip.plan_loader import load_plan
    from zzip.responsibility import LEAD, Responsibilities

    plan = load_plan(plan_dir).plan
    duties = Responsibilities(plan)
    order = {"task": 0, "milestone": 1, "annual": 2}
    items = list(plan.tasks) + list(plan.milestones) if hasattr(plan, "tasks") else []
    rank = {item: i for i, item in enumerate(items)}
    out = []
    for qi in range(16):
        quarter = Quarter(2022 + qi // 4, qi % 4 + 1)
        for unit in plan.units.values():
            if unit.is_group:
                continue
            active = duties.active_duties(unit.id, quarter)
            if not active:
                continue
            active = sorted(active, key=lambda d: (d.role != LEAD, order[d.kind], rank.get(d.item_id, 0), d.item_id))
            owned = [i.id for i in plan.indicators.values() if i.owner == unit.id]
            out.append((qi, unit.id, [(d.item_id, d.role) for d in active], owned))
    return out, plan


def generate(root: Path, files: int = 1000, seed: int = workload.DEFAULT_SEED) -> dict:
    info = workload.read_plan(workload.DEFAULT_PLAN)
    history, _plan = pairs()
    roots, total_bytes, total_entries = [], 0, 0
    first_active: dict[tuple[str, str], dt.date] = {}  # (unit, item) -> last day of its first active quarter
    for qi, unit, active, _owned in history:
        year, q = 2022 + qi // 4, qi % 4 + 1
        for item, _role in active:
            first_active.setdefault((unit, item), dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1))
    for index in range(files):
        round_, (qi, unit, active, owned) = divmod(index, len(history))[0], history[index % len(history)]
        folder_root = root / f"h{round_ + 1:02d}"
        if folder_root not in roots:
            roots.append(folder_root)
        year, q = 2022 + qi // 4, qi % 4 + 1
        quarter = f"{year}-Q{q}"
        last = dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)
        r = workload._rng(seed, "file", unit, quarter, round_)
        submitted = last + dt.timedelta(days=r.randint(3, 15))
        wqi = qi - 4  # workload.py counts quarters from 2023-Q1
        doc = {
            "format": 1, "plan": info.plan_id, "plan_version": info.version, "unit": unit, "period": quarter,
            "submitted": submitted.isoformat(), "contact": r.choice(workload.CONTACTS),
            "entries": [_entry(seed, unit, item, wqi, role, info, submitted, first_active[unit, item])
                        for item, role in active],
        }
        values = []
        for ind in owned:
            if wqi < 0 and info.indicators[ind].get("kind") == "flow":
                continue  # 2022: no full year of the plan has ended yet
            value = workload._indicator_value(seed, unit, info.indicators[ind], max(wqi, 0), submitted)
            value["measured"] = min(value["measured"], last.isoformat())
            values.append(value)
        if values:
            doc["indicators"] = values
        text = workload.HEADER + yaml.dump(doc, Dumper=workload._Dumper, allow_unicode=True, sort_keys=False,
                                           default_flow_style=False, width=1000)
        path = folder_root / quarter / f"{unit}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
        total_entries += len(doc["entries"])
    return {"root": str(root), "roots": [str(p) for p in roots], "files": files, "entries": total_entries,
            "bytes": total_bytes, "history": len(history)}


def _entry(seed, unit, item, wqi, role, info, submitted, first_active) -> dict:
    entry = workload._entry(seed, unit, item, wqi, role, info)
    if "completed" in entry:  # within the item's time and before the report was sent
        entry["completed"] = min(max(entry["completed"], first_active.isoformat()), submitted.isoformat())
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args(argv)
    info = generate(args.out, args.files)
    print(f"wrote {info['files']} files in {len(info['roots'])} histories of {info['history']}, "
          f"{info['entries']} entries, {info['bytes'] / 2**20:.2f} MB under {info['root']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
