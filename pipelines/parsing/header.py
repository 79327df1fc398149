"""The optional first line of an archive page, saying what the page lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.parsing.dates import MONTHS

OPEN_QUOTE = "[‘'\"“]"
CLOSE_QUOTE = "[’'\"”]"
# The current theme's headers, and the older theme's "Category Archives: X" family.
TAG_HEADER = re.compile(
    rf"^(?:Posts Tagged {OPEN_QUOTE}(?P<value>.+?){CLOSE_QUOTE}"
    rf"|Tag Archives?:\s*(?P<value2>.+?))$",
    re.IGNORECASE,
)
CATEGORY_HEADER = re.compile(
    rf"^(?:Archive for the {OPEN_QUOTE}(?P<value>.+?){CLOSE_QUOTE} Category"
    rf"|Posts Categorized {OPEN_QUOTE}(?P<value2>.+?){CLOSE_QUOTE}"
    rf"|Category Archives?:\s*(?P<value3>.+?))$",
    re.IGNORECASE,
)
MONTH_HEADER = re.compile(
    r"^(?:Archive for|Monthly Archives?:)\s*(?P<month>[A-Z][a-z]+),? (?P<year>\d{4})$",
    re.IGNORECASE,
)
# Anything that reads like an archive header but fits none of the known shapes.
HEADER_LIKE = re.compile(
    r"^(Posts Tagged|Archive for|Posts Categorized|Category Archives?|Tag Archives?|"
    r"Monthly Archives?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageHeader:
    kind: str  # "tag" | "category" | "month" | "front"
    value: str | None  # tag name, category name, or YYYY-MM
    line: int | None  # 1-based line of the header, None for a front page


class UnknownHeaderError(ValueError):
    """The page opens with an archive header the parser does not know."""


def _value(match: re.Match[str]) -> str:
    """The tag or category name, from whichever of the header's shapes matched."""
    groups = match.groupdict()
    return next(v for k, v in groups.items() if k.startswith("value") and v).strip()


HEADER_WINDOW = 12  # a site title, tagline and sidebar may stand above the header


@dataclass(frozen=True)
class LocatedHeader:
    line: int  # 1-based
    header: PageHeader | None  # None: the line reads like a header of no known shape
    error: str | None


def locate_header(lines: list[str]) -> LocatedHeader | None:
    """The page's header among its first few non-empty lines; None for a front page."""
    seen = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            header = parse_header(line, number)
        except UnknownHeaderError as err:
            return LocatedHeader(number, None, str(err))
        if header is not None:
            return LocatedHeader(number, header, None)
        seen += 1
        if seen >= HEADER_WINDOW:
            return None
    return None


def parse_header(first_line: str, line_number: int) -> PageHeader | None:
    """Recognise an archive header in one line; None means the line is no header."""
    line = first_line.strip()
    if (match := MONTH_HEADER.match(line)) and match["month"].capitalize() in MONTHS:
        month = MONTHS[match["month"].capitalize()]
        return PageHeader("month", f"{match['year']}-{month:02d}", line_number)
    if match := TAG_HEADER.match(line):
        return PageHeader("tag", _value(match), line_number)
    if match := CATEGORY_HEADER.match(line):
        return PageHeader("category", _value(match), line_number)
    if HEADER_LIKE.match(line) and len(line) < 120:
        raise UnknownHeaderError(f"line {line_number}: unknown archive header {line!r}")
    return None
