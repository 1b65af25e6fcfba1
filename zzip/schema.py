"""The JSON Schemas shipped with zzip, and schema errors turned into plain sentences."""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from zzip.findings import Location
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
    shipped = _compiled(kind)
    return shipped if shipped is not None else fastjsonschema.compile(schema(kind))


def _compiled(kind: str):
    """The validator compiled when zzip was built (zzip/schemas/compile_validators.py), if it was
    made from this very schema: compiling at run time cost every check 0.15 s."""
    import hashlib
    import importlib

    try:
        module = importlib.import_module(f"zzip.schemas.compiled.{kind}")
    except ImportError:
        return None
    text = resources.files("zzip.schemas").joinpath(f"{kind}.schema.json").read_bytes()
    return module.validate if getattr(module, "SCHEMA_SHA256", None) == hashlib.sha256(text).hexdigest() else None


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
        hint = f"; did you mean '{guess[0]}'?" if guess else f"; allowed keys: {', '.join(allowed)}"
        return f"unknown key '{key}'{' in ' + where if where else ''}{hint}", path + (key,), True
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required key '{missing}'{' in ' + where if where else ''}", path, True
    if kind == "type":
        return f"{where or 'value'}: expected {_type_words(error.validator_value)}, found {_describe_value(value)}", path, False
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return f"{where or 'value'}: expected one of {options}; found {_describe_value(value)}", path, False
    if kind == "const":
        expected = sub.get("x-expected") or repr(error.validator_value)
        return f"{where or 'value'}: expected {expected}; found {_describe_value(value)}", path, False
    if kind == "pattern":
        expected = sub.get("x-expected") or f"text matching {error.validator_value}"
        return f"{where or 'value'}: expected {expected}; found {_describe_value(value)}", path, False
    if kind == "minLength":
        return f"{where or 'value'}: must not be empty", path, False
    if kind == "minItems":
        return f"{where or 'list'}: must list at least {error.validator_value} item(s)", path, False
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {"minimum": "at least", "maximum": "at most",
                 "exclusiveMinimum": "more than", "exclusiveMaximum": "less than"}[kind]
        return f"{where or 'value'}: must be {bound} {error.validator_value}; found {_describe_value(value)}", path, False
    expected = sub.get("x-expected") or _expected_from_context(error)
    if expected:
        return f"{where or 'value'}: expected {expected}; found {_describe_value(value)}", path, False
    return f"{where or 'value'}: {error.message}", path, False


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


_TYPE_WORDS = {"object": "a mapping (key: value lines)", "array": "a list", "string": "text",
               "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "nothing"}


def _type_words(expected: Any) -> str:
    if isinstance(expected, list):
        return " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    return _TYPE_WORDS.get(expected, str(expected))


def _describe_value(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
