"""The JSON Schemas shipped with zzip, and schema errors turned into plain sentences."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from msgspec import Struct

from zzip.findings import Location
from zzip.i18n import N_, _, ngettext, pgettext
from zzip.yamlfile import YamlDocument

SCHEMA_KINDS = ("plan", "units", "indicators", "tasks", "milestones", "status", "annual", "assessment", "config")


class SchemaProblem(Struct, frozen=True, gc=False):
    location: Location
    message: str
    path: tuple  # where in the data the problem sits, e.g. ("tasks", 3, "lead")
    missing: str | None = None  # the key a "missing required key" problem names (the message is translated)


def schema_reference(kind: str, folder=None) -> str:
    """Where an editor finds the schema of `kind` from a file written into `folder`: the schema of
    the installed zzip, by a path relative to the folder (so that it holds wherever the plan and
    reports live), or as a file URL when there is no folder (standard output) or no relative path
    (another drive)."""
    import os

    from zzip.i18n import language
    from zzip.schema_words import localized_schema_file

    path = localized_schema_file(kind, language()).resolve()  # an editor shows its words in the file's language
    if folder is not None:
        try:
            return Path(os.path.relpath(path, Path(folder).resolve())).as_posix()
        except ValueError:  # another drive (Windows): no relative path exists
            pass
    return path.as_uri()


def schema_line(kind: str, folder=None) -> str:
    """The first line of a file zzip writes, naming its schema for editors (yaml-language-server)."""
    return f"# yaml-language-server: $schema={schema_reference(kind, folder)}\n"


# The schemas are files beside this module (zzip is installed unpacked, as pip does): found by
# path, not through importlib.resources, whose import (with tempfile and zipfile) cost every check 3 ms.
SCHEMA_FOLDER = Path(__file__).parent / "schemas"


def schema_file(kind: str) -> Path:
    return SCHEMA_FOLDER / f"{kind}.schema.json"


def schema_text(kind: str) -> str:
    return schema_file(kind).read_text(encoding="utf-8")


@functools.cache
def schema(kind: str) -> dict:
    return json.loads(schema_text(kind))


@functools.cache
def _validator(kind: str):
    import jsonschema

    return jsonschema.Draft202012Validator(schema(kind))


@functools.cache
def _fast_validator(kind: str):
    """A compiled validator (fastjsonschema): about 18x faster than jsonschema on a status file.
    It only answers "valid or not"; jsonschema still words every problem of an invalid file."""
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - a declared dependency; the slow path still works
        return None
    shipped = _compiled(kind)
    return shipped if shipped is not None else fastjsonschema.compile(schema(kind))


def _compiled(kind: str):
    """The validator compiled when zzip was built (zzip/schemas/compile_validators.py), if it was
    made from this very schema: compiling at run time cost every check 0.15 s."""
    import importlib

    try:
        module = importlib.import_module(f"zzip.schemas.compiled.{kind}")
    except ImportError:
        return None
    text = schema_file(kind).read_bytes()
    return module.validate if getattr(module, "SCHEMA_SHA256", None) == _sha256(text) else None


def _sha256(data: bytes) -> str:
    """The SHA-256 of `data`, from CPython's own implementation where it has one (as the standard
    library's random module does): hashlib loads OpenSSL, 3 ms and 3.5 MB of every check."""
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12 and later
        except ImportError:  # pragma: no cover - another Python
            from hashlib import sha256
    return sha256(data).hexdigest()


def valid(data: Any, kind: str) -> bool:
    """Whether the data has no schema problem at all (the fast path's question: no wording needed)."""
    fast = _fast_validator(kind)
    if fast is None:  # pragma: no cover - fastjsonschema is a declared dependency
        return next(iter(_validator(kind).iter_errors(data)), None) is None
    import fastjsonschema

    try:
        fast(data)
        return True
    except fastjsonschema.JsonSchemaException:
        return False


