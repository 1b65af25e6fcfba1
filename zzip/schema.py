"""The JSON Schemas shipped with zzip, and schema errors turned into plain sentences."""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from zzip.findings import Location
from zzip.i18n import _, ngettext, pgettext
from zzip.yamlfile import YamlDocument

SCHEMA_KINDS = ("plan", "units", "indicators", "tasks", "milestones", "status", "annual", "assessment")


@dataclass(frozen=True)
class SchemaProblem:
    location: Location
    message: str
    path: tuple  # where in the data the problem sits, e.g. ("tasks", 3, "lead")


def schema_text(kind: str) -> str:
    return resources.files("zzip.schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")


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
    return fastjsonschema.compile(schema(kind))


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
        problems.append(SchemaProblem(doc.locate(at_path, at_key=at_key), message, path))
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
        guess = difflib.get_close_matches(key, allowed, n=1)
        if guess:
            message = (_("unknown key '%(key)s' in %(where)s; did you mean '%(guess)s'?", key=key, where=where,
                         guess=guess[0]) if where else
                       _("unknown key '%(key)s'; did you mean '%(guess)s'?", key=key, guess=guess[0]))
        else:
            message = (_("unknown key '%(key)s' in %(where)s; allowed keys: %(allowed)s", key=key, where=where,
                         allowed=", ".join(allowed)) if where else
                       _("unknown key '%(key)s'; allowed keys: %(allowed)s", key=key, allowed=", ".join(allowed)))
        return message, path + (key,), True
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        message = (_("missing required key '%(key)s' in %(where)s", key=missing, where=where) if where else
                   _("missing required key '%(key)s'", key=missing))
        return message, path, True
    # TRANSLATORS: %(where)s is a key's place in the file (entries[2].status) or the word "value"
    values = {"where": where or pgettext("schema", "value"), "found": _describe_value(value)}
    if kind == "type":
        return _("%(where)s: expected %(expected)s, found %(found)s", expected=_type_words(error.validator_value),
                 **values), path, False
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return _("%(where)s: expected one of %(options)s; found %(found)s", options=options, **values), path, False
    if kind == "const":
        expected = sub.get("x-expected") or repr(error.validator_value)
        return _("%(where)s: expected %(expected)s; found %(found)s", expected=expected, **values), path, False
    if kind == "pattern":
        expected = sub.get("x-expected") or _("text matching %(pattern)s", pattern=error.validator_value)
        return _("%(where)s: expected %(expected)s; found %(found)s", expected=expected, **values), path, False
    if kind == "minLength":
        return _("%(where)s: must not be empty", **values), path, False
    if kind == "minItems":
        return ngettext("%(where)s: must list at least %(num)s item", "%(where)s: must list at least %(num)s items",
                        error.validator_value, where=where or pgettext("schema", "list")), path, False
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        message = {"minimum": _("%(where)s: must be at least %(bound)s; found %(found)s", bound=error.validator_value,
                                **values),
                   "maximum": _("%(where)s: must be at most %(bound)s; found %(found)s", bound=error.validator_value,
                                **values),
                   "exclusiveMinimum": _("%(where)s: must be more than %(bound)s; found %(found)s",
                                         bound=error.validator_value, **values),
                   "exclusiveMaximum": _("%(where)s: must be less than %(bound)s; found %(found)s",
                                         bound=error.validator_value, **values)}[kind]
        return message, path, False
    expected = sub.get("x-expected") or _expected_from_context(error)
    if expected:
        return _("%(where)s: expected %(expected)s; found %(found)s", expected=expected, **values), path, False
    return f"{values['where']}: {error.message}", path, False  # jsonschema's own words: a case not foreseen above


def _expected_from_context(error) -> str | None:
    for sub_error in error.context or ():
        sub = sub_error.schema if isinstance(sub_error.schema, dict) else {}
        if sub.get("x-expected"):
            return sub["x-expected"]
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


def _type_word(kind: str) -> str:
    return {"object": pgettext("type", "a mapping (key: value lines)"), "array": pgettext("type", "a list"),
            "string": pgettext("type", "text"), "integer": pgettext("type", "a whole number"),
            "number": pgettext("type", "a number"), "boolean": pgettext("type", "true or false"),
            "null": pgettext("type", "nothing")}.get(kind, str(kind))


def _type_words(expected: Any) -> str:
    if isinstance(expected, list):
        # TRANSLATORS: joins the names of two kinds of value: "text or a number"
        return _(" or ").join(_type_word(t) for t in expected)
    return _type_word(expected)


def _describe_value(value: Any) -> str:
    if isinstance(value, dict):
        return pgettext("found", "a mapping")
    if isinstance(value, list):
        return pgettext("found", "a list")
    if value is None:
        return pgettext("found", "nothing (an empty value)")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return _("the number %(value)s", value=value)
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
