"""Read a plan folder into a `Plan`, collecting every problem instead of stopping at the first.

Items that break the schema are left out of the model (and reported), so the semantic
rules that run afterwards only ever see well-formed records.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable

from msgspec import Struct, field

from zzip import plan_cache, schema as schemas
from zzip.findings import Location
from zzip.cadence import Cadence, parse_month_day
from zzip.i18n import _
from zzip.months import Month, parse_date
from zzip.plan import (
    PLAN_FILES, AnnualItem, AnnualPlan, Baseline, Indicator, Interim, Milestone, Origin, Plan, PlanMeta, Revision, Statement, Target, Task, Unit, YearTarget,
)
from zzip.plan import DEFAULT_TASK_KINDS
from zzip.yamlfile import EncodingNotice, ParseError, ParseFailure, YamlDocument, decode, load_text, read_raw


class PlanLoad(Struct):
    plan: Plan
    directory: Path
    parse_failures: list[ParseFailure] = field(default_factory=list)
    schema_problems: list[schemas.SchemaProblem] = field(default_factory=list)
    encoding_notices: list[EncodingNotice] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


# The years a plan's dates may fall in: from the founding of the People's Republic to the end of
# the century. A date outside them is a typo (0000-01, 9999-12) that would otherwise reach the
# calendar arithmetic of `zzip check` and the views.
FIRST_YEAR, LAST_YEAR = 1949, 2100


class _BadValue(Exception):
    def __init__(self, field_path: tuple, message: str):
        super().__init__(message)
        self.field_path = field_path
        self.message = message


def display_path(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory where possible.

    Plain string work, no file-system calls: it runs once per file, ten thousand times in a big run."""
    text = os.path.normpath(str(path))
    if not os.path.isabs(text):
        return text
    try:
        cwd = os.getcwd()
    except OSError:
        return text
    prefix = cwd.rstrip(os.sep) + os.sep
    return text[len(prefix):] if text.startswith(prefix) else text


def load_plan(directory: Path, shown_as: str | None = None) -> PlanLoad:
    """Read a plan folder. `shown_as` names it in messages (e.g. "HEAD~1:plan" for a git revision)."""
    result = PlanLoad(Plan(meta=None), directory)
    if shown_as is None and links_out_of_working_folder(directory):
        result.parse_failures.append(ParseFailure(Location(display_path(directory)), _(
            "is a symbolic link to a folder outside the working folder; zzip does not follow it "
            "(check the folder where it really is)")))
        return result
    if not directory.is_dir():
        shown = display_path(directory)
        message = (_("plan folder does not exist; expected a folder holding plan.yaml, units.yaml, tasks.yaml, "
                     "milestones.yaml and indicators.yaml") if not directory.exists() else
                   _("plan folder is not a folder; expected a folder holding plan.yaml, units.yaml, tasks.yaml, "
                     "milestones.yaml and indicators.yaml"))
        result.parse_failures.append(ParseFailure(Location(shown), message))
        return result
    for kind, filename in PLAN_FILES.items():
        path = directory / filename
        shown = f"{shown_as}/{filename}" if shown_as else display_path(path)
        result.files.append(shown)
        if not path.exists() and not path.is_symlink():  # a symlink loop "does not exist": load_file says why
            result.parse_failures.append(ParseFailure(Location(shown), _("plan file missing: every plan folder needs "
                                                                         "%(file)s", file=filename)))
            continue
        read = _read(result, path, directory, shown, kind)
        if read is None:
            continue
        loaded, problems = read
        result.plan.documents[kind] = loaded
        result.schema_problems.extend(problems)
        _BUILDERS[kind](result, loaded, {p.path for p in problems})
    _load_optional(result, directory, shown_as)
    return result


def links_out_of_working_folder(path: Path) -> bool:
    """A relative path (without "..") that leads out of the working folder only does so through a
    symbolic link: `reports -> ~/.ssh` in a pull request. Such a path is not read at all."""
    if path.is_absolute() or ".." in path.parts:
        return False
    try:
        return not path.resolve().is_relative_to(Path.cwd().resolve())
    except (OSError, RuntimeError):
        return False


