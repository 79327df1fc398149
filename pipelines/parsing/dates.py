"""Publication dates as printed in datelines and bylines."""

from __future__ import annotations

from datetime import date

from pipelines.parsing.classify import DATE_DMY, DATE_MDY

MONTH_NAMES_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES_EN, start=1)}
MONTH_PREFIXES = {name[:3].lower(): number for name, number in MONTHS.items()}


def parse_date(text: str) -> date | None:
    """The first day-month-year or month-day-year date in `text`, or None."""
    if text.isupper():
        text = text.title()  # "MARCH 4, 2014"
    candidates = [m for m in (DATE_DMY.search(text), DATE_MDY.search(text)) if m]
    if not candidates:
        return None
    match = min(candidates, key=lambda m: m.start())
    try:
        return date(int(match["y"]), MONTH_PREFIXES[match["m"][:3].lower()], int(match["d"]))
    except ValueError:
        return None
