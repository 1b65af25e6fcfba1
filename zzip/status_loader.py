"""Find and read status files: one folder per quarter, one file per unit.

`reports/2025-Q2/market-regulation.yaml` is the layout; a folder may be a single quarter
or the whole history. Every file is parsed once; a bad file is reported and skipped.
"""

from __future__ import annotations

import gc
import re
import sys
from array import array
from pathlib import Path

from msgspec import Struct, field

from zzip import schema as schemas
from zzip.fastspots import file_spots
from zzip.filebytes import os_reason
from zzip.findings import Location
from zzip.i18n import _
from zzip.months import Period, parse_any_period, parse_date
from zzip.plan_loader import display_path
from zzip.status import (
    ENTRY_FIELDS, STATUS_SYNONYMS, SUBMISSION_FIELDS, VALUE_FIELDS, Entry, Evidence, IndicatorValue, PackedOrigin,
    Submission, pack_spots, workbook_sheet,
)
from zzip.yamlfile import EncodingNotice, ParseError, ParseFailure, YamlDocument, load_file, node_tree, read_text

STATUS_SUFFIXES = (".yaml", ".yml", ".json")
WORKBOOK_SUFFIX = ".xlsx"
# Spreadsheets in formats zzip does not read: listed, so that each is reported (F001, "save it
# as .xlsx") instead of the unit silently counting as missing. (zzip.xlsx.reader words them.)
REFUSED_SUFFIXES = (".xls", ".et", ".ett", ".xlsm", ".ods", ".numbers", ".csv")
_LISTED_SUFFIXES = (*STATUS_SUFFIXES, WORKBOOK_SUFFIX, *REFUSED_SUFFIXES)
_PERIOD_DIR = re.compile(r"^[0-9]{4}(-Q[1-4]|-H[12])?\Z")


class SubmissionLoad(Struct):
    submissions: list[Submission] = field(default_factory=list)
    parse_failures: list[ParseFailure] = field(default_factory=list)
    schema_problems: list[schemas.SchemaProblem] = field(default_factory=list)
    encoding_notices: list[EncodingNotice] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def find_status_files(root: Path, unreadable: list | None = None, boundary: Path | None = None,
                      outside: list | None = None) -> tuple[list[tuple[Path, Period | None]], list[Period]]:
    """Status files under root with the quarter their folder names (None: not a quarter folder).
    Folders that cannot be listed are added to `unreadable` as (folder, error). A file or folder
    that is a symbolic link out of `boundary` (default: root) is not followed: it goes to `outside`."""
    unreadable = [] if unreadable is None else unreadable
    outside = [] if outside is None else outside
    if not root.is_dir():  # a file; or a device or pipe, which load_file refuses
        folder = root.parent.name
        return [(root, folder_quarter(folder))], []
    fence = _Fence(boundary or root, outside)
    quarter = folder_quarter(root.name)
    if quarter is not None:
        return [(p, quarter) for p in fence.keep(_status_files_in(root, unreadable))], [quarter]
    found: list[tuple[Path, Period | None]] = []
    periods: list[Period] = []
    for path in fence.keep(_status_files_in(root, unreadable)):
        found.append((path, None))
    for sub in fence.keep(sorted(p for p in _list(root, unreadable) if _is_dir(p) and not p.name.startswith("."))):
        quarter = folder_quarter(sub.name)
        if quarter:
            periods.append(quarter)
        found.extend((p, quarter) for p in fence.keep(_status_files_in(sub, unreadable)))
    return found, periods


def folder_quarter(name: str) -> Period | None:
    """The reporting period a folder's name gives (2025-Q2, 2025-H1, 2025), or None: ASCII digits
    only, so that '٢٠٢٣-Q1' is not read as 2023-Q1; and a year zzip reads (not 9999)."""
    if not _PERIOD_DIR.match(name):
        return None
    try:
        return parse_any_period(name)
    except ValueError:
        return None


