"""Which layout a page uses: blank-line paragraphs, or one paragraph per line.

Most dumps separate paragraphs with a blank line, and a paragraph may be hard-wrapped over
several lines. Some pages have (almost) no blank line at all: there every line is a paragraph,
unless it plainly continues the sentence of the line above.
"""

from __future__ import annotations

import re

from pipelines.parsing import shapes
from pipelines.parsing.classify_furniture import NOTE_START
from pipelines.parsing.classify_names import is_person_name_line
from pipelines.parsing.classify_wording import words
from pipelines.parsing.paragraphs import is_headline_shape
from pipelines.parsing.text import Paragraph, clean_inline, split_paragraphs

# Fewer blank separators than this share of the non-empty lines: the page is laid out in lines.
LINE_LAYOUT_MAX_BLANK_SHARE = 0.1
LINE_LAYOUT_MIN_LINES = 8
# Inside a blank-line page, a block whose lines are whole paragraphs (several of them long and
# closed) is a single-newline stretch, not a hard-wrapped paragraph.
WHOLE_PARAGRAPH_WORDS = 40
WHOLE_PARAGRAPHS_IN_BLOCK = 2
SYNDICATED_TOP_LINES = 3  # outlet, date line, headline
OUTLET_MAX_WORDS = 6
# "…, on why the summit matters:" printed on the line right above the headline it introduces
COLON_INTRO_MIN_WORDS = 12
# A dump hard-wrapped at a fixed width (about 72-80 characters): no line is longer than
# WRAP_MAX_WIDTH, and at least WRAP_MIN_SHARE of the lines end within WRAP_SLACK of the width.
WRAP_MAX_WIDTH = 100
WRAP_SLACK = 12
WRAP_MIN_SHARE = 0.4
LINE_OPEN = re.compile(r"[^.!?:;”\"’)\]…]\s*$")  # the line's sentence goes on
CONTINUES = re.compile(r"^\s*[a-z]")


def _bare_label(line: str) -> bool:
    """ "Tags:" alone: its list, on the next line, goes with it."""
    return shapes.BARE_FILING_LABEL.match(clean_inline(line)) is not None


def _continues(previous: str, line: str) -> bool:
    if _bare_label(previous):
        return True
    if previous.rstrip().endswith(",") and is_person_name_line(clean_inline(previous)[:-1]):
        return True  # a signature: "Raffaello Pantucci," over "London WC2, UK"
    return bool(
        LINE_OPEN.search(previous) and CONTINUES.match(line) and not shapes.NAMES_BYLINE.match(line)
    )


def wrap_width(blocks: list[Paragraph]) -> int | None:
    """The width a dump was hard-wrapped at, if it was: no line longer, many lines close to it."""
    lengths = [len(line.rstrip()) for b in blocks for line in b.lines]
    if len(lengths) < LINE_LAYOUT_MIN_LINES or max(lengths) > WRAP_MAX_WIDTH:
        return None
    width = max(lengths)
    near = sum(1 for n in lengths if n >= width - WRAP_SLACK)
    return width if near >= WRAP_MIN_SHARE * len(lengths) else None


def _wrapped(previous: str, line: str, width: int | None) -> bool:
    """The line's first word would not have fitted on the line above: the wrap put it here."""
    if width is None or not line.strip() or is_theme_line(line):
        return False
    if not LINE_OPEN.search(previous) and len(line.rstrip()) < width - WRAP_SLACK:
        return False  # a short line after a full stop: a headline, a byline, a last line
    return len(previous.rstrip()) + 1 + len(line.split()[0]) > width


def _line_paragraphs(block: Paragraph, width: int | None = None) -> list[Paragraph]:
    """One paragraph per line of the block; a hard-wrapped continuation stays with its line."""
    groups: list[list[str]] = []
    for line in block.lines:
        if groups and (_continues(groups[-1][-1], line) or _wrapped(groups[-1][-1], line, width)):
            groups[-1].append(line)
        else:
            groups.append([line])
    result = []
    first = block.first_line
    for lines in groups:
        result.append(Paragraph(tuple(lines), first, first + len(lines) - 1))
        first += len(lines)
    return result