def _read(result: PlanLoad, path: Path, directory: Path, shown: str,
          kind: str) -> tuple[YamlDocument, list[schemas.SchemaProblem]] | None:
    """One plan file and its schema problems, or None with the reason recorded: never followed
    out of the plan folder (the file, or the annual/ folder it is in, may be a link)."""
    if _leaves(path, directory):
        result.parse_failures.append(_link_out(shown))
        return None
    loaded = _parsed(path, shown, kind)
    if isinstance(loaded, ParseFailure):
        result.parse_failures.append(loaded)
        return None
    result.encoding_notices.extend(loaded[0].notices)
    return loaded


def _parsed(path: Path, shown: str, kind: str) -> tuple[YamlDocument, list[schemas.SchemaProblem]] | ParseFailure:
    """A plan file read and checked against its schema, or read earlier from the very same bytes
    (zzip/plan_cache.py, when the command turned the cache on)."""
    try:
        raw = read_raw(path)
        cached = plan_cache.get(raw, kind, shown)
        if cached is not None:
            return cached
        text, notices = decode(raw, shown)
    except ParseError as exc:
        return ParseFailure(Location(shown, exc.line, exc.column), exc.message)
    loaded = load_text(text, shown, notices)
    if isinstance(loaded, ParseFailure):
        return loaded
    checked = (loaded, schemas.check(loaded, kind))
    plan_cache.put(raw, kind, shown, checked)
    return checked


def _link_out(shown: str) -> ParseFailure:
    return ParseFailure(Location(shown), _("is a symbolic link to a file outside the plan folder; zzip does not "
                                           "follow it (replace the link with the file itself)"))


def _leaves(path: Path, folder: Path) -> bool:
    """A link whose target lies outside `folder`: not followed, so that nothing outside the plan
    (a key, a password file) is ever read, let alone quoted in a parse error."""
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop: load_file says why
        return False


ANNUAL_FOLDER, ASSESSMENT_FILE = "annual", "assessment.yaml"


def optional_files(directory: Path) -> list[str]:
    """The optional plan files present, relative to the plan folder: yearly work plans
    (annual/YYYY.yaml, in name order) and the assessment scheme."""
    names = []
    annual = directory / ANNUAL_FOLDER
    if annual.is_dir():
        names += [f"{ANNUAL_FOLDER}/{p.name}" for p in sorted(annual.iterdir()) if p.suffix in (".yaml", ".yml")]
    if (directory / ASSESSMENT_FILE).exists() or (directory / ASSESSMENT_FILE).is_symlink():
        names.append(ASSESSMENT_FILE)
    return names


def _load_optional(result: PlanLoad, directory: Path, shown_as: str | None) -> None:
    for name in optional_files(directory):
        path = directory / name
        shown = f"{shown_as}/{name}" if shown_as else display_path(path)
        result.files.append(shown)
        kind = "assessment" if name == ASSESSMENT_FILE else "annual"
        read = _read(result, path, directory, shown, kind)
        if read is None:
            continue
        loaded, problems = read
        result.plan.documents[name if kind == "annual" else kind] = loaded
        result.schema_problems.extend(problems)
        bad = {p.path for p in problems}
        if kind == "assessment":
            _build_assessment(result, loaded, bad)
        else:
            _build_annual(result, loaded, bad)