class _Fence:
    """Symbolic links that lead out of the folder being checked are not followed: a pull request
    adding `reports/2025-Q2/x.yaml -> ~/.ssh/id_ed25519` must not get the key quoted back in a
    parse error. Links that stay inside are followed."""

    def __init__(self, boundary: Path, outside: list):
        self.boundary = boundary
        self.outside = outside
        self._resolved: Path | None = None

    def keep(self, paths: list[Path]) -> list[Path]:
        kept = []
        for path in paths:
            if path.is_symlink() and self._leaves(path):
                self.outside.append(path)
            else:
                kept.append(path)
        return kept

    def _leaves(self, path: Path) -> bool:
        try:
            if self._resolved is None:
                self._resolved = self.boundary.resolve()
            target = path.resolve()
        except (OSError, RuntimeError):  # a loop: not followed, and load_file says why
            return False
        return not target.is_relative_to(self._resolved)


def link_outside_message(folder: bool) -> str:
    if folder:
        return _("is a symbolic link to a folder outside the folder being checked; zzip does not follow it "
                 "(replace the link with the folder itself)")
    return _("is a symbolic link to a file outside the folder being checked; zzip does not follow it "
             "(replace the link with the file itself)")


def _status_files_in(folder: Path, unreadable: list) -> list[Path]:
    # a folder named like a status file is listed too, so that it is reported rather than skipped
    # "~$court.xlsx" is the lock file Excel and WPS keep beside a workbook that is open
    return sorted(p for p in _list(folder, unreadable)
                  if p.suffix.lower() in _LISTED_SUFFIXES and not p.name.startswith((".", "~$")))


def _list(folder: Path, unreadable: list) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError as exc:  # e.g. a folder without read permission: reported, and the other folders are read
        if all(seen != folder for seen, _exc in unreadable):
            unreadable.append((folder, exc))
        return []


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # no search permission on the parent
        return False


def load_submissions(root: Path, boundary: Path | None = None) -> SubmissionLoad:
    """Read the status files under root; symbolic links out of `boundary` (default: root) are
    refused (F001), never followed."""
    result = SubmissionLoad()
    if not root.exists():
        result.parse_failures.append(ParseFailure(Location(display_path(root)), _("reports folder does not exist")))
        return result
    unreadable: list[tuple[Path, OSError]] = []
    outside: list[Path] = []
    files, _periods = find_status_files(root, unreadable, boundary, outside)
    for folder, exc in unreadable:
        result.parse_failures.append(
            ParseFailure(Location(display_path(folder)),
                         # TRANSLATORS: %(reason)s is the operating system's own words, e.g. "Permission denied"
                         _("cannot read folder: %(reason)s", reason=os_reason(exc))))
    for link in outside:
        shown = display_path(link)
        result.files.append(shown)
        result.parse_failures.append(ParseFailure(Location(shown), link_outside_message(_is_dir(link))))
    # Reading builds no reference cycles (trees of dicts and lists, freed by reference counting),
    # so the cyclic garbage collector would only re-scan the growing pile of records: half the
    # run time on a thousand files (benchmarks/README.md). It is paused while reading.
    collecting = gc.isenabled()
    gc.disable()
    shared = Shared()
    try:
        for path, folder_period in files:
            _read_one(result, path, folder_period, shared)
    finally:
        if collecting:
            gc.enable()
            # The records live until the run ends and hold no cycles: out of the collector's sight,
            # so the collections the rules' allocations trigger do not re-scan them every time
            # (a sixth of a run over ten thousand files). Freed as usual when they are let go.
            gc.freeze()
    return result