def is_theme_line(line: str) -> bool:
    """A line the themes print on its own: "Posted: …", "Tags: …", an address, "(more…)"."""
    text = clean_inline(line)
    return bool(
        shapes.POSTED_LINE.match(text)
        or shapes.FILING_LINE.match(text)
        or shapes.URL_LINE.match(text)
        or shapes.CLOSING_FURNITURE.match(text)
        or shapes.ISSUE_LINE.match(text)
        or shapes.SECTION_KICKER.match(text)
        or shapes.SIDEBAR.search(text)
        or (shapes.OLD_DATELINE.match(text) and "Age:" in text)
    )


def _split_theme_lines(block: Paragraph) -> list[Paragraph]:
    """Theme lines stand apart from the lines around them, whatever the spacing."""
    if len(block.lines) == 1 or not any(is_theme_line(line) for line in block.lines):
        return [block]
    groups: list[tuple[int, list[str]]] = []
    for offset, line in enumerate(block.lines):
        alone = is_theme_line(line)
        if groups and _bare_label(groups[-1][1][-1]):
            groups[-1][1].append(line)
        elif alone or not groups or is_theme_line(groups[-1][1][-1]):
            groups.append((block.first_line + offset, [line]))
        else:
            groups[-1][1].append(line)
    return [Paragraph(tuple(lines), first, first + len(lines) - 1) for first, lines in groups]


def _split_colon_intro(block: Paragraph) -> list[Paragraph]:
    """An introduction ending in a colon, then its headline with no blank line between."""
    lines = block.lines
    if len(lines) < 2 or not lines[-2].rstrip().endswith(":"):
        return [block]
    if any(is_theme_line(line) or _bare_label(line) for line in lines):
        return [block]  # "Tags:" over its list is the theme's, not an introduction
    head = clean_inline(lines[-1])
    intro = " ".join(line.strip() for line in lines[:-1])
    if words(intro, COLON_INTRO_MIN_WORDS) < COLON_INTRO_MIN_WORDS or not is_headline_shape(head):
        return [block]
    last = block.last_line
    return [Paragraph(lines[:-1], block.first_line, last - 1), Paragraph(lines[-1:], last, last)]


def _split_syndicated_top(block: Paragraph) -> list[Paragraph]:
    """ "The Guardian" / "October 7, 2009 Wednesday" / the headline, printed with no blank
    line between: the outlet's lines stand apart from the headline they top."""
    lines = block.lines
    if len(lines) != SYNDICATED_TOP_LINES or not shapes.is_date_line(clean_inline(lines[1])):
        return [block]
    outlet, head = clean_inline(lines[0]), clean_inline(lines[2])
    if words(outlet, OUTLET_MAX_WORDS) > OUTLET_MAX_WORDS or not is_headline_shape(outlet):
        return [block]
    if not is_headline_shape(head) or shapes.RELATED_CATEGORY.match(head):
        return [block]  # a "Related" entry: title, date, "In “China”"
    first, last = block.first_line, block.last_line
    return [Paragraph(lines[:2], first, first + 1), Paragraph(lines[2:], last, last)]


def _holds_whole_paragraphs(block: Paragraph) -> bool:
    if len(block.lines) < 3 or NOTE_START.match(block.lines[0]):
        return False
    whole = sum(
        1
        for line in block.lines
        if words(line, WHOLE_PARAGRAPH_WORDS) >= WHOLE_PARAGRAPH_WORDS
        and not LINE_OPEN.search(line)
    )
    return whole >= WHOLE_PARAGRAPHS_IN_BLOCK


def is_line_layout(blocks: list[Paragraph]) -> bool:
    """Almost no blank line between the page's lines."""
    lines = sum(len(b.lines) for b in blocks)
    separators = len(blocks) - 1
    return lines >= LINE_LAYOUT_MIN_LINES and separators < LINE_LAYOUT_MAX_BLANK_SHARE * lines


def page_paragraphs(text: str) -> list[Paragraph]:
    """The page's paragraphs with their 1-based line spans, whatever its layout."""
    blocks = split_paragraphs(text)
    by_line = is_line_layout(blocks)  # decided on the blank lines as printed
    width = wrap_width(blocks) if by_line else None
    result: list[Paragraph] = []
    for block in blocks:
        parts = (
            p
            for top in _split_syndicated_top(block)
            for b in _split_colon_intro(top)
            for p in _split_theme_lines(b)
        )
        for part in parts:
            if by_line or _holds_whole_paragraphs(part):
                result.extend(_line_paragraphs(part, width))
            else:
                result.append(part)
    return result
