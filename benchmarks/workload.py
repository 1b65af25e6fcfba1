"""Synthetic, deterministic status files for the real plan, for benchmarking `zzip check`.

    python benchmarks/workload.py OUT_DIR [--files 1000] [--entries 30] [--seed 20250101]

or, from Python::

    from benchmarks.workload import generate
    info = generate(Path("/tmp/w"), files=1000, entries=30)

Layout: ``<root>/<quarter>/<unit-id>.yaml`` for the quarters 2023-Q1 .. 2025-Q4.

Which (unit, quarter) pairs are written: file i goes to quarter ``i % 12`` and unit ``i // 12``,
so every unit sends a full history, one file per quarter. The first 41 x 12 = 492 files use
the plan's real body units (in units.yaml order); beyond that, files come from synthetic unit
ids ``bench-unit-0001``, ``bench-unit-0002``, ... Those files are schema-valid and each draws one
S202 (unknown unit) finding -- realistic work for the checker, and it keeps every quarter inside
the plan and every submission before the benchmark's as-of day (2026-01-31). (Adding quarters
instead would not scale to 10,000 files: the plan has only 16 quarters, and quarters after
2025-Q4 are submitted after the as-of day, so zzip would leave them out.)

Each file has about ``entries`` entries (entries +- 3, at most the 79 task and milestone ids):
first the items the unit answers for (lead or co-operating task, milestones of the tasks it
leads), then other real ids (those draw S203, "has no part in"). Every (unit, item) pair follows
one seeded trajectory across quarters -- not started, in progress with a rising percent,
sometimes blocked for a quarter, then done with a fixed completion date and (mostly) evidence --
so the history is consistent: no status regressions, no completion after submission. Notes and
blockers are in Chinese, and about 10 % of status words are the Chinese synonyms.

Each file also carries 3-5 indicator values (the unit's own indicators first, then others),
rising quarter over quarter, measured on the quarter's last day (flows: on 12-31 of the last
full year). About 8 % of reports are submitted after the 15-day due date (C305).

Everything is derived from ``random.Random`` seeded by (seed, unit, item) or (seed, unit,
quarter), so the output does not depend on N: the first N files of a larger workload are byte
for byte the files of the smaller one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PLAN = REPO / "plan"
DEFAULT_SEED = 20250101
QUARTERS = [f"{year}-Q{q}" for year in (2023, 2024, 2025) for q in (1, 2, 3, 4)]
DUE_DAYS = 15

NOTES = [
    "已召开专题推进会议,明确责任分工。",
    "按季度调度进展,形成工作台账。",
    "已完成年度工作计划编制并报送联席会议办公室。",
    "会同相关部门开展联合调研,梳理问题清单。",
    "组织开展专项培训2期,参训人员120人次。",
    "配套政策文件已起草,正在征求意见。",
    "已纳入年度目标考核,按月通报。",
    "与两个审协中心建立常态化对接机制。",
    "开展知识产权宣传周系列活动,发放宣传材料3000余份。",
    "试点工作稳步推进,阶段性成效明显。",
    "资金已拨付到位,项目进入实施阶段。",
    "企业走访服务46家,帮助解决问题12个。",
]
BLOCKERS = [
    "基金出资方尚未确定。",
    "配套资金尚未落实,待财政部门审核。",
    "上级部门政策尚未出台,需等待指导意见。",
    "合作单位调整,项目需重新论证。",
    "专业人才不足,招聘工作正在进行。",
]
CONTACTS = ["知识产权科 张三", "综合科 李四", "法规科 王五", "规划科 赵六", "办公室 陈七"]
DOC_PREFIX = ["郑市监", "郑科", "郑政办", "郑财", "郑知联"]
DOC_TITLES = [
    "关于推进知识产权强市建设示范城市工作的通知",
    "郑州市知识产权企业信用分级分类监管办法",
    "郑州市高价值专利培育工作实施方案",
    "关于加强知识产权保护工作的实施意见",
    "郑州市知识产权质押融资工作指引",
]
CN_STATUS = {"not-started": "未开始", "in-progress": "进行中", "done": "已完成", "blocked": "受阻"}


@dataclass(frozen=True)
class PlanInfo:
    plan_id: str
    version: str
    body_units: list[str]
    items: list[str]  # task ids, then milestone ids
    indicators: dict[str, dict]
    duties: dict[str, dict[str, str]]  # unit -> item -> role
    owned_indicators: dict[str, list[str]]  # unit -> indicator ids
    milestone_end: dict[str, str]  # milestone id -> "YYYY-MM" or "ongoing"


def _load(path: Path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=_Loader)


def read_plan(plan_dir: Path = DEFAULT_PLAN) -> PlanInfo:
    meta = _load(plan_dir / "plan.yaml")
    units = _load(plan_dir / "units.yaml")["units"]
    tasks = _load(plan_dir / "tasks.yaml")["tasks"]
    milestones = _load(plan_dir / "milestones.yaml")["milestones"]
    indicators = _load(plan_dir / "indicators.yaml")["indicators"]
    members = {u["id"]: u.get("members") or [] for u in units if u.get("kind") == "group"}
    duties: dict[str, dict[str, str]] = {}

    def add(unit, item, role):
        if duties.setdefault(unit, {}).get(item) != "lead":
            duties[unit][item] = role

    leads = {}
    for task in tasks:
        leads[task["id"]] = task.get("lead") or []
        for unit in task.get("lead") or []:
            add(unit, task["id"], "lead")
        for unit in task.get("cooperating") or []:
            add(unit, task["id"], "cooperating")
            for member in members.get(unit, []):
                add(member, task["id"], "cooperating")
    for ms in milestones:
        for task_id in ms.get("tasks") or []:
            for unit in leads.get(task_id, []):
                add(unit, ms["id"], "lead")
    owned: dict[str, list[str]] = {}
    for ind in indicators:
        owned.setdefault(ind.get("owner"), []).append(ind["id"])
    return PlanInfo(
        plan_id=meta["id"], version=str(meta["version"]),
        body_units=[u["id"] for u in units if u.get("kind") == "body"],
        items=[t["id"] for t in tasks] + [m["id"] for m in milestones],
        indicators={i["id"]: i for i in indicators},
        duties=duties, owned_indicators=owned,
        milestone_end={m["id"]: str(m.get("end")) for m in milestones},
    )


def _rng(*parts) -> random.Random:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _quarter_end(qi: int) -> dt.date:
    year, q = 2023 + qi // 4, qi % 4 + 1
    return dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)


def _quarter_start(qi: int) -> dt.date:
    return dt.date(2023 + qi // 4, 3 * (qi % 4) + 1, 1)


def _month_quarter(month: str) -> int:
    year, mon = int(month[:4]), int(month[5:7])
    return (year - 2023) * 4 + (mon - 1) // 3


def unit_for(index: int, plan: PlanInfo) -> str:
    slot = index // len(QUARTERS)
    if slot < len(plan.body_units):
        return plan.body_units[slot]
    return f"bench-unit-{slot - len(plan.body_units) + 1:04d}"


@dataclass(frozen=True)
class Trajectory:
    start: int  # first quarter in progress
    done: int  # quarter it is completed (may be > 11: never, within the workload)
    completed: dt.date | None
    blocked: int | None  # a quarter it is blocked in, if any
    evidence: list[dict]
    chinese: bool


def _trajectory(seed: int, unit: str, item: str, plan: PlanInfo) -> Trajectory:
    r = _rng(seed, "traj", unit, item)
    start = r.randint(-2, 6)
    end = plan.milestone_end.get(item)
    if end and end != "ongoing":
        done = _month_quarter(end) + r.choice([-2, -1, 0, 0, 0, 1, 2, 5])  # mostly on time, some late
    else:
        done = start + r.randint(2, 16)
    done = max(done, start + 1)
    completed = None
    if done <= len(QUARTERS) - 1:
        first, last = _quarter_start(done), _quarter_end(done)
        completed = first + dt.timedelta(days=r.randint(0, (last - first).days))
    blocked = r.randint(start, done - 1) if r.random() < 0.08 and done - 1 >= max(start, 0) else None
    evidence = []
    if r.random() < 0.85:
        year = completed.year if completed else 2024
        for _ in range(r.randint(1, 3)):
            kind = r.random()
            if kind < 0.5:
                evidence.append({"document": f"{r.choice(DOC_PREFIX)}〔{year}〕{r.randint(1, 150)}号",
                                 "title": r.choice(DOC_TITLES)})
            elif kind < 0.8:
                evidence.append({"link": f"https://example.org/zzip/{unit}/{item.lower()}-{r.randint(1, 99)}.html"})
            else:
                evidence.append({"file": f"{year}/{item}-{r.choice(['总结', '通知', '方案', '报告'])}.pdf"})
    return Trajectory(start, done, completed, blocked, evidence, r.random() < 0.1)


def _entry(seed: int, unit: str, item: str, qi: int, role: str | None, plan: PlanInfo) -> dict:
    t = _trajectory(seed, unit, item, plan)
    r = _rng(seed, "entry", unit, item, qi)
    entry: dict = {"id": item}
    if role:
        entry["role"] = role
    if qi >= t.done:
        status = "done"
    elif qi == t.blocked:
        status = "blocked"
    elif qi >= t.start:
        status = "in-progress"
    else:
        status = "not-started"
    entry["status"] = CN_STATUS[status] if t.chinese else status
    if status == "done":
        if r.random() < 0.7:
            entry["percent"] = 100
        entry["completed"] = t.completed.isoformat()
        if t.evidence:
            entry["evidence"] = t.evidence
    elif status in ("in-progress", "blocked"):
        if r.random() < 0.9:
            span = max(t.done - t.start, 1)
            entry["percent"] = min(95, 5 + (90 * (qi - t.start)) // span)
        if status == "blocked":
            entry["blocker"] = r.choice(BLOCKERS)
    elif r.random() < 0.5:
        entry["percent"] = 0
    if r.random() < 0.4:
        entry["note"] = r.choice(NOTES)
    return entry


def _indicator_value(seed: int, unit: str, ind: dict, qi: int, submitted: dt.date) -> dict:
    r = _rng(seed, "ind", ind["id"])  # one trajectory per indicator, whoever reports it: no false falls
    target = (ind.get("target") or {}).get("value") or 10
    kind = ind.get("kind")
    if kind == "flow":  # the full-year value, measured on 12-31 of the last full year
        measured = dt.date(2023 + qi // 4 - (0 if qi % 4 == 3 else 1), 12, 31)
        progress = (measured.year - 2022) / 3
    else:
        measured = _quarter_end(qi)
        progress = (qi + 1) / len(QUARTERS)
    start = 0.55 + 0.2 * r.random()
    value = target * (start + (1.05 - start) * progress)
    if ind.get("unit") == "%":
        value = min(value, 100)
    value = round(value, 1) if target < 100 else int(value)
    out = {"id": ind["id"], "value": value, "measured": min(measured, submitted).isoformat()}
    if _rng(seed, "src", unit, ind["id"], qi).random() < 0.6:
        out["source"] = r.choice(["国家知识产权局统计", "市统计局", "部门统计台账", "省知识产权局通报"])
    return out


def status_file(index: int, plan: PlanInfo, entries: int = 30, seed: int = DEFAULT_SEED) -> tuple[str, str, dict]:
    """(quarter, unit, document) of file number `index`."""
    qi = index % len(QUARTERS)
    quarter, unit = QUARTERS[qi], unit_for(index, plan)
    r = _rng(seed, "file", unit, quarter)
    late = r.random() < 0.08
    due = _quarter_end(qi) + dt.timedelta(days=DUE_DAYS)
    submitted = due + dt.timedelta(days=r.randint(1, 10)) if late else _quarter_end(qi) + dt.timedelta(days=r.randint(3, DUE_DAYS))
    own = plan.duties.get(unit, {})
    count = max(1, min(len(plan.items), entries + r.randint(-3, 3)))
    mine = [i for i in plan.items if i in own]
    others = [i for i in plan.items if i not in own]
    _rng(seed, "others", unit).shuffle(others)
    chosen = (mine + others)[:count]
    chosen.sort(key=plan.items.index)
    doc: dict = {
        "format": 1, "plan": plan.plan_id, "plan_version": plan.version, "unit": unit, "period": quarter,
        "submitted": submitted.isoformat(), "contact": r.choice(CONTACTS),
        "entries": [_entry(seed, unit, item, qi, own.get(item), plan) for item in chosen],
    }
    owned = plan.owned_indicators.get(unit, [])
    rest = [i for i in plan.indicators if i not in owned]
    _rng(seed, "ind-others", unit).shuffle(rest)
    n_ind = r.randint(3, 5)
    picked = (owned[:n_ind] if len(owned) >= n_ind else owned + rest[:n_ind - len(owned)])
    doc["indicators"] = [_indicator_value(seed, unit, plan.indicators[i], qi, submitted) for i in picked]
    return quarter, unit, doc


HEADER = "# yaml-language-server: $schema=../../zzip/schemas/status.schema.json\n"


def generate(root: Path, files: int = 1000, entries: int = 30, seed: int = DEFAULT_SEED,
             plan_dir: Path = DEFAULT_PLAN) -> dict:
    """Write `files` status files under root; returns {files, entries, bytes, root, paths}."""
    plan = read_plan(plan_dir)
    root.mkdir(parents=True, exist_ok=True)
    total_bytes = total_entries = 0
    paths = []
    for index in range(files):
        quarter, unit, doc = status_file(index, plan, entries, seed)
        text = HEADER + yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                  default_flow_style=False, width=1000)
        data = text.encode("utf-8")
        folder = root / quarter
        folder.mkdir(exist_ok=True)
        path = folder / f"{unit}.yaml"
        path.write_bytes(data)
        paths.append(path)
        total_bytes += len(data)
        total_entries += len(doc["entries"])
    return {"root": str(root), "files": files, "entries": total_entries, "bytes": total_bytes,
            "entries_per_file": total_entries / files if files else 0.0, "paths": paths,
            "plan_id": plan.plan_id, "plan_version": plan.version}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write <quarter>/<unit>.yaml into")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--plan", type=Path, default=DEFAULT_PLAN)
    args = parser.parse_args(argv)
    info = generate(args.out, args.files, args.entries, args.seed, args.plan)
    print(f"wrote {info['files']} files, {info['entries']} entries, {info['bytes'] / 2**20:.2f} MB to {info['root']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