def _read_one(result: SubmissionLoad, path: Path, folder_period: Period | None, shared: "Shared") -> None:
    from zzip import fastyaml  # here, not at the top: a run that reads no status file needs no yaml-rs

    shown = display_path(path)
    result.files.append(shown)
    if fastyaml.available() and path.suffix.lower() in (".yaml", ".yml"):
        submission = _read_fast(path, shown, folder_period, shared)
        if submission is not None:
            result.submissions.append(submission)
            return
    loaded, problems = load_status_file(path, shown)
    if isinstance(loaded, list):
        result.parse_failures.extend(loaded)
        return
    result.encoding_notices.extend(loaded.notices)
    result.schema_problems.extend(problems)
    submission = _build(result, loaded, folder_period, path.stem, {p.path for p in problems if p.path is not None},
                        shared)
    if submission is not None:
        result.submissions.append(submission)


def load_status_file(path: Path, shown: str) -> tuple[YamlDocument | list[ParseFailure], list]:
    """One status file, YAML, JSON or a workbook, read and checked against the schema: the document
    (or why it could not be read) and its schema problems, each at its line or cell."""
    suffix = path.suffix.lower()
    if suffix == WORKBOOK_SUFFIX or suffix in REFUSED_SUFFIXES:
        from zzip.xlsx.reader import load_workbook, refused_format

        if suffix != WORKBOOK_SUFFIX:
            return [refused_format(path, shown)], []
        workbook = load_workbook(path, shown)
        if isinstance(workbook, list):
            return workbook, []
        return workbook, workbook.problems + _cell_problems(workbook, _schema_problems(workbook))
    loaded = load_file(path, shown)
    if isinstance(loaded, ParseFailure):
        return [loaded], []
    return loaded, _schema_problems(loaded)


def _schema_problems(doc) -> list:
    from zzip.status_types import surely_valid  # msgspec: only when a status file is read

    return [] if surely_valid(doc.data) else schemas.check(doc, "status")


def _cell_problems(workbook, problems: list) -> list:
    """Schema problems of a workbook, named as the workbook names its cells ('任务进展 row 12,
    进展状态 (status)' rather than entries[11].status); none where the reader already said why."""
    said = [p.path for p in workbook.problems if p.path is not None]
    kept = []
    for problem in problems:
        if any(problem.path[:len(path)] == path for path in said):
            continue
        name, where = workbook.field_name(problem.path), schemas.path_name(problem.path)
        message, location = problem.message, problem.location
        if problem.missing and problem.path + (problem.missing,) in workbook.cells:  # an empty cell: point at it
            path = problem.path + (problem.missing,)
            if path in said:
                continue
            location = workbook.locate(path)
            kept.append(schemas.SchemaProblem(location, _("%(cell)s is empty: fill it in",
                                                          cell=workbook.field_name(path)), problem.path))
            continue
        if name and where and message.startswith(where):
            message = name + message[len(where):]
        kept.append(schemas.SchemaProblem(location, message, problem.path))
    return kept


_OFFSETS = {names: {name: 2 + 2 * i for i, name in enumerate(names)}
            for names in (SUBMISSION_FIELDS, ENTRY_FIELDS, VALUE_FIELDS)}


def _spots(here, mapping, names: tuple[str, ...], keys: bool = False) -> list[int]:
    """The positions of `mapping`'s fields, copied out of the parsed file so it can be let go:
    values only (and keys with `keys`), two bytes a number where the file is small enough."""
    width = 4 if keys else 2
    numbers = [here[0], here[1]] + [0] * (width * len(names))
    positions = getattr(mapping, "positions", None)
    if positions is not None:
        offsets = _OFFSETS[names]
        for index, key in enumerate(mapping):
            start = offsets.get(key)
            if start is not None:
                start = 2 + (start - 2) * width // 2
                if keys:
                    numbers[start:start + 4] = (positions[4 * index + 2], positions[4 * index + 3],
                                                positions[4 * index], positions[4 * index + 1])
                else:
                    numbers[start:start + 2] = positions[4 * index + 2:4 * index + 4]
    return numbers


