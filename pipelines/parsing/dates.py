"""Publication dates as printed in datelines and bylines."""

from __future__ import annotations

import re
from datetime import date

from pipelines.parsing.classify_bylines import DATE_DMY, DATE_MDY

MONTH_NAMES_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES_EN, start=1)}
MONTH_PREFIXES = {name[:3].lower(): number for name, number in MONTHS.items()}
# Month names of the languages the blog's syndicated copies are printed in (Italian, French,
# Spanish, German): "12 luglio 2018", "3 mars 2019".
FOREIGN_MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "décembre": 12,
    "enero": 1, "febrero": 2, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}  # fmt: skip
FOREIGN_DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})\.?(?:er|º)? (?:de )?(?P<m>{'|'.join(FOREIGN_MONTHS)})"
    r"(?: de)? (?P<y>\d{4})\b",
    re.IGNORECASE,
)

# Day first with dots, as German and other European outlets print it: "18.08.2021"; or with
# slashes, as a British blog's theme may print its dates: "24/05/2010".
DOTTED_DATE = re.compile(
    r"\b(?P<d>[0-3]?\d)(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d{2})\b"
)
# Year, month, day as Chinese and Japanese outlets print them: "2018年5月14日".
CJK_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


def parse_date(text: str) -> date | None:
    """The first day-month-year or month-day-year date in `text`, or None."""
    if text.isupper():
        text = text.title()  # "MARCH 4, 2014"
    candidates = [m for m in (DATE_DMY.search(text), DATE_MDY.search(text)) if m]
    if not candidates:
        return _other_date(text)
    match = min(candidates, key=lambda m: m.start())
    try:
        return date(int(match["y"]), MONTH_PREFIXES[match["m"][:3].lower()], int(match["d"]))
    except ValueError:
        return None


def _other_date(text: str) -> date | None:
    """A date with a month named in another language, or in numbers (dotted, CJK)."""
    if match := FOREIGN_DATE.search(text):
        return _date(match["y"], str(FOREIGN_MONTHS[match["m"].lower()]), match["d"])
    if numeric := DOTTED_DATE.search(text) or CJK_DATE.search(text):
        return _date(numeric["y"], numeric["m"], numeric["d"])
    return None


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
