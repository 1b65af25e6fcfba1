"""The ref pattern in every JSON Schema is zzip.refs.REF_PATTERN: an editor checking a plan file
against the schema accepts exactly the refs `zzip validate` accepts (the schemas' copies were
written by a one-off script, so nothing else keeps them equal)."""

import json
from pathlib import Path

import pytest

from zzip.refs import REF_PATTERN, is_ref

SCHEMAS = Path(__file__).parent.parent / "zzip" / "schemas"


def patterns(node, path=""):
    """(path, pattern) for every `pattern` in a schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield path, value
            else:
                yield from patterns(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from patterns(value, f"{path}/{index}")


def ref_patterns(name: str) -> list[tuple[str, str]]:
    """The patterns of a schema that are about refs: those of $defs/ref, and any naming an annex or a
    Chinese numbered heading."""
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return [(path, p) for path, p in patterns(schema)
            if path.startswith("/$defs/ref") or "附件" in p or "一二三" in p]


SCHEMA_NAMES = sorted(p.name for p in SCHEMAS.glob("*.schema.json"))


def test_the_plan_schemas_that_hold_refs_are_all_checked() -> None:
    holding = {name for name in SCHEMA_NAMES if ref_patterns(name)}
    assert {"plan.schema.json", "units.schema.json", "tasks.schema.json", "milestones.schema.json",
            "indicators.schema.json", "annual.schema.json", "assessment.schema.json"} <= holding


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_ref_pattern_is_the_one_zzip_uses(name: str) -> None:
    for path, pattern in ref_patterns(name):
        assert pattern == REF_PATTERN, f"{name}{path}"


@pytest.mark.parametrize("ref, ok", [
    ("二", True), ("二(三)", True), ("二（三）2", True), ("四(一)1(1)", True), ("四（一）1（1）①", True),
    ("附件1", True), ("附件1-3", True), ("三(二", False), ("附件", False), ("2(三)", False), ("", False),
])
def test_the_pattern_reads_the_refs_documents_write(ref: str, ok: bool) -> None:
    assert is_ref(ref) is ok
