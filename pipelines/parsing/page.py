"""One raw page in, its header, its posts and whatever could not be placed out."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.parsing.header import PageHeader, UnknownHeaderError, parse_header
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


def _take_header(page: str, paragraphs: list[Paragraph], result: ParsedPage) -> list[Paragraph]:
    """Read the header line off the first paragraph; the rest of the page goes on."""
    first = paragraphs[0]
    line = first.lines[0]
    try:
        header = parse_header(line, first.first_line)
    except UnknownHeaderError as err:
        result.rejects.append(
            Reject(page, "header", str(err), line, first.first_line, first.first_line)
        )
    else:
        if header is None:
            return paragraphs  # a front page: its first line is already a post's
        result.header = header
    rest = first.lines[1:]
    if not rest:
        return paragraphs[1:]
    tail = Paragraph(rest, first.first_line + 1, first.last_line)
    return [tail, *paragraphs[1:]]


def _block_reject(page: str, reason: str, paragraphs: list[Paragraph]) -> Reject:
    raw = "\n\n".join(p.raw for p in paragraphs)
    return Reject(page, "segment", reason, raw, paragraphs[0].first_line, paragraphs[-1].last_line)


def parse_text(
    page: str,
    text: str,
    encoding: str = "utf-8",
    decode_notes: tuple[str, ...] = (),
    weights: Weights | None = None,
) -> ParsedPage:
    """Parse already decoded page text (see `parse_page`); `weights` default to the fitted."""
    paragraphs = page_paragraphs(text)
    result = ParsedPage(page, FRONT_PAGE, encoding, decode_notes)
    if paragraphs:
        paragraphs = _take_header(page, paragraphs, result)
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
