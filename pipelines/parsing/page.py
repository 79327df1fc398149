"""One decoded page in (`PageText`, header already located), its posts and whatever could
not be placed out."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from pipelines.parsing.header import LocatedHeader, PageHeader, locate_header
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.post import ParsedPost, parse_post
from pipelines.parsing.segment import NOTE_ONLY_REASON, Weights, find_posts
from pipelines.parsing.text import Paragraph
from pipelines.rejects import Reject

FRONT_PAGE = PageHeader("front", None, None)


@dataclass
class ParsedPage:
    page: str
    header: PageHeader
    encoding: str | None
    decode_notes: tuple[str, ...]
    posts: list[ParsedPost] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class PageText:
    """A decoded page with its archive header located once: what parsing starts from."""

    page: str
    text: str
    header: LocatedHeader | None  # None: a front page (no header line)
    encoding: str = "utf-8"
    decode_notes: tuple[str, ...] = ()


def page_text(
    page: str, text: str, encoding: str = "utf-8", decode_notes: tuple[str, ...] = ()
) -> PageText:
    """Decoded text in, the page with its header found (the raw pages table stores it)."""
    return PageText(page, text, locate_header(text.split("\n")), encoding, decode_notes)


def page_body(page: PageText) -> list[Paragraph]:
    """The page's paragraphs without its header line.

    What stood above the header stays, as text before the first post (a site title, a
    tagline).
    """
    paragraphs = page_paragraphs(page.text)
    if page.header is None:
        return paragraphs  # a front page
    line = page.header.line
    return [part for p in paragraphs for part in _without_line(p, line)]


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


def parse_page(source: PageText, weights: Weights | None = None) -> ParsedPage:
    """Find the page's posts and cut each into parts; `weights` default to the fitted ones.

    Never raises on what a page holds: what cannot be placed becomes a reject."""
    page, text, found = source.page, source.text, source.header
    paragraphs = page_body(source)
    result = ParsedPage(page, FRONT_PAGE, source.encoding, source.decode_notes)
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
