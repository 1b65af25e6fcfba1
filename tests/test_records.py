"""The model's records (msgspec Structs since issue 13) keep the semantics the dataclasses had:
what two records compare and hash on, what is left out of it, ordering, validation on creation,
immutability, and the keys and order of their machine output."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from zzip.config import Config
from zzip.findings import Finding, Location, Problem, Severity
from zzip.months import HalfYear, Month, Quarter, Year


def test_a_finding_compares_and_hashes_without_its_details():
    here = Location("reports/2025-Q2/a.yaml", 3, 5)
    plain = Finding("S203", "not-responsible", Severity.ERROR, "m", here, "court")
    detailed = Finding("S203", "not-responsible", Severity.ERROR, "m", here, "court", {"item": "KT-1"})
    assert plain == detailed and hash(plain) == hash(detailed) and len({plain, detailed}) == 1
    assert plain != Finding("S203", "not-responsible", Severity.WARNING, "m", here, "court")
    assert plain != Finding("S203", "not-responsible", Severity.ERROR, "m", Location("reports/2025-Q2/a.yaml", 3, 6),
                            "court")
    assert plain.extra == {} and plain.extra is not Finding("a", "b", Severity.INFO, "m", here).extra  # not shared


def test_a_problem_compares_and_hashes_without_its_details():
    here = Location("a.yaml", 1, 1)
    assert Problem(here, "m", "u", {"x": 1}) == Problem(here, "m", "u") != Problem(here, "n", "u")
    assert hash(Problem(here, "m", "u", {"x": 1})) == hash(Problem(here, "m", "u"))


def test_a_configuration_compares_without_the_lines_of_its_settings():
    assert Config(grace_days=3, lines={"progress.methods": 7}) == Config(grace_days=3)
    assert Config(grace_days=3) != Config(grace_days=4)


def test_an_overdue_row_compares_and_shows_without_the_place_it_points_at():
    from zzip.overdue import DueItem

    def row(where, days=3):
        return DueItem("M-1", "milestone", "三(一)1", "t", "court", (), dt.date(2024, 6, 30), days, "overdue", None,
                       None, None, where)

    assert row(("entry", "status")) == row(("plan", "end")) and hash(row(("a", "b"))) == hash(row(("c", "d")))
    assert row(("a", "b")) != row(("a", "b"), days=4)
    assert "where" not in repr(row(("a", "b"))) and repr(row(("a", "b"))).startswith("DueItem(item_id='M-1'")


def test_locations_sort_by_path_then_line_then_column():
    spots = [Location("b", 1, 1), Location("a", 2, 1), Location("a", 1, 9), Location("a", 1, 2)]
    assert sorted(spots) == [Location("a", 1, 2), Location("a", 1, 9), Location("a", 2, 1), Location("b", 1, 1)]


def test_months_order_and_refuse_a_thirteenth_month():
    assert Month(2024, 12) < Month(2025, 1) and Month(2025, 1) <= Month(2025, 1) and Month(2025, 2) > Month(2025, 1)
    with pytest.raises(ValueError):
        Month(2024, 13)
    with pytest.raises(ValueError):
        Month(2024, 0)


def test_periods_of_different_kinds_are_never_equal_and_still_sort():
    assert Quarter(2024, 1) != HalfYear(2024, 1) and Year(2024) == Year(2024, 1)
    assert sorted([Year(2024), Quarter(2024, 2), HalfYear(2024, 1), Quarter(2024, 1)]) == [
        Quarter(2024, 1), HalfYear(2024, 1), Year(2024), Quarter(2024, 2)]
    with pytest.raises(ValueError):
        Quarter(2024, 5)
    with pytest.raises(ValueError):
        HalfYear(2024, 3)
    assert {Quarter(2024, 1): "x"}[Quarter(2024, 1)] == "x"


def test_records_cannot_be_changed():
    with pytest.raises(AttributeError):
        Month(2024, 1).month = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Location("a", 1, 1).line = 2  # type: ignore[misc]


def test_records_survive_pickling_as_the_plan_cache_keeps_them():
    from zzip.schema import SchemaProblem
    from zzip.yamlfile import EncodingNotice

    for record in (Location("a", 1, 2, "Sheet"), SchemaProblem(Location("a", 3), "m", ("tasks", 0), "id"),
                   EncodingNotice(Location("a", 1, 1), "n")):
        assert pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)) == record


def test_the_plan_keeps_its_name_cache_out_of_comparison_and_repr(tmp_path):
    from zzip.plan import Plan

    plan, other = Plan(meta=None), Plan(meta=None)
    plan.name_index()
    plan.__dict__["_names"] = {"x": "y"}
    assert plan == other and "_names" not in repr(plan)


def test_a_standing_row_gives_every_field_in_order():
    from zzip.report import UnitStanding

    row = UnitStanding("court", "市中级人民法院", 4, 1, 20, 0, 1, 0, 3)
    assert list(row.to_dict()) == ["unit_id", "unit_name", "answers_for", "overdue", "worst_days_overdue",
                                   "missing_reports", "late_reports", "indicators_behind", "findings",
                                   "indicators_at_risk"]
    assert row.to_dict()["indicators_at_risk"] == 0