def check(doc: YamlDocument, kind: str) -> list[SchemaProblem]:
    """Every schema violation in the document, each with its line and column."""
    fast = _fast_validator(kind)
    if fast is not None:
        import fastjsonschema

        try:
            fast(doc.data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass  # invalid: let jsonschema find and word every problem
    problems = []
    for error in _validator(kind).iter_errors(doc.data):
        path = tuple(error.absolute_path)
        message, at_path, at_key = _describe(error)
        missing = _missing_key(error) if error.validator == "required" else None
        problems.append(SchemaProblem(doc.locate(at_path, at_key=at_key), message, path, missing))
    problems.sort(key=lambda p: (p.location.line or 0, p.location.column or 0, p.message))
    return problems


def _describe(error) -> tuple[str, tuple, bool]:
    """A sentence a non-programmer can act on, and the data path it should point at."""
    path = tuple(error.absolute_path)
    where = path_name(path)
    sub = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    kind = error.validator

    if kind == "additionalProperties":
        allowed = list(sub.get("properties", {}))
        extras = [k for k in value if k not in sub.get("properties", {})] if isinstance(value, dict) else []
        key = extras[0] if extras else ""
        import difflib  # only for a key that is not allowed

        guess = difflib.get_close_matches(key, allowed, n=1)
        message = (_("unknown key '%(key)s' in %(where)s", key=key, where=where) if where else
                   _("unknown key '%(key)s'", key=key))
        if guess:
            message = _("%(problem)s; did you mean '%(guess)s'?", problem=message, guess=guess[0])
        else:
            message = _("%(problem)s; allowed keys: %(keys)s", problem=message, keys=", ".join(allowed))
        return message, path + (key,), True
    if kind == "required":
        missing = _missing_key(error)
        return (_("missing required key '%(key)s' in %(where)s", key=missing, where=where) if where else
                _("missing required key '%(key)s'", key=missing)), path, True
    values = {"where": where or _("value"), "found": _describe_value(value)}
    if kind == "type":
        return _("%(where)s: expected %(expected)s, found %(found)s", **values,
                 expected=_type_words(error.validator_value)), path, False
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return _("%(where)s: expected one of %(options)s; found %(found)s", **values, options=options), path, False
    if kind == "const":
        expected = _expected_words(sub.get("x-expected")) or repr(error.validator_value)
        return _("%(where)s: expected %(expected)s; found %(found)s", **values, expected=expected), path, False
    if kind == "pattern":
        expected = (_expected_words(sub.get("x-expected")) or
                    _("text matching %(pattern)s", pattern=error.validator_value))
        return _("%(where)s: expected %(expected)s; found %(found)s", **values, expected=expected), path, False
    if kind == "minLength":
        return _("%(where)s: must not be empty", **values), path, False
    if kind == "minItems":
        return ngettext("%(where)s: must list at least %(num)s item", "%(where)s: must list at least %(num)s items",
                        error.validator_value, where=where or _("list")), path, False
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {"minimum": N_("%(where)s: must be at least %(bound)s; found %(found)s"),
                 "maximum": N_("%(where)s: must be at most %(bound)s; found %(found)s"),
                 "exclusiveMinimum": N_("%(where)s: must be more than %(bound)s; found %(found)s"),
                 "exclusiveMaximum": N_("%(where)s: must be less than %(bound)s; found %(found)s")}[kind]
        return _(bound, **values, bound=error.validator_value), path, False
    expected = _expected_words(sub.get("x-expected")) or _expected_from_context(error)
    if expected:
        return _("%(where)s: expected %(expected)s; found %(found)s", **values, expected=expected), path, False
    # jsonschema's own words (a case the schemas do not describe): shown as they are
    return _("%(where)s: %(problem)s", where=values["where"], problem=error.message), path, False


def describe_error(error, whole: str) -> str:
    """`_describe`'s sentence for a file without positions (the configuration): `whole` names
    the document when the problem is about all of it."""
    message = _describe(error)[0]
    return message if error.absolute_path else _("%(where)s: %(problem)s", where=whole, problem=message)


def _missing_key(error) -> str:
    """The key a `required` error names ("'submitted' is a required property")."""
    return error.message.split("'")[1] if "'" in error.message else error.message


def _expected_from_context(error) -> str | None:
    for sub_error in error.context or ():
        sub = sub_error.schema if isinstance(sub_error.schema, dict) else {}
        if sub.get("x-expected"):
            return _expected_words(sub["x-expected"])
    return None


def path_name(path: tuple) -> str:
    """("tasks", 3, "lead") -> "tasks[4].lead" (1-based list positions, as people count)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_TYPE_WORDS = {"object": N_("a mapping (key: value lines)"), "array": N_("a list"), "string": N_("text"),
               "integer": N_("a whole number"), "number": N_("a number"), "boolean": N_("true or false"),
               "null": N_("nothing")}

# What the schemas' "x-expected" say a value should look like, marked for the catalog here (JSON
# is not extracted); a test keeps this list and the schemas in step.
EXPECTED_WORDS = (
    N_('1 (the version of this file format)'),
    N_('a date written YYYY-MM-DD in quotes, e.g. "2024-03-15"'),
    N_('a date written YYYY-MM-DD, e.g. 2023-06-30'),
    N_('a date written YYYY-MM-DD, e.g. 2025-06-30'),
    N_('a day written MM-DD in quotes, e.g. "12-10"'),
    N_('a day written MM-DD in quotes, e.g. "12-10", or a list of them'),
    N_('a month YYYY-MM (on time through its last day) or a date YYYY-MM-DD, in quotes'),
    N_('a month written YYYY-MM in quotes, e.g. "2023-06"'),
    N_('a month written YYYY-MM in quotes, e.g. "2024-03"'),
    N_('a month written YYYY-MM in quotes, or ongoing'),
    N_('a month written YYYY-MM or a date written YYYY-MM-DD, in quotes, e.g. "2023-12"'),
    N_("a reference such as 二(一)1, 'external' for facts not in the document, or 'invented' for what an example makes up"),
    N_("a reference to the plan's document such as 二(三)2, 二（三）2, 四(一)1(1) or 附件1-3"),
    N_('a reporting period written YYYY-Qn, YYYY-Hn or YYYY, e.g. 2023-Q1'),
    N_('a reporting period written YYYY-Qn, YYYY-Hn or YYYY, e.g. 2025-Q2'),
    N_('a task, milestone or indicator id, e.g. KT-1-1 or MS-4-9'),
    N_('a unit id of lowercase ASCII letters, digits and hyphens, e.g. market-regulation'),
    N_('a version such as "1.0.0", in quotes'),
    N_('a version such as "1.2.0", in quotes'),
    N_('a yearly item id AP-<year>-<number>, e.g. AP-2024-01'),
    N_('an id of ASCII letters, digits, dots and hyphens, e.g. KT-1-1'),
    N_('an id of lowercase ASCII letters, digits and hyphens, e.g. market-regulation'),
    N_('day or report'),
    N_('either a value, or min and max with comparator: range, or a growth_rate'),
    N_('either lead (with cooperating if any) or responsible, not both'),
    N_('evidence with a document, a link or a file'),
    N_('half-up, half-even or down'),
    N_('no members: only a group (kind: group) has members'),
    N_('one e-mail address, like ip-office@example.gov.cn'),
    N_('the id of a task or step of the plan, e.g. KT-1-1 or MS-4-9'),
)


def _expected_words(expected: str | None) -> str | None:
    """A schema's x-expected in the language of the run (a bare code such as `item` stays)."""
    return _(expected) if expected else expected


def _type_words(expected: Any) -> str:
    if isinstance(expected, list):
        words = [_type_words(t) for t in expected]
        said = words[0]
        for word in words[1:]:
            said = _("%(one)s or %(other)s", one=said, other=word)
        return said
    return _(_TYPE_WORDS[expected]) if expected in _TYPE_WORDS else str(expected)


def _describe_value(value: Any) -> str:
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return _("the number %(number)s", number=value)
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
