"""Cutting one post into its parts: introduction, title, front matter, body, bios, notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipelines.footnotes import count_notes, notes_region
from pipelines.parsing import classify, credits, dates, shapes
from pipelines.parsing.gazetteer import canonical_author, outlets
from pipelines.parsing.segment import PostSpan
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import Unit, paragraph_units

STANDFIRST_MAX_CHARS = 350
STANDFIRST_MAX_WORDS = 60
ABSTRACT_MAX_WORDS = 250
FRONT_ALT_TEXT_MAX_WORDS = 8  # a short bare line under the byline is an image's alt text
SPLIT_PARAGRAPH_MIN_WORDS = 40  # an unfinished paragraph this long continues in the next one
SHAPE_CAPTION_WORDS = (12, 39)  # an unfinished mid-body line of this length is a caption
QA_MIN_QUESTIONS = 3
KICKER = re.compile(r"^(?:Q ?& ?A|Q&A|Interview|Analysis|Opinion|Commentary|Comment|Editorial)$")
# "Shanghai Cooperation Organisation summit, SCO, Afghanistan, NATO, …": a page's keyword list.
KEYWORD_LIST = re.compile(r"^[^.,;:!?]{1,40}(?:, [^.,;:!?]{1,40}){4,},?$")
SENTENCE_CLOSED = re.compile(r"[.!?”\"’)\]:]\d*$")  # a closing note marker may follow
SENTENCE_CLOSERS = frozenset('.!?”"’)]:')  # SENTENCE_CLOSED's character class


@dataclass(frozen=True)
class Problem:
    """A part of a post the rules could not place; it goes to rejects, never into the body."""

    reason: str
    text: str
    first_line: int
    last_line: int


@dataclass
class ParsedPost:
    """One sighting of a post on one page, cut into the parts of the dataset contract."""

    title: str
    first_line: int
    last_line: int
    title_line: int
    blog_note: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    url: str | None = None
    reviewed_work: str | None = None
    blog_title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_date: date | None = None
    headings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    editor_note: str | None = None
    body: str = ""
    author_bio: str | None = None
    notes_block: str | None = None
    notes_first_line: int | None = None
    note_count: int = 0
    is_qa: bool = False
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _State:
    post: ParsedPost
    body: list[str] = field(default_factory=list)
    bios: list[str] = field(default_factory=list)
    in_body: bool = False
    in_contributors: bool = False
    byline_names: list[str] = field(default_factory=list)
    byline_outlet: str | None = None
    posted_date: date | None = None  # the blog's own "Posted:" date: the article's own wins


def _read_byline(text: str, state: _State) -> None:
    byline = credits.read_byline(text)
    state.byline_names += byline.names
    state.byline_outlet = state.byline_outlet or byline.outlet
    state.post.published_date = state.post.published_date or byline.date


def closes_sentence(text: str) -> bool:
    """`SENTENCE_CLOSED.search(text)`, reading only the end of the text.

    The regex engine would try every full stop of a long paragraph; the match can only be
    the closer just before the trailing digits (`\\d` is `str.isdecimal`).
    """
    end = len(text) - 1 if text.endswith("\n") else len(text)  # `$` matches before it too
    while end and text[end - 1].isdecimal():
        end -= 1
    return end > 0 and text[end - 1] in SENTENCE_CLOSERS


def _is_caption_repeat(text: str, units: list[Unit], i: int, captions: list[str]) -> bool:
    """A caption printed twice: once bare (alt text) next to the same text with its credit."""
    if any(c.startswith(text) for c in captions):
        return True
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    return nxt.startswith(text) and nxt != text and classify.is_caption(nxt)


def _standfirst_like(text: str) -> bool:
    """One sentence of standfirst length, or a journal abstract speaking of its authors."""
    if (
        classify.ABSTRACT_VOICE.search(text)
        and classify.words(text, ABSTRACT_MAX_WORDS) <= ABSTRACT_MAX_WORDS
    ):
        return True
    return (
        len(text) <= STANDFIRST_MAX_CHARS
        and classify.words(text, STANDFIRST_MAX_WORDS) <= STANDFIRST_MAX_WORDS
        and not classify.INNER_SENTENCE.search(text)
        and not classify.is_person_name_line(text)
    )


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


def _classify_front(text: str, units: list[Unit], i: int, state: _State) -> bool:
    """Place a unit that precedes the body; False means the body starts here."""
    post = state.post
    if shapes.EMPTY_BYLINE.match(text) or shapes.ISSUE_LINE.match(text):
        pass
    elif match := shapes.CREDIT_BYLINE.match(text):
        state.byline_names += credits.split_names(match["names"])
    elif _foreign_byline(text):
        state.byline_names += credits.split_names(_foreign_byline(text) or "")
    elif shapes.URL_LINE.match(text) and post.url is None:
        post.url = _address(text)
    elif match := shapes.POSTED_LINE.match(text):
        state.posted_date = state.posted_date or dates.parse_date(match["date"])
    elif match := _date_line(text):
        post.published_date = post.published_date or dates.parse_date(match)
    elif classify.is_byline(text):
        _read_byline(text, state)
    elif classify.is_dateline(text):
        if not classify.UPDATED_LINE.match(text):
            post.published_date = post.published_date or dates.parse_date(text)
    elif (
        classify.is_caption(text)
        or shapes.is_image_name(text)
        or _is_caption_repeat(text, units, i, post.captions)
    ):
        post.captions.append(text)
    elif classify.BULLET.match(text):
        post.bullets.append(classify.BULLET_MARK.sub("", text).strip())
    elif classify.EDITORS_NOTE.match(text):
        post.editor_note = text
    elif classify.SEPARATOR.match(text) or KICKER.match(text):
        pass
    elif (
        post.subtitle is None
        and not post.captions
        and _standfirst_like(text)
        and not (classify.BIO_IS.match(text) and classify.BIO_ROLE.search(text))
    ):
        post.subtitle = text
    elif KEYWORD_LIST.match(text) and not post.keywords:
        post.keywords = [k.strip() for k in text.split(",") if k.strip()]
    elif credits.NAMES_LINE.match(text) and all(
        classify.is_person_name_line(n) for n in credits.split_names(text)
    ):
        state.byline_names += credits.split_names(text)
    elif classify.is_person_name_line(text):
        if (
            post.editor_note
            and not state.byline_names
            and i > 0
            and (units[i - 1].text == post.editor_note)
        ):
            post.editor_note += f"\n\n{text}"  # the editor's signature
        else:
            state.byline_names.append(canonical_author(text))
    elif classify.is_bio(text):
        state.bios.append(text)
    elif (
        classify.is_title_like(text)
        and classify.words(text) <= FRONT_ALT_TEXT_MAX_WORDS
        and (post.subtitle or state.byline_names)
    ):
        post.captions.append(text)
    else:
        return False
    return True


def _place_body(units: list[Unit], i: int, state: _State, is_body: list[bool]) -> None:
    """Place a unit inside the body zone."""
    text = units[i].text
    post = state.post
    if classify.CONTRIBUTORS_HEADING.match(text):
        state.in_contributors = True
    elif state.in_contributors and classify.is_person_name_line(text):
        state.byline_names.append(canonical_author(text))
    elif (
        classify.is_caption(text)
        or shapes.is_image_name(text)
        or _is_caption_repeat(text, units, i, post.captions)
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
    posted_date = _read_prelude(prelude, post)
    if region:
        post.notes_block = "\n\n".join(raw_paragraphs[notes_start:trailing])
        post.note_count = count_notes(post.notes_block)
        post.notes_first_line = paragraphs[notes_start].first_line
    state = _State(post, posted_date=posted_date)
    rest = units[1:]
    questions = sum(1 for u in rest if u.text.endswith("?") and classify.words(u.text, 3) > 3)
    post.is_qa = questions >= QA_MIN_QUESTIONS
    is_body = [False] * len(rest)
    for i, unit in enumerate(rest):
        if classify.NOTES_HEADING.match(unit.text):
            continue
        if classify.WP_FURNITURE.match(unit.text) or shapes.is_furniture(unit.text):
            post.problems.append(
                Problem(
                    "WordPress page furniture, not part of the post",
                    unit.text,
                    unit.first_line,
                    unit.last_line,
                )
            )
            continue
        if region and unit.paragraph >= trailing:
            _place_after_notes(unit, state)
            continue
        if not state.in_body and _classify_front(unit.text, rest, i, state):
            continue
        state.in_body = True
        _place_body(rest, i, state, is_body)
    post.published_date = post.published_date or state.posted_date
    post.body = "\n\n".join(_join_split_paragraphs(state.body))
    post.author_bio = "\n\n".join(dict.fromkeys(state.bios)) or None
    post.captions = list(dict.fromkeys(c for c in post.captions if not _shadowed(c, post.captions)))
    span_text = "\n".join(p.text for p in paragraphs)
    post.authors = credits.find_authors(state.byline_names, state.bios, post.blog_note, span_text)
    post.outlet = post.outlet or state.byline_outlet or credits.find_outlet(post.blog_note)
    if not post.body:
        post.problems.append(
            Problem("no body text found", title_unit.text, span.first_line, span.last_line)
        )
    return post


def _place_after_notes(unit: Unit, state: _State) -> None:
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


def _address(text: str) -> str:
    return text.strip().strip("<>")


def _foreign_byline(text: str) -> str | None:
    """The names of a byline in another language ("di X", "par X"), if the rest is a name."""
    match = shapes.FOREIGN_BYLINE.match(text)
    names = match["names"] if match else ""
    return names if match and classify.is_person_name_line(names.split(",")[0]) else None


def _date_line(text: str) -> str | None:
    """The date of a line that only dates the post, in the older themes' shapes."""
    if match := shapes.GLUED_KICKER_DATE.match(text):
        return match["date"]
    if shapes.is_date_line(text) and not classify.is_dateline(text):
        return text
    return None


def _read_prelude(prelude: list[tuple[str, Paragraph]], post: ParsedPost) -> date | None:
    """What the lines above the headline say: the address, the outlet, the dates.

    Returns the date of an older theme's "Posted:" line, which only stands in for the
    article's own date.
    """
    posted = None
    for role, paragraph in prelude:
        text = paragraph.text
        if role == "url":
            post.url = _address(text)
        elif role == "outlet":
            post.outlet = outlets().first(text) or text
        elif role == "posted" and (match := shapes.POSTED_LINE.match(text)):
            posted = posted or dates.parse_date(match["date"])
        elif role == "date":
            found = _date_line(text) or text
            post.published_date = post.published_date or dates.parse_date(found)
        elif role == "blog_title":
            post.blog_title = text
        elif role == "filing":
            post.problems.append(
                Problem(
                    "WordPress page furniture, not part of the post",
                    text,
                    paragraph.first_line,
                    paragraph.last_line,
                )
            )
    return posted
