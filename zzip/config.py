"""zzip.toml (or [tool.zzip] in pyproject.toml): which rules run, severities and thresholds.

Every key is checked against config.schema.json, so a misspelt key is an error that names
its line instead of a setting silently ignored.
"""

from __future__ import annotations

import fnmatch
import math
import re
from pathlib import Path

from msgspec import Struct, field

from zzip.config_file import CONFIG_NAMES, find_config  # noqa: F401 - where the commands find them
from zzip.engine import Selection
from zzip.findings import Severity
from zzip.i18n import _


class ConfigError(Exception):
    """All the problems of one configuration file, each already a located one-liner."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


class ProgressSettings(Struct, frozen=True):
    method: str = "linear"
    methods: dict = field(default_factory=dict)
    on_track: float = 0.95
    at_risk: float = 0.6
    behind: float = 0.0
    about_tolerance: float = 0.05

    def method_for(self, indicator_id: str) -> str:
        return self.methods.get(indicator_id, self.method)


class Config(Struct, frozen=True):
    path: str | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severities: dict = field(default_factory=dict)
    per_file_ignores: dict = field(default_factory=dict)
    fail_on: str = "error"
    lang: str | None = None  # applied at start-up (zzip.i18n.choose_language); kept for the record
    due_days: int | None = None
    grace_days: int = 0
    expect_reports_from: str = "named"
    severe_days: int = 90
    due_soon_days: int = 30
    progress: ProgressSettings = ProgressSettings()
    lines: dict = field(default_factory=dict)  # "progress.methods" -> its line, for messages; not compared

    def _compared(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__struct_fields__ if name != "lines")

    # Two configurations that say the same are equal wherever their settings stand in the file
    # (msgspec has no per-field compare=False). Like the dataclass's, the hash fails on the dicts.
    def __eq__(self, other):
        return self._compared() == other._compared() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

    def plan_problems(self, plan) -> list[str]:
        """Settings that name plan items must name real ones: a per-indicator method for an id
        the plan does not have would otherwise be silently ignored."""
        lines = []
        for indicator_id in self.progress.methods:
            if indicator_id not in plan.indicators:
                import difflib  # only for a configuration with a mistake in it

                guess = difflib.get_close_matches(indicator_id, list(plan.indicators), n=1)
                where = {"path": self.path, "line": self.lines.get("progress.methods", 1), "id": indicator_id}
                lines.append(_("%(path)s:%(line)s: progress.methods: no indicator '%(id)s' in the plan; "
                               "did you mean '%(guess)s'?", guess=guess[0], **where) if guess else
                             _("%(path)s:%(line)s: progress.methods: no indicator '%(id)s' in the plan", **where))
        return lines

    def selection(self, select: list[str] | None = None, ignore: list[str] | None = None) -> Selection:
        """Command-line --select replaces the configured one; --ignore adds to it."""
        from zzip.engine import split_keys

        chosen = split_keys(select) if select else self.select
        return Selection(select=chosen, ignore=self.ignore | split_keys(ignore), severities=self.severities)

    def ignored_in_file(self, code: str, path: str) -> bool:
        """Per-file ignores read rules as --ignore does (codes, prefixes, names, ALL), and never
        silence a fatal rule: an unreadable file is always reported."""
        if not self.per_file_ignores:  # the common case: asked of every finding, so answered at once
            return False
        from zzip.engine import _matches
        from zzip.rules import find_rule

        rule = find_rule(code)
        if rule is None or rule.fatal:
            return False
        return any(fnmatch.fnmatch(path, pattern) and any(_matches(rule, key) for key in keys)
                   for pattern, keys in self.per_file_ignores.items())


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([_("%(path)s: cannot read configuration: %(reason)s", path=shown, reason=exc)]) from None
    import tomllib  # only when there is a configuration (4 ms of every start-up otherwise)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_("%(path)s: invalid TOML: %(reason)s", path=shown, reason=exc)]) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("zzip", {})
        prefix = ("tool", "zzip")
    _validate(data, text, shown, prefix)
    config = _build(data, shown)
    config.lines["progress.methods"] = _line_of(text, [*prefix, "progress"], "methods")
    return config


def _validate(data: dict, text: str, shown: str, prefix: tuple) -> None:
    lines = []
    for error in _schema_errors(data):
        path = [str(p) for p in error.absolute_path]
        if error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for key in [k for k in error.instance if k not in allowed]:
                import difflib

                guess = difflib.get_close_matches(key, allowed, n=1)
                where = {"path": shown, "line": _line_of(text, [*prefix, *path], key), "key": ".".join([*path, key])}
                lines.append(_("%(path)s:%(line)s: unknown key '%(key)s'; did you mean '%(guess)s'?",
                               guess=guess[0], **where) if guess else
                             _("%(path)s:%(line)s: unknown key '%(key)s'; allowed: %(keys)s",
                               keys=", ".join(allowed), **where))
            continue
        if "propertyNames" in error.schema_path:  # a [severity] key that is no code: _rule_key_problems words it
            continue
        keys = list(error.absolute_path)
        while keys and isinstance(keys[-1], int):  # an item of a list (ignore = ["C3", 1]) is on its list's line
            keys.pop()
        keys = [str(k) for k in keys]
        line = _line_of(text, [*prefix, *keys[:-1]], keys[-1]) if keys else 1
        from zzip.schema import describe_error

        lines.append(_("%(path)s:%(line)s: %(problem)s", path=shown, line=line,
                       problem=describe_error(error, _("configuration"))))
    lines += _not_finite(data, text, shown, prefix, ())
    lines += _rule_key_problems(data, text, shown, prefix)
    lines += _threshold_order(data, text, shown, prefix)
    if lines:
        raise ConfigError(lines)


def _schema_errors(data: dict) -> list:
    """jsonschema's errors, sorted by place; none without importing jsonschema (40 ms of every
    run with a configuration) when the compiled validator finds the configuration valid."""
    from zzip.schema import schema, valid

    try:
        if valid(data, "config"):
            return []
    except Exception:  # noqa: BLE001 - a value the compiled validator trips on: jsonschema judges it
        pass
    import jsonschema

    return sorted(jsonschema.Draft202012Validator(schema("config")).iter_errors(data), key=lambda e: list(e.absolute_path))


def _threshold_order(data: dict, text: str, shown: str, prefix: tuple) -> list[str]:
    """on-track >= at-risk >= behind: in another order a grade could never be given (at-risk 0.9
    above on-track 0.1 makes nothing "at risk") and the grades would silently mean other things."""
    progress = data.get("progress")
    if not isinstance(progress, dict):
        return []
    values = {"on-track": 0.95, "at-risk": 0.6, "behind": 0.0}
    given = {k: progress[k] for k in values if isinstance(progress.get(k), (int, float)) and not isinstance(progress.get(k), bool)}
    if not given:
        return []
    values.update(given)
    if values["on-track"] >= values["at-risk"] >= values["behind"]:
        return []
    key = next(iter(given))
    line = _line_of(text, [*prefix, "progress"], key)
    return [_("%(path)s:%(line)s: progress: the thresholds must go down from on-track to at-risk to behind; found "
              "on-track %(on_track)s, at-risk %(at_risk)s, behind %(behind)s", path=shown, line=line,
              on_track=f"{values['on-track']:g}", at_risk=f"{values['at-risk']:g}", behind=f"{values['behind']:g}")]


def _not_finite(value, text: str, shown: str, prefix: tuple, path: tuple) -> list[str]:
    """TOML has nan, which JSON Schema bounds let through (every comparison with NaN is
    false): a threshold must be a real number."""
    if isinstance(value, dict):
        return [line for key, item in value.items() for line in _not_finite(item, text, shown, prefix, (*path, key))]
    if isinstance(value, float) and math.isnan(value):  # inf is caught by the bounds
        line = _line_of(text, [*prefix, *path[:-1]], path[-1]) if path else 1
        return [_("%(path)s:%(line)s: %(key)s: %(value)s is not a number; give a finite number", path=shown, line=line,
                  key=".".join(path), value=value)]
    return []


def _rule_key_problems(data: dict, text: str, shown: str, prefix: tuple) -> list[str]:
    """Every rule named in select, ignore, [severity] and [per-file-ignores] must exist, and the
    fatal rule (an unreadable file) can be neither turned off nor lowered."""
    from zzip.rule_keys import key_problem, severity_problem

    lines = []

    def keys(value) -> list[str]:
        return [k for k in value if isinstance(k, str)] if isinstance(value, list) else []

    for name, turning_off in (("select", False), ("ignore", True)):
        value = data.get(name)
        if name == "select" and value == []:
            lines.append(_("%(path)s:%(line)s: select: an empty list turns every check off; leave select out to "
                           "run all rules, and use ignore to turn some off", path=shown, line=_line_of(text, list(prefix), name)))
        for key in keys(value):
            problem = key_problem(key, turning_off)
            if problem:
                lines.append(_("%(path)s:%(line)s: %(name)s: %(problem)s", path=shown, line=_line_of(text, list(prefix), name), name=name, problem=problem))
    severity = data.get("severity")
    for code, level in (severity.items() if isinstance(severity, dict) else ()):
        problem = severity_problem(code, level if isinstance(level, str) else None)
        if problem:
            lines.append(_("%(path)s:%(line)s: severity: %(problem)s", path=shown, line=_line_of(text, [*prefix, 'severity'], code), problem=problem))
    per_file = data.get("per-file-ignores")
    for pattern, codes in (per_file.items() if isinstance(per_file, dict) else ()):
        for key in keys(codes):
            problem = key_problem(key, turning_off=True)
            if problem:
                line = _line_of(text, [*prefix, "per-file-ignores"], pattern)
                lines.append(_("%(path)s:%(line)s: per-file-ignores.\"%(pattern)s\": %(problem)s", path=shown, line=line, pattern=pattern, problem=problem))
    return lines


def _line_of(text: str, tables: list[str], key: str) -> int:
    """The line of `key` inside the table [a.b] (TOML parsers give no positions, so look)."""
    header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(re.escape(t) for t in tables) + r"\s*\]") if tables else None
    in_table = header is None  # top-level keys come before the first [table]
    key_re = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    as_table = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(re.escape(t) for t in [*tables, key]) + r"\s*[\].]")
    for number, line in enumerate(text.splitlines(), start=1):
        if as_table.match(line):
            return number
        if re.match(r"^\s*\[", line):
            in_table = bool(header and header.match(line))
        elif in_table and key_re.match(line):
            return number
    return _dotted_line_of(text, [*tables, key])


def _dotted_line_of(text: str, names: list[str]) -> int:
    """The line of a key written with dots or in an inline table, `severity.C305 = ...` at the top
    or `severity = {C305 = ...}` (as valid TOML as a [severity] table), else 1."""
    def quoted(name: str) -> str:
        return r"[\"']?" + re.escape(name) + r"[\"']?"

    def dotted(parts: list[str]) -> str:
        return r"\s*\.\s*".join(quoted(part) for part in parts)

    lines = text.splitlines()
    for split in range(len(names) - 1, -1, -1):  # the table written as a header, the rest on one line
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(re.escape(t) for t in names[:split]) + r"\s*\]")
        rest = names[split:]
        forms = [re.compile(r"^\s*" + dotted(rest[:cut]) + r"\s*=\s*\{.*" + dotted(rest[cut:]) + r"\s*=")
                 for cut in range(1, len(rest))]
        if len(rest) > 1:
            forms.append(re.compile(r"^\s*" + dotted(rest) + r"\s*="))
        in_table = split == 0
        for number, line in enumerate(lines, start=1):
            if re.match(r"^\s*\[", line):
                in_table = split > 0 and bool(header.match(line))
            elif in_table and any(form.match(line) for form in forms):
                return number
    return 1


def _build(data: dict, shown: str) -> Config:
    reporting, overdue, progress = data.get("reporting", {}), data.get("overdue", {}), data.get("progress", {})
    return Config(
        path=shown,
        select=frozenset(data["select"]) if "select" in data else None,
        ignore=frozenset(data.get("ignore", ())),
        severities={code: Severity.parse(level) for code, level in data.get("severity", {}).items()},
        per_file_ignores=dict(data.get("per-file-ignores", {})),
        fail_on=data.get("fail-on", "error"),
        lang=data.get("lang"),
        due_days=reporting.get("due-days"),
        grace_days=reporting.get("grace-days", 0),
        expect_reports_from=reporting.get("expect-reports-from", "named"),
        severe_days=overdue.get("severe-days", 90),
        due_soon_days=overdue.get("due-soon-days", 30),
        progress=ProgressSettings(
            method=progress.get("method", "linear"), methods=dict(progress.get("methods", {})),
            on_track=progress.get("on-track", 0.95), at_risk=progress.get("at-risk", 0.6),
            behind=progress.get("behind", 0.0), about_tolerance=progress.get("about-tolerance", 0.05),
        ),
    )