class Shared:
    """One copy of the values that recur from file to file in a run (notes written from the same
    phrases, evidence cited again each quarter, dates): ten thousand files hold 300,000 entries,
    and a copy per entry was a third of a run's memory (benchmarks/README.md). Equal values are
    interchangeable here: every record is frozen, and nothing compares them by identity."""

    __slots__ = ("texts", "dates", "periods", "evidence")

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.dates: dict[str, object] = {}
        self.periods: dict[str, Period] = {}
        self.evidence: dict[tuple, tuple[Evidence, ...]] = {}

    def text(self, value):
        return self.texts.setdefault(value, value) if value.__class__ is str else value

    def date(self, value: str):
        """parse_date(value), the same date object for the same text (a failure is not kept)."""
        return _kept(self.dates, value, parse_date)

    def period(self, value: str) -> Period:
        """parse_any_period(value), kept like `date`."""
        return _kept(self.periods, value, parse_any_period)

    def evidence_of(self, items: list) -> tuple[Evidence, ...]:
        try:
            key = tuple(tuple(item.items()) for item in items)
            kept = self.evidence.get(key)
        except (AttributeError, TypeError):  # not a list of mappings of text: built as before
            return tuple(Evidence(**item) for item in items)
        if kept is None:
            text = self.text
            kept = self.evidence[key] = tuple(Evidence(**{name: text(value) for name, value in item.items()})
                                              for item in items)
        return kept


def _kept(table: dict, value, parse):
    """parse(value), made once per text and kept in `table`; anything but text parsed every time."""
    if value.__class__ is not str:
        return parse(value)
    made = table.get(value)
    if made is None:
        made = table[value] = parse(value)
    return made


