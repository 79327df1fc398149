"""One raw page in, its header, its posts and whatever could not be placed out."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from pipelines.parsing.header import LocatedHeader, PageHeader, locate_header
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.post import ParsedPost, parse_post
from pipelines.parsing.segment import NOTE_ONLY_REASON, Weights, find_posts
from pipelines.parsing.text import PageDecodeError, Paragraph, decode_page

FRONT_PAGE = PageHeader("front", None, None)


@dataclass(frozen=True)
class Reject:
    """Something the pipeline could not use, kept with its reason and raw text."""

    page: str
    stage: str
    reason: str
    raw_text: str
    first_line: int | None = None
    last_line: int | None = None


@dataclass
class ParsedPage:
    page: str
    header: PageHeader
    encoding: str | None
    decode_notes: tuple[str, ...]
    posts: list[ParsedPost] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    error: str | None = None


def parse_page(page: str, data: bytes) -> ParsedPage:
    """Decode, read the header, find posts and cut each into parts. Never raises on bad input."""
    try:
        decoded = decode_page(data)
    except PageDecodeError as err:
        raw = data[:2000].decode("utf-8", errors="replace")
        return ParsedPage(
            page,
            FRONT_PAGE,
            None,
            (),
            rejects=[Reject(page, "decode", str(err), raw)],
            error=str(err),
        )
    return parse_text(page, decoded.text, decoded.encoding, decoded.notes)


def page_body(text: str) -> tuple[list[Paragraph], LocatedHeader | None]:
    """The page's paragraphs without its header line, and where the header was.

    What stood above the header stays, as text before the first post (a site title, a
    tagline).
    """
    paragraphs = page_paragraphs(text)
    found = locate_header(text.split("\n"))
    if found is None:
        return paragraphs, None  # a front page
    return [part for p in paragraphs for part in _without_line(p, found.line)], found


def _header_reject(page: str, text: str, found: LocatedHeader) -> Reject:
    """A line that reads like an archive header of no known shape."""
    line = text.split("\n", found.line)[found.line - 1]
    return Reject(page, "header", found.error or "", line, found.line, found.line)


def _without_line(paragraph: Paragraph, number: int) -> list[Paragraph]:
    if not paragraph.first_line <= number <= paragraph.last_line:
        return [paragraph]
    at = number - paragraph.first_line
    parts = []
    if at:
        parts.append(Paragraph(paragraph.lines[:at], paragraph.first_line, number - 1))
    if at + 1 < len(paragraph.lines):
        parts.append(Paragraph(paragraph.lines[at + 1 :], number + 1, paragraph.last_line))
    return parts


def _block_reject(page: str, reason: str, paragraphs: list[Paragraph]) -> Reject:
    raw = _as_printed(paragraphs)
    return Reject(page, "segment", reason, raw, paragraphs[0].first_line, paragraphs[-1].last_line)


def _as_printed(paragraphs: list[Paragraph]) -> str:
    """The paragraphs' lines as the page prints them: as many line breaks between two
    paragraphs as there are lines between them (one-line paragraphs of a line layout touch)."""
    parts = [paragraphs[0].raw]
    for above, below in itertools.pairwise(paragraphs):
        parts.append("\n" * (below.first_line - above.last_line) + below.raw)
    return "".join(parts)


def parse_text(
    page: str,
    text: str,
    encoding: str = "utf-8",
    decode_notes: tuple[str, ...] = (),
    weights: Weights | None = None,
) -> ParsedPage:
    """Parse already decoded page text (see `parse_page`); `weights` default to the fitted."""
    paragraphs, found = page_body(text)
    result = ParsedPage(page, FRONT_PAGE, encoding, decode_notes)
    if found is not None and found.header is not None:
        result.header = found.header
    elif found is not None:
        result.rejects.append(_header_reject(page, text, found))
    segmented = find_posts(paragraphs, weights)
    if not segmented.posts:
        reason = "no post found: nothing on the page reads as a headline opening a post"
        raw = "\n\n".join(p.raw for p in paragraphs)
        first = paragraphs[0].first_line if paragraphs else None
        last = paragraphs[-1].last_line if paragraphs else None
        result.rejects.append(Reject(page, "segment", reason, raw, first, last))
        result.error = reason
        return result
    if segmented.leading:
        result.rejects.append(
            _block_reject(
                page, "text before the first post that belongs to no post", segmented.leading
            )
        )
    if segmented.trailing:
        reason = "the site's pagination and footer after the last post"
        result.rejects.append(_block_reject(page, reason, segmented.trailing))
    for note in segmented.notes_only:
        result.rejects.append(_block_reject(page, NOTE_ONLY_REASON, list(note)))
    for span in segmented.posts:
        try:
            parsed = parse_post(span)
        except Exception as err:  # a post the rules cannot read must not stop the page
            result.rejects.append(
                Reject(
                    page,
                    "parse",
                    f"post could not be parsed: {err!r}",
                    "\n\n".join(p.raw for p in span.paragraphs),
                    span.first_line,
                    span.last_line,
                )
            )
            continue
        result.posts.append(parsed)
        result.rejects.extend(
            Reject(
                page, "parse", problem.reason, problem.text, problem.first_line, problem.last_line
            )
            for problem in parsed.problems
        )
    return result
