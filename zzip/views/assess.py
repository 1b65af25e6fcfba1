"""`zzip assess`: the ranked table of a year's scores, and one unit's account line by line."""

from __future__ import annotations

from zzip.assess import UnitScore, YearAssessment, fmt_points
from zzip.assessment_scheme import KINDS
from zzip.views.tables import Column, ViewTable

KIND_HEADERS = {
    "missing_report": "Missing", "late_report": "Late", "overdue_step": "Overdue",
    "severely_overdue_step": "Severe", "indicator_behind": "Behind", "done_without_evidence": "No evidence",
}
BAND_STYLES = ("green", None, "yellow", "red")


def ranking(result: YearAssessment) -> ViewTable:
    columns = [Column("rank", "Rank", "right", True), Column("unit", "Unit"), Column("score", "Score", "right", True),
               Column("band", "Band", no_wrap=True)]
    columns += [Column(kind, KIND_HEADERS[kind], "right") for kind in KINDS]
    columns.append(Column("id", "Id", no_wrap=True))
    table = ViewTable(f"Scores for {result.year}, highest first; points lost per kind of finding, after caps", columns,
                      empty="no unit had a duty in this year.")
    places = result.scheme.places
    bands = [b.name for b in sorted(result.scheme.bands, key=lambda b: b.min, reverse=True)]
    for score in result.scores:
        row = {"rank": score.rank, "unit": score.name, "id": score.unit_id, "score": f"{score.score:.{places}f}",
               "band": score.band}
        row.update({kind: fmt_points(score.lost[kind]) if kind in score.lost else "" for kind in KINDS})
        position = bands.index(score.band) if score.band in bands else 0
        table.add(row, BAND_STYLES[min(position, len(BAND_STYLES) - 1)])
    return table


def explanation(score: UnitScore, title: str | None = None) -> ViewTable:
    table = ViewTable(title or f"{score.name} ({score.unit_id}): every point", [
        Column("gained", "Gained", "right", True), Column("lost", "Lost", "right", True), Column("kind", "Kind", no_wrap=True),
        Column("reason", "Why"), Column("where", "Where")])
    for line in score.lines:
        gained = fmt_points(line.points) if line.points > 0 else ""
        lost = fmt_points(-line.points) if line.points < 0 else ("0" if line.kind in KINDS else "")
        table.add({"gained": gained, "lost": lost, "kind": line.kind, "reason": line.reason,
                   "where": str(line.location) if line.location else ""},
                  "red" if line.points < 0 else ("green" if line.points > 0 else "dim"))
    return table


def reconciliation(score: UnitScore, places: int) -> str:
    """base - lost + given back = score, written out."""
    parts = [fmt_points(line.points, sign=True) for line in score.lines if line.points]
    return f"{' '.join(parts)} = {score.score:.{places}f} ({score.band}, rank {score.rank})"


def document(result: YearAssessment, plan_version: str, unit: str | None = None) -> dict:
    scores = [s for s in result.scores if unit is None or s.unit_id == unit]
    return {"year": result.year, "as_of": result.as_of.isoformat(), "plan_version": plan_version,
            "scheme": {"title": result.scheme.title, **result.scheme.summary()},
            "units": [s.to_dict() for s in scores]}
