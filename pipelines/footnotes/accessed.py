"""The date a note says its source was accessed on."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# 'accessed 14 August 2022', 'Accessed on 3 May 2021', 'last accessed: 14th Aug. 2022'.
ACCESSED_DAY_FIRST = re.compile(
    r"\baccessed(?:\s+on)?\s*:?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>"
    + MONTH_NAME
    + r")\.?,?\s+(?P<year>\d{4})\b",
    re.I,
)
# 'accessed August 14, 2022'.
ACCESSED_MONTH_FIRST = re.compile(
    r"\baccessed(?:\s+on)?\s*:?\s*(?P<month>"
    + MONTH_NAME
    + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
    re.I,
)
# Every 'accessed …' pattern holds this word: without it they need not run, and with it
# they need not look before its first occurrence.
ACCESSED_WORD = re.compile(r"accessed", re.I)
# 'accessed 2022-08-14'.
ACCESSED_ISO = re.compile(
    r"\baccessed(?:\s+on)?\s*:?\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b", re.I
)


def parse_accessed_date(text: str) -> datetime.date | None:
    """Date in the first 'accessed …' clause of a note, in any of the printed orders."""
    word = ACCESSED_WORD.search(text)
    if word is None:
        return None
    best: tuple[int, datetime.date] | None = None
    for pattern in (ACCESSED_DAY_FIRST, ACCESSED_MONTH_FIRST, ACCESSED_ISO):
        m = pattern.search(text, word.start())
        if m is None:
            continue
        month = m.group("month")
        month_number = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            date = datetime.date(int(m.group("year")), month_number, int(m.group("day")))
        except ValueError:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), date)
    return None if best is None else best[1]
