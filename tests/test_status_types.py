"""msgspec's quick yes (zzip/status_types.py) never says yes where the JSON Schema says no."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzip import schema, status_types

pytestmark = pytest.mark.skipif(status_types.msgspec is None, reason="msgspec has no wheel here")

VALID = {
    "format": 1, "plan": "zhengzhou-ip-2022-2025", "plan_version": "1.0.0", "unit": "court", "period": "2025-Q2",
    "submitted": "2025-07-10", "contact": "张三",
    "entries": [{"id": "KT-1-1", "role": "lead", "status": "done", "percent": 100, "completed": "2025-05-01",
                 "evidence": [{"document": "郑市监〔2025〕1号", "title": "x"}], "note": "n", "blocker": "b"}],
    "indicators": [{"id": "patents", "value": 1.5, "measured": "2025-06-30", "source": "s", "note": "n"}],
    "note": "n",
}
ODD = st.one_of(st.none(), st.booleans(), st.integers(-2, 200), st.floats(allow_nan=False, allow_infinity=False),
                st.sampled_from(["", "x", "1", "2025-02-30", "2025-13-01", "2025-06-30\n", "2025-Q5", "2025-Q1\n",
                                 "1.0.0.0", "1", "-a", "A", "KT-1-1", "done", "已完成", "lead", 1.0, 10**30, [], {}]))


@st.composite
def mutated(draw):
    import copy

    doc = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        targets = [doc]
        for entries in (doc.get("entries"), doc.get("indicators")):
            if isinstance(entries, list) and entries and isinstance(entries[0], dict):
                targets.append(entries[0])
                evidence = entries[0].get("evidence")
                if isinstance(evidence, list) and evidence and isinstance(evidence[0], dict):
                    targets.append(evidence[0])
        target = draw(st.sampled_from(targets))
        key = draw(st.sampled_from(sorted(target) + ["extra"]))
        if draw(st.booleans()):
            target.pop(key, None)
        else:
            target[key] = draw(ODD)
    return doc


def test_a_valid_report_is_surely_valid():
    assert schema.valid(VALID, "status") and status_types.surely_valid(VALID)


@settings(max_examples=3000, deadline=None)
@given(mutated())
def test_msgspec_says_yes_only_where_the_schema_does(doc):
    if status_types.surely_valid(doc):  # jsonschema decides the precise path's verdict (schema.check)
        assert not list(schema._validator("status").iter_errors(doc))


@pytest.mark.parametrize("change", [
    {"format": True}, {"format": 1.0}, {"percent": float("nan")}, {"evidence": [{"title": "only a title"}]},
    {"evidence": [{}]}, {"evidence": [{"document": None}]}, {"completed": "2025-02-30x"},
])
def test_edge_values_are_left_to_the_schema(change):
    import copy

    doc = copy.deepcopy(VALID)
    if "format" in change:
        doc.update(change)
    else:
        doc["entries"][0].update(change)
    assert not status_types.surely_valid(doc)


# The fast path trusts msgspec's yes instead of walking the data again (zzip.fastyaml.plain):
# the yes must imply everything that walk checks.
UNPLAIN = st.one_of(st.just(float("inf")), st.just(float("-inf")), st.just(float("nan")),
                    st.sampled_from([{1: "x"}, {None: "x"}, {True: 1}, {1.5: "y"}, [[[[[]]]]]]))


@st.composite
def unplain(draw):
    import copy

    doc = copy.deepcopy(VALID)
    target = draw(st.sampled_from([doc, doc["entries"][0], doc["indicators"][0], doc["entries"][0]["evidence"][0]]))
    value = draw(UNPLAIN)
    if isinstance(value, dict) and draw(st.booleans()):
        target.update(value)  # a key that is not text, beside the fields
    else:
        target[draw(st.sampled_from(sorted(target)))] = value
    return doc


@settings(max_examples=1000, deadline=None)
@given(st.one_of(mutated(), unplain()))
def test_msgspec_says_yes_only_where_the_data_is_plain(doc):
    from zzip import fastyaml

    if status_types.surely_valid(doc):
        assert fastyaml.plain(doc)


@pytest.mark.parametrize(("value", "sure"), [
    (sys.float_info.max, True), (-sys.float_info.max, True), (float("inf"), False), (float("-inf"), False),
    (float("nan"), False), (0.0, True),
])
def test_an_indicator_value_is_sure_only_when_finite(value, sure):
    import copy

    doc = copy.deepcopy(VALID)
    doc["indicators"][0]["value"] = value
    assert status_types.surely_valid(doc) is sure
