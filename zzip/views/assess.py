"""`zzip assess`: the ranked table of a year's scores, and one unit's account line by line."""

from __future__ import annotations

from zzip.assess import UnitScore, YearAssessment, fmt_points
from zzip.assessment_scheme import KINDS
from zzip.i18n import _, pgettext
from zzip.views.tables import Column, ViewTable


def kind_headers() -> dict[str, str]:
    return {"missing_report": pgettext("points lost for", "Missing"), "late_report": pgettext("points lost for", "Late"),
            "overdue_step": pgettext("points lost for", "Overdue"),
            "severely_overdue_step": pgettext("points lost for", "Severe"),
            "indicator_behind": pgettext("points lost for", "Behind"),
            "done_without_evidence": pgettext("points lost for", "No evidence")}


def kind_word(kind: str) -> str:
    """A line's kind in the explanation: the finding's kind, or base / given back."""
    words = {**kind_headers(), "base": pgettext("points", "base"), "given back": pgettext("points", "given back"),
             "cap": pgettext("points", "cap"), "floor": pgettext("points", "floor"),
             "rounding": pgettext("points", "rounding")}
    return words.get(kind, kind)
BAND_STYLES = ("green", None, "yellow", "red")


def ranking(result: YearAssessment) -> ViewTable:
    headers = kind_headers()
    columns = [Column("rank", pgettext("column", "Rank"), "right", True),
               Column("unit", pgettext("column", "Unit"), min_width=8, names_row=True),
               Column("score", pgettext("column", "Score"), "right", True),
               Column("band", pgettext("column", "Band"), no_wrap=True)]
    columns += [Column(kind, headers[kind], "right", no_wrap=True) for kind in KINDS]
    columns.append(Column("id", pgettext("column", "Id"), no_wrap=True, under="unit", names_row=True))
    table = ViewTable(_("Scores for %(year)s, highest first; points lost per kind of finding, after caps", year=result.year),
                      columns, empty=_("no unit had a duty in this year."))
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
    table = ViewTable(title or _("%(unit)s (%(id)s): every point", unit=score.name, id=score.unit_id), [
        Column("gained", pgettext("column", "Gained"), "right", True), Column("lost", pgettext("column", "Lost"), "right", True),
        Column("kind", pgettext("column", "Kind"), no_wrap=True),
        Column("reason", pgettext("column", "Why"), min_width=16), Column("where", pgettext("column", "Where"), min_width=12)])
    for line in score.lines:
        gained = fmt_points(line.points) if line.points > 0 else ""
        lost = fmt_points(-line.points) if line.points < 0 else ("0" if line.kind in KINDS else "")
        table.add({"gained": gained, "lost": lost, "kind": kind_word(line.kind), "reason": line.reason,
                   "where": str(line.location) if line.location else ""},
                  "red" if line.points < 0 else ("green" if line.points > 0 else "dim"))
    return table


def reconciliation(score: UnitScore, places: int) -> str:
    """base - lost + given back = score, written out."""
    parts = [fmt_points(line.points, sign=True) for line in score.lines if line.points]
    return _("%(sum)s = %(score)s (%(band)s, rank %(rank)s)", sum=" ".join(parts), score=f"{score.score:.{places}f}",
             band=score.band, rank=score.rank)


def document(result: YearAssessment, plan_version: str, unit: str | None = None) -> dict:
    scores = [s for s in result.scores if unit is None or s.unit_id == unit]
    return {"year": result.year, "as_of": result.as_of.isoformat(), "plan_version": plan_version,
            "scheme": {"title": result.scheme.title, **result.scheme.summary()},
            "units": [s.to_dict() for s in scores]}
