"""The optional first line of an archive page, saying what the page lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.parsing.dates import MONTHS

OPEN_QUOTE = "[‘'\"“]"
CLOSE_QUOTE = "[’'\"”]"
TAG_HEADER = re.compile(rf"^Posts Tagged {OPEN_QUOTE}(?P<value>.+?){CLOSE_QUOTE}$")
CATEGORY_HEADER = re.compile(rf"^Archive for the {OPEN_QUOTE}(?P<value>.+?){CLOSE_QUOTE} Category$")
MONTH_HEADER = re.compile(r"^Archive for (?P<month>[A-Z][a-z]+),? (?P<year>\d{4})$")
# Anything that reads like an archive header but fits none of the known shapes.
HEADER_LIKE = re.compile(r"^(Posts Tagged|Archive for|Posts Categorized|Category Archives)\b")


@dataclass(frozen=True)
class PageHeader:
    kind: str  # "tag" | "category" | "month" | "front"
    value: str | None  # tag name, category name, or YYYY-MM
    line: int | None  # 1-based line of the header, None for a front page


class UnknownHeaderError(ValueError):
    """The page opens with an archive header the parser does not know."""


def parse_header(first_line: str, line_number: int) -> PageHeader | None:
    """Recognise the page header on its first non-empty line; None means a front page."""
    line = first_line.strip()
    if match := TAG_HEADER.match(line):
        return PageHeader("tag", match["value"].strip(), line_number)
    if match := CATEGORY_HEADER.match(line):
        return PageHeader("category", match["value"].strip(), line_number)
    if (match := MONTH_HEADER.match(line)) and match["month"] in MONTHS:
        return PageHeader("month", f"{match['year']}-{MONTHS[match['month']]:02d}", line_number)
    if HEADER_LIKE.match(line) and len(line) < 120:
        raise UnknownHeaderError(f"line {line_number}: unknown archive header {line!r}")
    return None