def _build(result: SubmissionLoad | None, doc: YamlDocument, folder_period: Period | None, stem: str,
           bad_paths: set, shared: Shared | None = None, lazy: "_PositionsLater | None" = None) -> Submission | None:
    """The record of a document. With `lazy` (the fast path: a valid file read without positions)
    the positions are the precise reader's, taken when a finding first needs one."""
    raw = doc.data
    shared = shared or Shared()
    if not isinstance(raw, dict) or () in bad_paths:
        return None  # a list or a scalar where the mapping belongs: the schema has said so
    top_level_bad = {p[0] for p in bad_paths if len(p) <= 1 or p[0] not in ("entries", "indicators")}
    if top_level_bad:
        return None  # without a valid unit, period and date nothing in the file can be judged

    def bad(*prefix) -> bool:
        return bool(bad_paths) and any(p[:len(prefix)] == prefix for p in bad_paths)

    def date_of(value: str, where: tuple) -> object:
        try:
            return shared.date(value)
        except ValueError as exc:
            if lazy is not None:
                raise _NotPlain from None  # a finding with a position: read the file the precise way
            message = _("%(where)s: %(problem)s", where=schemas.path_name(where), problem=exc)  # as every S201
            result.schema_problems.append(schemas.SchemaProblem(doc.locate(where), message, where))
            return None

    def item_spot(items, index: int) -> tuple[int, int]:
        positions = getattr(items, "positions", None)
        return (positions[2 * index], positions[2 * index + 1]) if positions is not None else doc.root_position

    submitted = date_of(raw["submitted"], ("submitted",))
    if submitted is None:
        return None
    try:
        period = shared.period(raw["period"])
    except ValueError as exc:
        if lazy is not None:
            raise _NotPlain from None
        result.schema_problems.append(schemas.SchemaProblem(doc.locate(("period",)),
                                                                  _("%(where)s: %(problem)s", where="period",
                                                                    problem=exc), ("period",)))
        return None
    path, intern, text, evidence_of = doc.path, sys.intern, shared.text, shared.evidence_of  # one copy of each
    # First the items that are sound, with their positions; then the records, which share one
    # position array per file (a small array per record would cost 16 MB over ten thousand files).
    kept_entries, entry_numbers = [], []
    raw_entries = raw.get("entries", ())
    for index, item in enumerate(raw_entries):
        if bad_paths and bad("entries", index):
            continue
        if "completed" in item:
            completed = date_of(item["completed"], ("entries", index, "completed"))
            if completed is None:
                continue
        else:
            completed = None
        kept_entries.append((item, completed))
        if lazy is None:
            entry_numbers += _spots(item_spot(raw_entries, index), item, ENTRY_FIELDS)
    kept_values, value_numbers = [], []
    raw_values = raw.get("indicators", ())
    for index, item in enumerate(raw_values):
        if bad_paths and bad("indicators", index):
            continue
        measured = date_of(item["measured"], ("indicators", index, "measured"))
        if measured is None:
            continue
        kept_values.append((item, measured))
        if lazy is None:
            value_numbers += _spots(item_spot(raw_values, index), item, VALUE_FIELDS)

    if lazy is None:
        entry_spots, value_spots = pack_spots(entry_numbers), pack_spots(value_numbers)
        origin_spots = pack_spots(_spots(doc.root_position, raw, SUBMISSION_FIELDS, True))
    else:
        entry_spots, value_spots, origin_spots = _LaterSpots(lazy, 1), _LaterSpots(lazy, 2), _LaterSpots(lazy, 0)
    entries = []
    for slot, (item, completed) in enumerate(kept_entries):
        status, note, blocker = item["status"], item.get("note"), item.get("blocker")
        entries.append(Entry(  # positional, in Entry's field order: a Struct's C __init__
            intern(item["id"]), intern(STATUS_SYNONYMS.get(status, status)),
            intern(item["role"]) if "role" in item else None, item.get("percent"), completed,
            evidence_of(item["evidence"]) if "evidence" in item else (),
            note if note is None else text(note), blocker if blocker is None else text(blocker),
            path, entry_spots, slot))
    values = tuple(
        IndicatorValue(id=intern(item["id"]), value=item["value"], measured=measured,  # type: ignore[arg-type]
                       source=text(item.get("source")), note=text(item.get("note")), path=path, spots=value_spots,
                       slot=slot)
        for slot, (item, measured) in enumerate(kept_values))
    return Submission(
        path=path, folder_period=folder_period, file_stem=stem, plan_id=intern(raw["plan"]),
        plan_version=intern(raw["plan_version"]), unit=intern(raw["unit"]), period=period,
        submitted=submitted, entries=tuple(entries), indicators=values,  # type: ignore[arg-type]
        origin=PackedOrigin(path, SUBMISSION_FIELDS, origin_spots, True, workbook_sheet(path, "submission")),
    )


# The fast path ------------------------------------------------------------------------------

class _NotPlain(Exception):
    """The fast path met something with a finding: the file is read the precise way instead."""


def _read_fast(path: Path, shown: str, folder_period: Period | None, shared: Shared) -> Submission | None:
    """A valid, plain status file read by the native parser (zzip.fastyaml), its positions left
    for later; None for anything else, which the caller reads the precise way (and, for a bad
    file, the bytes are read twice: only bad files pay that)."""
    try:
        text, notices = read_text(path, shown)
    except ParseError:
        return None
    if notices:
        return None
    from zzip import fastyaml
    from zzip.status_types import surely_valid

    # The typed check's yes also answers fastyaml's last question (keys are text, numbers finite,
    # nesting shallow: zzip/status_types.py), so a valid file is walked once, not twice.
    data = fastyaml.parse_unchecked(text)
    if data is None or not (surely_valid(data) or (fastyaml.plain(data) and schemas.valid(data, "status"))):
        return None
    later = _PositionsLater(path, shown, len(text), hash(text), len(data.get("entries", ())),
                            len(data.get("indicators", ())))
    try:
        return _build(None, YamlDocument(shown, data, (1, 1)), folder_period, path.stem, set(), shared, later)
    except _NotPlain:
        return None