def _build_assessment(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    from zzip.assessment_scheme import build_scheme

    if bad_paths or not isinstance(doc.data, dict):
        return  # all or nothing, like plan.yaml: `zzip assess` refuses a broken scheme
    result.plan.assessment = build_scheme(doc.data, Origin(doc, ()))


def _build_annual(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    raw = doc.data
    if not isinstance(raw, dict) or not isinstance(raw.get("year"), int) or isinstance(raw.get("year"), bool) \
            or any(len(path) < 2 and path != ("items",) for path in bad_paths):
        return  # the file's own keys are broken: its items cannot be placed in a year
    year = raw["year"]

    def make(item: dict, origin: Origin) -> AnnualItem:
        due = item["due"]
        try:
            deadline = Month.parse(due).last_day if len(due) == 7 else parse_date(due)
        except ValueError as exc:
            raise _BadValue(("due",), _said("due", exc)) from None
        start = _month(item, "start") if "start" in item else Month(year, 1)
        target = YearTarget(item["target"]["indicator"], item["target"]["value"]) if "target" in item else None
        return AnnualItem(id=item["id"], year=year, number=origin.path[1] + 1, text=item["text"],
                          serves=tuple(item["serves"]), lead=tuple(item["lead"]),
                          cooperating=tuple(item.get("cooperating", ())), start=start, deadline=deadline,
                          due_text=due, target=target, note=item.get("note"), origin=origin)

    before = set(result.plan.annual_items)
    _build_items(result, doc, "items", bad_paths, make, result.plan.annual_items, "yearly item")
    items = tuple(i for i in result.plan.annual_items if i not in before)
    if year not in result.plan.annual_plans:  # a second file for the same year: P120 reports it
        result.plan.annual_plans[year] = AnnualPlan(year=year, title=raw.get("title", ""), example=bool(raw.get("example")),
                                                    basis=raw.get("basis"), items=items, origin=Origin(doc, ()))


def _build_items(result: PlanLoad, doc: YamlDocument, key: str, bad_paths: set, make: Callable[[dict, Origin], Any],
                 store: dict, label: str) -> None:
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return
    for index, raw in enumerate(items):
        origin = Origin(doc, (key, index))
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            result.plan.all_definitions.append((label, raw["id"], origin))
        if any(path[:2] == (key, index) or path == (key,) for path in bad_paths):
            continue
        token = _ITEM_PATH.set((key, index))  # messages name the field in full: tasks[2].deadline
        try:
            item = make(raw, origin)
        except _BadValue as bad:
            result.schema_problems.append(
                schemas.SchemaProblem(origin.at(*bad.field_path), bad.message, (key, index, *bad.field_path)))
            continue
        finally:
            _ITEM_PATH.reset(token)
        store.setdefault(item.id, item)


# the list and index of the item being read (("tasks", 1) while tasks[2] is built), for _field_name
_ITEM_PATH: ContextVar[tuple] = ContextVar("item_path", default=())


def _field_name(keys: tuple) -> str:
    """("interim", 0, "deadline") -> "interim[1].deadline", as P101 names fields; inside an item,
    from the file's top (indicators[3].interim[1].deadline), as the schema's messages do."""
    text = ""
    for key in (*_ITEM_PATH.get(), *keys):
        text += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _first_period(text: str, cadence: Cadence):
    try:
        quarter = cadence.parse(text)
    except ValueError as exc:
        raise _window_problem(text, ("reporting", "first_period")) or \
            _BadValue(("reporting", "first_period"), _said("reporting.first_period", exc)) from None
    return _in_window(quarter, text, ("reporting", "first_period"))


def _window_problem(text, keys: tuple) -> "_BadValue | None":
    """A well-formed month, date or quarter whose year zzip cannot read at all (0000, 9999) is
    named by the plan's window, like one it can read but no plan covers (1900)."""
    match = re.match(r"([0-9]{4})-", text) if isinstance(text, str) else None
    if match and not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        return _outside_window(keys, text)
    return None


def _outside_window(keys: tuple, text) -> _BadValue:
    return _BadValue(keys, _("%(where)s: %(value)s is outside the years a plan can cover (%(first)s to %(last)s)",
                             where=_field_name(keys), value=text, first=FIRST_YEAR, last=LAST_YEAR))


def _said(where: str, problem) -> str:
    """A field and what is wrong with its value: "due: '2024-13' is not a month ..."."""
    return _("%(where)s: %(problem)s", where=where, problem=problem)


def _in_window(value, text: str, keys: tuple):
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _outside_window(keys, text)
    return value


def _month(raw: dict, *keys: str) -> Month:
    value: Any = raw
    for key in keys:
        value = value[key]
    try:
        month = Month.parse(value)
    except ValueError as exc:
        raise _window_problem(value, keys) or _BadValue(keys, str(exc)) from None
    return _in_window(month, value, keys)


def _date(raw: dict, *keys):
    value: Any = raw
    for key in keys:
        value = value[key]
    try:
        day = parse_date(value)
    except ValueError as exc:
        raise _window_problem(value, keys) or _BadValue(keys, _said(_field_name(keys), exc)) from None
    return _in_window(day, value, keys)


def _build_meta(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    raw = doc.data
    if bad_paths or not isinstance(raw, dict):
        return  # metadata is all-or-nothing: rules that need it skip when it is broken
    origin = Origin(doc, ())
    bad: list[_BadValue] = []

    def attempt(read, *args):
        try:
            return read(*args)
        except _BadValue as problem:  # every bad date is reported, not only the first
            bad.append(problem)
            return None

    attempt(_date, raw, "issued")
    for index in range(len(raw["revisions"])):
        attempt(_date, raw, "revisions", index, "date")
    period_start = attempt(_month, raw, "period", "start")
    period_end = attempt(_month, raw, "period", "end")
    cadence = attempt(_cadence, raw["reporting"])
    first_period = raw["reporting"].get("first_period")
    if first_period is not None and cadence is not None:
        attempt(_first_period, first_period, cadence)
    for problem in bad:
        result.schema_problems.append(schemas.SchemaProblem(origin.at(*problem.field_path), problem.message,
                                                            problem.field_path))
    if bad:
        return
    meta = PlanMeta(
        id=raw["id"], version=raw["version"], title=raw["title"], document_number=raw.get("document_number"),
        issuer=raw["issuer"], issued=raw["issued"], period_start=period_start, period_end=period_end,
        timezone=raw["timezone"], supervisor=raw.get("supervisor"),
        due_days=raw["reporting"].get("due_days"), first_period=first_period, cadence=cadence,
        revisions=tuple(Revision(r["version"], r["date"], r["change"], r.get("authority"), r.get("reason"))
                        for r in raw["revisions"]),
        origin=origin, note=raw.get("note"), source_url=(raw.get("source") or {}).get("url"),
        task_kinds=tuple(k["id"] for k in raw["task_kinds"]) if "task_kinds" in raw else DEFAULT_TASK_KINDS,
        task_kind_names=tuple((k["id"], k["name"]) for k in raw.get("task_kinds", ())),
    )
    result.plan.meta = meta


def _cadence(reporting: dict) -> Cadence:
    """plan.yaml `reporting`: exactly one of due_days and due_on; a fixed due day that falls before
    its period ends only with `accept_before_end` (else every report sent on time would be early)."""
    if ("due_days" in reporting) == ("due_on" in reporting):
        raise _BadValue(("reporting",), _("reporting: give either due_days (days after the period ends) or due_on "
                                          "(a fixed day such as \"12-10\"), not both or neither"))
    due_on = reporting.get("due_on", ())
    days = []
    for index, text in enumerate([due_on] if isinstance(due_on, str) else due_on):
        where = ("reporting", "due_on") if isinstance(due_on, str) else ("reporting", "due_on", index)
        try:
            days.append(parse_month_day(text))
        except ValueError as exc:
            raise _BadValue(where, _said(_field_name(where), exc)) from None
    cadence = Cadence(reporting["cadence"], reporting.get("due_days"), tuple(days),
                      bool(reporting.get("accept_before_end", False)))
    if days and not cadence.accept_before_end:
        sample = cadence.kind.of(dt.date(2023, 1, 1))
        for period in cadence.between(sample, cadence.kind.of(dt.date(2023, 12, 31))):
            due = cadence.due_date(period)
            if due <= period.last_day:
                raise _BadValue(("reporting", "due_on"), _(
                    "reporting.due_on: a report on %(period)s would be due %(due)s, before the period ends; "
                    "add accept_before_end: true so that reports sent inside the period count",
                    period=str(period), due=due.strftime("%m-%d")))
    return cadence


def _build_units(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    def make(raw: dict, origin: Origin) -> Unit:
        return Unit(id=raw["id"], name=raw["name"], kind=raw["kind"], aliases=tuple(raw.get("aliases", ())),
                    members=tuple(raw.get("members", ())), source=raw["source"], note=raw.get("note"), origin=origin,
                    email=raw.get("email"))

    _build_items(result, doc, "units", bad_paths, make, result.plan.units, "unit")


def _target(raw: dict, field_path: tuple, base: Baseline | None = None) -> Target | None:
    if "deadline" not in raw:
        return None
    return Target(comparator=raw["comparator"], deadline=_nested_month(raw, field_path),
                  value=raw.get("value"), min=raw.get("min"), max=raw.get("max"),
                  wording=raw.get("wording"), deadline_text=raw.get("deadline_text"),
                  every_year=bool(raw.get("every_year", False)), growth_rate=raw.get("growth_rate"),
                  growth_base=base if "growth_rate" in raw else None)


def _growth_problem(raw: dict, target: Target | None, baseline: Baseline | None, field_path: tuple) -> None:
    """A growth-rate target is graded from the base-year value: it needs a positive baseline
    before its deadline, and a rate that points the indicator's way."""
    if target is None or target.growth_rate is None:
        return
    keys = (*field_path, "growth_rate")
    if baseline is None or baseline.value <= 0 or baseline.date >= target.deadline.last_day:
        raise _BadValue(keys, _("%(field)s: a growth-rate target needs a baseline (the base-year value, above zero, "
                                "and its date, before the deadline)", field=_field_name(keys)))
    sign = 1 if raw["direction"] == "increase" else -1
    if target.growth_rate * sign <= 0:
        raise _BadValue(keys, _("%(field)s: %(rate)s%% a year does not match direction %(direction)s "
                                "(an increase needs a rate above 0, a decrease one below 0)",
                                field=_field_name(keys), rate=f"{target.growth_rate:g}", direction=raw["direction"]))


def _nested_month(raw: dict, field_path: tuple) -> Month:
    try:
        month = Month.parse(raw["deadline"])
    except ValueError as exc:
        keys = (*field_path, "deadline")
        raise _window_problem(raw["deadline"], keys) or _BadValue(keys, str(exc)) from None
    return _in_window(month, raw["deadline"], (*field_path, "deadline"))


def _build_indicators(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    def make(raw: dict, origin: Origin) -> Indicator:
        baseline = None
        if "baseline" in raw:
            b = raw["baseline"]
            baseline = Baseline(b["value"], _date(raw, "baseline", "date"), b.get("source"))
        target = _target(raw["target"], ("target",), baseline)
        _growth_problem(raw, target, baseline, ("target",))
        interim = tuple(
            Interim(_nested_month(i, ("interim", n)), i["value"], i.get("source"))
            for n, i in enumerate(raw.get("interim", ()))
        )
        also = tuple(
            Statement(s["ref"], s["text"], _target(s, ("also_stated", n)))
            for n, s in enumerate(raw.get("also_stated", ()))
        )
        return Indicator(
            id=raw["id"], ref=raw["ref"], name=raw["name"], text=raw["text"], kind=raw["kind"],
            direction=raw["direction"], unit=raw.get("unit"), target=target, owner=raw["owner"],  # type: ignore[arg-type]
            owner_basis=raw["owner_basis"], tasks=tuple(raw.get("tasks", ())), also_stated=also,
            baseline=baseline, interim=interim, note=raw.get("note"), origin=origin,
        )

    _build_items(result, doc, "indicators", bad_paths, make, result.plan.indicators, "indicator")


def _build_tasks(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    def make(raw: dict, origin: Origin) -> Task:
        deadline = None
        if "deadline" in raw:
            deadline = _month(raw, "deadline").last_day if len(raw["deadline"]) == 7 else _date(raw, "deadline")
        chosen = [key for key in ("deadline", "ongoing", "recurs") if raw.get(key)]
        if len(chosen) > 1:
            raise _BadValue((chosen[1],), _("%(field)s: a task has one of deadline, ongoing and recurs, not both "
                                            "%(first)s and %(second)s", field=chosen[1], first=chosen[0],
                                            second=chosen[1]))
        if "due_month" in raw and raw.get("recurs") != "yearly":
            raise _BadValue(("due_month",), _("due_month: only a task that recurs yearly has a due month"))
        undivided = "responsible" in raw  # the schema allows either `responsible` or `lead` (+ `cooperating`)
        return Task(id=raw["id"], ref=raw["ref"], kind=raw["kind"], title=raw["title"], text=raw.get("text"),
                    lead=tuple(raw["responsible"] if undivided else raw["lead"]),
                    cooperating=tuple(raw.get("cooperating", ())), origin=origin, undivided=undivided,
                    deadline=deadline, deadline_text=raw.get("deadline_text"), ongoing=bool(raw.get("ongoing")),
                    recurs=raw.get("recurs"), due_month=raw.get("due_month"))

    _build_items(result, doc, "tasks", bad_paths, make, result.plan.tasks, "task")


def _build_milestones(result: PlanLoad, doc: YamlDocument, bad_paths: set) -> None:
    def make(raw: dict, origin: Origin) -> Milestone:
        end = None if raw["end"] == "ongoing" else _month(raw, "end")
        return Milestone(id=raw["id"], ref=raw["ref"], text=raw["text"], when=raw.get("when"),
                         start=_month(raw, "start"), end=end, tasks=tuple(raw.get("tasks", ())),
                         lead_override=tuple(raw.get("lead", ())), origin=origin)

    _build_items(result, doc, "milestones", bad_paths, make, result.plan.milestones, "milestone")


_BUILDERS = {
    "plan": _build_meta,
    "units": _build_units,
    "indicators": _build_indicators,
    "tasks": _build_tasks,
    "milestones": _build_milestones,
}
