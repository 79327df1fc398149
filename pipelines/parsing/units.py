"""Line units: the pieces of a paragraph that carry one role each.

A blank-line paragraph is not always one part of a post: a title, its dateline and byline are
sometimes printed on consecutive lines, and bullets run into a caption. A hard-wrapped
paragraph, on the other hand, is one part spread over lines. Units resolve both: each line
starts a unit unless it continues the previous line's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.parsing import classify, shapes
from pipelines.parsing.text import Paragraph, clean_inline

SHORT_TITLE_WORDS = 10
CITATION_MAX_LINES = 3
# A line that closes its sentence (or is a complete caption/credit) does not continue.
LINE_CLOSED = re.compile(r"[.!?:;”\"’)\]]\s*$")
CREDIT_ONLY = re.compile(
    r"^(?:Illustration by|Image credit|Photo(?:graph)? by|Photo|Picture|Credit|Source)\b.{0,80}$",
    re.IGNORECASE,
)

# A line wholly in brackets is an aside of its own: a translation of the headline above
# ("[China and the new Afghan front]"), the blogger's note under it ("(Belatedly posting …)")
WHOLLY_BRACKETED = re.compile(r"^(?:\[[^\[\]]+\]|\([^()]+\)\.?)$")


@dataclass(frozen=True)
class Unit:
    text: str
    first_line: int
    last_line: int
    paragraph: int  # index of the paragraph (within its post) the unit came from


def _starts_structure(line: str) -> bool:
    """A line that opens a part of its own, so it never continues the line above."""
    text = clean_inline(line)
    return bool(
        classify.BULLET.match(line)
        or classify.is_byline(text)
        or shapes.is_date_line(text)
        or (classify.is_caption(text) and not CREDIT_ONLY.match(text))
        or classify.SEPARATOR.match(text)
        or shapes.OUTLET_CREDIT.match(text)
        or text.startswith("|")  # a table remnant: " |", "| Category |"
        or WHOLLY_BRACKETED.match(text) is not None
    )


def _short_title_above(previous: str, line: str) -> bool:
    """A short title-like line over a capitalised one: a headline with its standfirst or
    byline under it, not a hard wrap (which breaks a long line)."""
    first = line.lstrip()[:1]
    return (
        first.isupper()
        and classify.words(previous, SHORT_TITLE_WORDS) <= SHORT_TITLE_WORDS
        and classify.is_title_like(clean_inline(previous))
    )


def _byline_under_caption(previous: str, line: str) -> bool:
    """A bare name under a photo's caption and credit is the byline, not the credit's tail."""
    return classify.is_caption(clean_inline(previous)) and classify.is_person_name_line(
        clean_inline(line)
    )


def paragraph_units(paragraph: Paragraph, index: int) -> list[Unit]:
    """Cut one paragraph into units (see module docstring)."""
    if len(paragraph.lines) == 1:  # most paragraphs: one unit, the paragraph's own text
        return [Unit(paragraph.text, paragraph.first_line, paragraph.first_line, index)]
    if len(paragraph.lines) <= CITATION_MAX_LINES and shapes.BOOK_CITATION.match(paragraph.text):
        # a book's citation hard-wrapped after "London:" is still one headline
        return [Unit(paragraph.text, paragraph.first_line, paragraph.last_line, index)]
    units: list[list[object]] = []  # [lines, first_line]
    for offset, line in enumerate(paragraph.lines):
        number = paragraph.first_line + offset
        if units:
            previous_lines: list[str] = units[-1][0]  # type: ignore[assignment]
            previous = previous_lines[-1]
            credit = CREDIT_ONLY.match(clean_inline(line)) is not None
            continues = (
                not LINE_CLOSED.search(previous)
                and not _starts_structure(line)
                and not classify.is_person_name_line(clean_inline(previous))  # a bare byline
                and not shapes.is_date_line(clean_inline(previous))
                and not _short_title_above(previous, line)
                and not _byline_under_caption(previous, line)
            )
            if continues or credit:
                previous_lines.append(line)
                continue
        units.append([[line], number])
    result = []
    for lines, first in units:
        assert isinstance(lines, list) and isinstance(first, int)
        text = clean_inline(" ".join(part.strip() for part in lines))
        result.append(Unit(text, first, first + len(lines) - 1, index))
    return result