class _PositionsLater:
    """Where the fields of a file read by the fast path stand, found when a finding first asks:
    the file is read again and its positions packed as `_build` packs them, libyaml's marks
    exactly: by a scan of its lines (zzip/fastspots.py, a third of libyaml's cost) where the layout
    is the usual one, else by libyaml's composer. Most files have no finding, so most are never
    read twice (benchmarks/README.md)."""

    __slots__ = ("path", "shown", "size", "digest", "counts", "arrays")

    def __init__(self, path: Path, shown: str, size: int, digest: int, entries: int, values: int):
        # the path as text: a Path object per file held for the whole run costs more than the text
        self.path, self.shown, self.size, self.digest, self.arrays = str(path), shown, size, digest, None
        self.counts = (entries, values)

    def array(self, which: int) -> array:
        if self.arrays is None:
            self.arrays = self._resolve()
        return self.arrays[which]

    def _resolve(self) -> tuple[array, array, array]:
        try:
            text, _notices = read_text(Path(self.path), self.shown)
        except ParseError:
            text = None
        unchanged = text is not None and len(text) == self.size and hash(text) == self.digest
        if unchanged:  # libyaml's marks, by a scan of the lines where the layout is the usual one
            scanned = file_spots(text, SUBMISSION_FIELDS, ENTRY_FIELDS, VALUE_FIELDS)
            if scanned is not None:
                origin, entry_numbers, value_numbers = scanned
                return pack_spots(origin), pack_spots(entry_numbers), pack_spots(value_numbers)
        root = node_tree(text) if unchanged else None
        import yaml  # loaded by node_tree: a run that needs no position never imports PyYAML

        if root is None or not isinstance(root, yaml.MappingNode):
            # changed since it was read (within this run): no position can be trusted but the file's
            entries, values = self.counts
            return (pack_spots([1, 1] + [0] * 4 * len(SUBMISSION_FIELDS)),
                    pack_spots(([1, 1] + [0] * 2 * len(ENTRY_FIELDS)) * entries),
                    pack_spots(([1, 1] + [0] * 2 * len(VALUE_FIELDS)) * values))
        top = {key.value: value for key, value in root.value}
        entry_numbers: list[int] = []
        for item in top["entries"].value if "entries" in top else ():
            entry_numbers += _node_spots(item, ENTRY_FIELDS, False)
        value_numbers: list[int] = []
        for item in top["indicators"].value if "indicators" in top else ():
            value_numbers += _node_spots(item, VALUE_FIELDS, False)
        origin = pack_spots(_node_spots(root, SUBMISSION_FIELDS, True))
        return origin, pack_spots(entry_numbers), pack_spots(value_numbers)


def _node_spots(node, names: tuple[str, ...], keys: bool) -> list[int]:
    """`_spots` read off a node tree: the same numbers the precise reader's positions give."""
    width = 4 if keys else 2
    mark = node.start_mark
    numbers = [mark.line + 1, mark.column + 1] + [0] * (width * len(names))
    offsets = _OFFSETS[names]
    for key_node, value_node in node.value:
        start = offsets.get(key_node.value)
        if start is not None:
            start = 2 + (start - 2) * width // 2
            value_mark = value_node.start_mark
            numbers[start:start + 2] = (value_mark.line + 1, value_mark.column + 1)
            if keys:
                key_mark = key_node.start_mark
                numbers[start + 2:start + 4] = (key_mark.line + 1, key_mark.column + 1)
    return numbers


class _LaterSpots:
    """A stand-in for a packed position array (status.pack_spots) that asks `_PositionsLater`."""

    __slots__ = ("later", "which")

    def __init__(self, later: _PositionsLater, which: int):
        self.later, self.which = later, which

    def __getitem__(self, index):
        return self.later.array(self.which)[index]

    def __len__(self) -> int:
        return len(self.later.array(self.which))
