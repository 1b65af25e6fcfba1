"""The fast schema path (fastjsonschema) and the worded one (jsonschema) must agree on validity."""

import copy
import json
from pathlib import Path

import fastjsonschema
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zzip.schema import _fast_validator, schema

REPO = Path(__file__).parent.parent
SAMPLE = {
    "format": 1, "plan": "zhengzhou-ip-2022-2025", "plan_version": "1.0.0", "unit": "court", "period": "2025-Q2",
    "submitted": "2025-07-10",
    "entries": [
        {"id": "KT-3-2", "role": "lead", "status": "done", "percent": 100, "completed": "2025-06-01",
         "evidence": [{"document": "郑中法〔2025〕1号"}]},
        {"id": "MS-4-4", "status": "blocked", "blocker": "待定"},
    ],
    "indicators": [{"id": "patents", "value": 1.5, "measured": "2025-06-30"}],
}
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=False, allow_infinity=False),
                   st.sampled_from(["", "2025-Q5", "2025-13-01", "done", "blocked", "已完成", "x" * 3, "KT-1-1",
                                    "1.0.0", "2025-06-30", "lead"]),
                   st.just([]), st.just({}))


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


ALL_PATHS = [p for p in paths(SAMPLE) if p]


def mutate(doc, path, leaf, action):
    doc = copy.deepcopy(doc)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if action == "replace":
        parent[last] = leaf
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent["extra_key"] = leaf
    return doc


@pytest.mark.parametrize("kind", ["plan", "units", "indicators", "tasks", "milestones", "status"])
def test_shipped_schemas_compile_for_the_fast_path(kind) -> None:
    assert _fast_validator(kind) is not None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), LEAVES, st.sampled_from(["replace", "delete", "add"])),
                min_size=0, max_size=3))
def test_fast_and_worded_validators_agree_on_status_files(edits) -> None:
    doc = SAMPLE
    for path, leaf, action in edits:
        try:
            doc = mutate(doc, path, leaf, action)
        except (KeyError, IndexError, TypeError):
            continue
    worded_valid = not list(jsonschema.Draft202012Validator(schema("status")).iter_errors(doc))
    try:
        _fast_validator("status")(doc)
        fast_valid = True
    except fastjsonschema.JsonSchemaException:
        fast_valid = False
    assert fast_valid == worded_valid, json.dumps(doc, ensure_ascii=False)
