"""The yearly assessment scheme (推进考核, 五(三)) as a typed record: points as exact decimals.

The office declares it in plan/assessment.yaml, so that changing points needs no code; it is
part of the plan, versioned and revision-logged like the rest (`zzip diff --check`).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from msgspec import Struct

from zzip.plan import Origin

# The kinds of finding that cost points, in the order an explanation lists them.
KINDS = ("missing_report", "late_report", "overdue_step", "severely_overdue_step", "indicator_behind",
         "done_without_evidence")
KIND_WORDS = {
    "missing_report": "missing report", "late_report": "late report", "overdue_step": "overdue item",
    "severely_overdue_step": "severely overdue item", "indicator_behind": "indicator behind",
    "done_without_evidence": "done without evidence",
}
_MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "down": ROUND_DOWN}


def dec(value) -> Decimal:
    """A YAML number as the decimal it was written as (0.1 stays 0.1, not 0.1000000000000000055)."""
    return Decimal(str(value))


class Deduction(Struct, frozen=True, gc=False):
    kind: str
    points: Decimal
    per: str  # report | day | item | indicator
    cap: Decimal | None


class Band(Struct, frozen=True, gc=False):
    name: str
    min: Decimal


class Scheme(Struct, frozen=True, gc=False):
    title: str
    base: Decimal
    floor: Decimal
    grace_days: int
    severe_days: int
    deductions: dict[str, Deduction]
    cooperating_share: Decimal
    places: int
    mode: str
    bands: tuple[Band, ...]
    source: str | None
    origin: Origin

    def round(self, value: Decimal) -> Decimal:
        return value.quantize(Decimal(1).scaleb(-self.places), rounding=_MODES[self.mode])

    def band(self, score: Decimal) -> str:
        for band in sorted(self.bands, key=lambda b: b.min, reverse=True):
            if score >= band.min:
                return band.name
        return self.bands[-1].name if self.bands else ""

    def summary(self) -> dict:
        """Everything a score depends on, for the json output and the plan diff."""
        return {
            "base": str(self.base), "floor": str(self.floor), "grace_days": self.grace_days,
            "severe_days": self.severe_days, "cooperating_share": str(self.cooperating_share),
            "rounding": {"places": self.places, "mode": self.mode},
            "deductions": {k: {"points": str(d.points), "per": d.per, "cap": None if d.cap is None else str(d.cap)}
                           for k, d in self.deductions.items()},
            "bands": [{"name": b.name, "min": str(b.min)} for b in self.bands],
        }


def build_scheme(raw: dict, origin: Origin) -> Scheme:
    deductions = {kind: Deduction(kind, dec(d["points"]), d["per"], dec(d["cap"]) if "cap" in d else None)
                  for kind, d in raw["deductions"].items()}
    rounding = raw["rounding"]
    return Scheme(
        title=raw["title"], base=dec(raw["base"]), floor=dec(raw.get("floor", 0)),
        grace_days=raw.get("grace_days", 0), severe_days=raw.get("severe_days", 90),
        deductions={k: deductions[k] for k in KINDS if k in deductions},
        cooperating_share=dec(raw["cooperating_share"]), places=rounding["places"],
        mode=rounding.get("mode", "half-up"),
        bands=tuple(Band(b["name"], dec(b["min"])) for b in raw["bands"]), source=raw.get("source"), origin=origin,
    )
