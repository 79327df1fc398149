"""Cutting one post into its parts: introduction, title, front matter, body, bios, notes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pipelines.footnotes import count_notes, notes_region
from pipelines.parsing import classify, credits, shapes, venues
from pipelines.parsing.front import (
    address,
    is_caption_repeat,
    issue_outlet,
    issue_series,
    place_front,
    read_prelude,
)
from pipelines.parsing.gazetteer import canonical_author, outlet_for_domain
from pipelines.parsing.paragraphs import talks_about_pieces
from pipelines.parsing.parts import FURNITURE_REASON, ParsedPost, PostState, Problem
from pipelines.parsing.segment import PostSpan
from pipelines.parsing.units import Unit, paragraph_units

__all__ = ["ParsedPost", "Problem", "closes_sentence", "parse_post"]

SPLIT_PARAGRAPH_MIN_WORDS = 40  # an unfinished paragraph this long continues in the next one
SHAPE_CAPTION_WORDS = (12, 39)  # an unfinished mid-body line of this length is a caption
QA_MIN_QUESTIONS = 3
SENTENCE_CLOSED = re.compile(r"[.!?”\"’)\]:]\d*$")  # a closing note marker may follow
SENTENCE_CLOSERS = frozenset('.!?”"’)]:')  # SENTENCE_CLOSED's character class


def closes_sentence(text: str) -> bool:
    """`SENTENCE_CLOSED.search(text)`, reading only the end of the text.

    The regex engine would try every full stop of a long paragraph; the match can only be
    the closer just before the trailing digits (`\\d` is `str.isdecimal`).
    """
    end = len(text) - 1 if text.endswith("\n") else len(text)  # `$` matches before it too
    while end and text[end - 1].isdecimal():
        end -= 1
    return end > 0 and text[end - 1] in SENTENCE_CLOSERS


def _shape_caption(units: list[Unit], i: int, is_body: list[bool]) -> bool:
    """An unfinished line of caption length sitting between two body paragraphs."""
    text = units[i].text
    low, high = SHAPE_CAPTION_WORDS
    return (
        0 < i < len(units) - 1
        and is_body[i - 1]
        and not closes_sentence(text)
        and low <= classify.words(text, high) <= high
        and classify.words(units[i + 1].text, high) > high
    )


def _link_in_a_list(units: list[Unit], i: int) -> bool:
    """An address in a reading list links another piece: under "Further reading:", or under
    a title that stands under such a line or another address."""
    above = [unit.text for unit in units[max(0, i - 2) : i]]
    if above and above[-1].endswith(":"):
        return True
    return (
        len(above) == 2
        and classify.is_title_like(above[1])
        and (above[0].endswith(":") or shapes.URL_LINE.match(above[0]) is not None)
    )


def _place_body(units: list[Unit], i: int, state: PostState, is_body: list[bool]) -> None:
    """Place a unit inside the body zone."""
    text = units[i].text
    post = state.post
    if shapes.URL_LINE.match(text):
        if post.url is None and not _link_in_a_list(units, i):
            post.url = address(text)  # the original's address, printed after the text
    elif classify.CONTRIBUTORS_HEADING.match(text):
        state.in_contributors = True
    elif state.in_contributors and classify.is_person_name_line(text):
        state.byline_names.append(canonical_author(text))
    elif (
        classify.is_caption(text)
        or shapes.is_image_name(text)
        or is_caption_repeat(text, units, i, post.captions)
    ):
        post.captions.append(text)
    elif classify.is_bio(text) or (state.in_contributors and classify.BIO_ROLE.search(text)):
        state.bios.append(text)
    elif classify.SEPARATOR.match(text):
        pass
    elif classify.EDITORS_NOTE.match(text):
        post.editor_note = text
    elif _shape_caption(units, i, is_body):
        post.captions.append(text)
    else:
        is_body[i] = True
        state.in_contributors = False
        if classify.is_heading(text) and not (post.is_qa and text.endswith("?")):
            post.headings.append(text)
        state.body.append(text)


def _join_split_paragraphs(paragraphs: list[str]) -> list[str]:
    """Rejoin a long paragraph that a blank line cut in mid-sentence with the next one."""
    joined: list[str] = []
    for text in paragraphs:
        if (
            joined
            and not closes_sentence(joined[-1])
            and classify.words(joined[-1], SPLIT_PARAGRAPH_MIN_WORDS) >= SPLIT_PARAGRAPH_MIN_WORDS
            and not classify.is_heading(text)
        ):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    return joined


def parse_post(span: PostSpan) -> ParsedPost:
    """Cut a post span into the contract's parts; problems are recorded, never raised."""
    paragraphs = list(span.paragraphs)
    prelude = list(zip(span.roles, paragraphs, strict=False))
    intro = [p.text for role, p in prelude if role == "intro"]
    raw_paragraphs = [p.raw for p in paragraphs]
    region = notes_region(raw_paragraphs)
    if region and region[0] <= span.headline:
        region = None  # a headline opening with a year ("2023 outlook: …") is not a note
    notes_start = region[0] if region else len(paragraphs)
    trailing = region[1] if region else len(paragraphs)
    units = [
        unit
        for index in range(span.headline, len(paragraphs))
        if not (notes_start <= index < trailing)
        for unit in paragraph_units(paragraphs[index], index)
    ]
    title_unit = units[0]
    citation = shapes.BOOK_CITATION.match(title_unit.text)
    post = ParsedPost(
        title=citation["title"].strip() if citation else title_unit.text,
        first_line=span.first_line,
        last_line=span.last_line,
        title_line=title_unit.first_line,
        blog_note="\n\n".join(intro) or None,
        reviewed_work=title_unit.text if citation else None,
    )
    posted_date = read_prelude(prelude, post)
    if region:
        post.notes_block = "\n\n".join(raw_paragraphs[notes_start:trailing])
        post.note_count = count_notes(post.notes_block)
        post.notes_first_line = paragraphs[notes_start].first_line
    state = PostState(post, posted_date=posted_date)
    state.bios += [p.text for role, p in prelude if role == "bio"]  # printed over the headline
    rest = units[1:]
    questions = sum(1 for u in rest if u.text.endswith("?") and classify.words(u.text, 3) > 3)
    post.is_qa = questions >= QA_MIN_QUESTIONS
    is_body = [False] * len(rest)
    for i, unit in enumerate(rest):
        if classify.NOTES_HEADING.match(unit.text):
            continue
        related = shapes.is_related_entry(paragraphs[unit.paragraph].lines)
        if related or classify.WP_FURNITURE.match(unit.text) or shapes.is_furniture(unit.text):
            state.byline_outlet = state.byline_outlet or issue_outlet(unit.text)
            post.problems.append(
                Problem(
                    FURNITURE_REASON,
                    unit.text,
                    unit.first_line,
                    unit.last_line,
                )
            )
            continue
        if region and unit.paragraph >= trailing:
            _place_after_notes(unit, state)
            continue
        if i == 0 and post.blog_note is None and talks_about_pieces(unit.text):
            post.blog_note = unit.text  # the introduction, printed under the headline
            continue
        if not state.in_body and place_front(unit.text, rest, i, state):
            continue
        state.in_body = True
        _place_body(rest, i, state, is_body)
    post.published_date = post.published_date or state.posted_date
    post.body = "\n\n".join(_join_split_paragraphs(state.body))
    post.author_bio = "\n\n".join(dict.fromkeys(state.bios)) or None
    post.captions = list(dict.fromkeys(c for c in post.captions if not _shadowed(c, post.captions)))
    span_text = "\n".join(p.text for p in paragraphs)
    post.authors = credits.find_authors(state.byline_names, state.bios, post.blog_note, span_text)
    post.outlet = (
        post.outlet
        or state.byline_outlet
        or venues.find_outlet(post.blog_note)
        or (outlet_for_domain(urlsplit(post.url).hostname or "") if post.url else None)
        or venues.credited_outlet(f"{post.body}\n\n{post.author_bio or ''}")
        or next(filter(None, (issue_series(p.text) for p in post.problems)), None)
    )
    if not post.body:
        post.problems.append(
            Problem("no body text found", title_unit.text, span.first_line, span.last_line)
        )
    return post


def _place_after_notes(unit: Unit, state: PostState) -> None:
    """After the notes only bios and contributor blocks belong to a post; the rest is reported."""
    text = unit.text
    if classify.CONTRIBUTORS_HEADING.match(text):
        state.in_contributors = True
    elif classify.is_bio(text) or (state.in_contributors and classify.BIO_ROLE.search(text)):
        state.bios.append(text)
    elif state.in_contributors and classify.is_person_name_line(text):
        state.byline_names.append(canonical_author(text))
    elif not classify.SEPARATOR.match(text):
        state.post.problems.append(
            Problem(
                "text after the notes that is no bio: not placed",
                text,
                unit.first_line,
                unit.last_line,
            )
        )


def _shadowed(caption: str, captions: list[str]) -> bool:
    """A bare caption that another caption repeats with its credit appended."""
    return any(other != caption and other.startswith(caption) for other in captions)
