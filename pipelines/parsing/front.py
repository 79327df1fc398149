"""What stands around a post's headline: the lines above it and the front matter below.

Above the headline an older theme prints the blog-post title and a "Posted:" line, the blogger
an introduction, a bare URL line, an outlet and a date line; below it come the standfirst,
bylines (in any language), datelines of every era, captions, bullets and bios, until the body.
"""

from __future__ import annotations

import re
from datetime import date

from pipelines.parsing import classify, credits, dates, shapes
from pipelines.parsing.gazetteer import canonical_author, canonical_outlet, outlets
from pipelines.parsing.parts import FURNITURE_REASON, ParsedPost, PostState, Problem
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import Unit

STANDFIRST_MAX_CHARS = 350
STANDFIRST_MAX_WORDS = 60
ABSTRACT_MAX_WORDS = 250
FRONT_ALT_TEXT_MAX_WORDS = 8  # a short bare line under the byline is an image's alt text
# "ORF Occasional Paper", "RUSI Commentary": a series beside the date, not a person.
SERIES_WORD = re.compile(
    r"\b(?:Paper|Papers|Commentary|Report|Brief|Briefing|Analysis|Review|Journal|Monitor|"
    r"Insight|Insights|Series|Newsletter|Bulletin|Perspective|Note)\b|\b[A-Z]{2,}\b"
)
BYLINE_TAIL = re.compile(r"\s+[–—|]\s+")  # what follows the names: "– Rome, 14 April 2016"
CAPTION_MIN_WORDS = 5  # a caption printed twice is a sentence, not a headline's few words
CAPTION_CREDIT_MAX_WORDS = 6
ISSUE_SERIES = re.compile(rf"^(?P<name>{shapes.ORG_NAME})\s+Volume\b")
# "Shanghai Cooperation Organisation summit, SCO, Afghanistan, NATO, …": a page's keyword list.
KEYWORD_LIST = re.compile(r"^[^.,;:!?]{1,40}(?:, [^.,;:!?]{1,40}){4,},?$")


def read_byline(text: str, state: PostState) -> None:
    byline = credits.read_byline(text)
    state.byline_names += byline.names
    state.byline_outlet = state.byline_outlet or byline.outlet
    state.post.published_date = state.post.published_date or byline.date


def is_caption_repeat(text: str, units: list[Unit], i: int, captions: list[str]) -> bool:
    """A caption printed twice: once bare (alt text) next to the same text with its credit."""
    if any(c.startswith(text) or _credited(text, c) for c in captions):
        return True
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    return (
        nxt.startswith(text) and nxt != text and (classify.is_caption(nxt) or _credited(nxt, text))
    )


def _credited(caption: str, bare: str) -> bool:
    """`caption` is `bare` with a short credit after it, in any language: "… (foto LaPresse)"."""
    rest = caption[len(bare) :]
    return (
        caption.startswith(bare)
        and classify.words(bare, CAPTION_MIN_WORDS) >= CAPTION_MIN_WORDS
        and 0 < classify.words(rest, CAPTION_CREDIT_MAX_WORDS) <= CAPTION_CREDIT_MAX_WORDS
    )


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


def place_front(text: str, units: list[Unit], i: int, state: PostState) -> bool:
    """Place a unit that precedes the body; False means the body starts here."""
    post = state.post
    if shapes.EMPTY_BYLINE.match(text):  # issue lines never get here: parse_post reports them
        pass
    elif match := shapes.OUTLET_CREDIT.match(text):
        state.byline_outlet = state.byline_outlet or canonical_outlet(match["name"])
    elif match := shapes.PUBLISHED_IN.match(text):
        state.byline_outlet = state.byline_outlet or canonical_outlet(match["name"])
        post.published_date = post.published_date or dates.parse_date(match["date"])
    elif match := shapes.CREDIT_BYLINE.match(text):
        state.byline_names += credits.split_names(match["names"])
    elif names := _foreign_byline(text):
        state.byline_names += credits.split_names(names)
        post.published_date = post.published_date or dates.parse_date(text)
    elif shapes.URL_LINE.match(text) and post.url is None:
        post.url = address(text)
    elif match := shapes.POSTED_LINE.match(text):
        state.posted_date = state.posted_date or dates.parse_date(match["date"])
    elif match := _date_line(text):
        post.published_date = post.published_date or dates.parse_date(match)
        fields = shapes.dated_fields(text)
        for field in fields[1] if fields else []:  # "The Interpreter | 22 Jul 2021 | A B"
            if (_names_line(field) or classify.is_person_name_line(field)) and not (
                SERIES_WORD.search(field)
            ):
                state.byline_names += credits.split_names(field)
            elif listed := outlets().canonical.get(field):  # a field that is an outlet's name
                state.byline_outlet = state.byline_outlet or listed
        lead = shapes.LEAD_AND_DATE.match(text)  # "Nikkei Asia, January 14, 2022"
        if lead and (listed := outlets().first(lead["lead"] or lead["short_lead"])):
            state.byline_outlet = state.byline_outlet or listed
    elif classify.is_byline(text):
        read_byline(text, state)
    elif classify.is_dateline(text):
        if not classify.UPDATED_LINE.match(text):
            post.published_date = post.published_date or dates.parse_date(text)
    elif (
        classify.is_caption(text)
        or shapes.is_image_name(text)
        or is_caption_repeat(text, units, i, post.captions)
    ):
        post.captions.append(text)
    elif classify.BULLET.match(text):
        post.bullets.append(classify.BULLET_MARK.sub("", text).strip())
    elif classify.EDITORS_NOTE.match(text):
        post.editor_note = text
    elif classify.SEPARATOR.match(text) or shapes.SECTION_KICKER.match(text):
        pass
    elif _names_line(text):
        state.byline_names += credits.split_names(text)
    elif shapes.HEADING_WORD.match(text):
        return False  # "Introduction": the body starts with its first section
    elif (
        post.subtitle is None
        and not post.captions
        and _standfirst_like(text)
        and not (classify.BIO_IS.match(text) and classify.BIO_ROLE.search(text))
    ):
        post.subtitle = text
    elif KEYWORD_LIST.match(text) and not post.keywords:
        post.keywords = [k.strip() for k in text.split(",") if k.strip()]
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
    elif _front_follows(units, i) and classify.words(text, STANDFIRST_MAX_WORDS) <= (
        STANDFIRST_MAX_WORDS
    ):
        post.subtitle = post.subtitle or text  # a standfirst of two sentences, above a byline
    else:
        return False
    return True


def _front_follows(units: list[Unit], i: int) -> bool:
    """The next unit is a byline (with "By" or a bare name) or a date line, perhaps under a
    photo's caption: this one is still front matter."""
    if i + 1 < len(units) and classify.is_caption(units[i + 1].text):
        i += 1
    if i + 1 >= len(units):
        return False
    nxt = units[i + 1].text
    return (
        classify.is_byline(nxt)
        or bool(shapes.EMPTY_BYLINE.match(nxt))  # "By " printed with no name
        or shapes.is_date_line(nxt)
        or classify.is_person_name_line(nxt)
        or _names_line(nxt)
    )


def address(text: str) -> str:
    """A bare URL line as the address it prints, without wrapping <>."""
    return text.strip().strip("<>")


def _foreign_byline(text: str) -> str | None:
    """The names of a byline in another language ("di X", "par X"), if they are names; a
    place and date may follow them ("di Giulia Marchetti – Rome, 14 April 2016")."""
    match = shapes.FOREIGN_BYLINE.match(text)
    names = BYLINE_TAIL.split(match["names"], maxsplit=1)[0] if match else ""
    first = credits.split_names(names)[0] if names else ""
    return names if match and classify.is_person_name_line(first) else None


def _names_line(text: str) -> bool:
    """A byline printed without "By": "Raffaello Pantucci and Daniel Okafor"."""
    return bool(credits.NAMES_LINE.match(text)) and all(
        classify.is_person_name_line(n) for n in credits.split_names(text)
    )


def _date_line(text: str) -> str | None:
    """The date of a line that only dates the post, in the older themes' shapes."""
    if match := shapes.GLUED_KICKER_DATE.match(text):
        return match["date"]
    if shapes.is_date_line(text) and not classify.is_dateline(text):
        return text
    return None


def issue_outlet(text: str) -> str | None:
    """The listed outlet a journal's issue line names: "RUSI Newsbrief Volume: 30 Issue: 2"."""
    return outlets().first(text) if shapes.ISSUE_LINE.match(text) else None


def issue_series(text: str) -> str | None:
    """The series an issue line names, listed or not: "Jane’s Intelligence Review Volume: 22
    Issue: 11" ran in Jane’s Intelligence Review."""
    match = ISSUE_SERIES.match(text) if shapes.ISSUE_LINE.match(text) else None
    return canonical_outlet(match["name"]) if match else None


def read_prelude(prelude: list[tuple[str, Paragraph]], post: ParsedPost) -> date | None:
    """What the lines above the headline say: the address, the outlet, the dates.

    Returns the date of an older theme's "Posted:" line, which only stands in for the
    article's own date.
    """
    posted = None
    for role, paragraph in prelude:
        text = paragraph.text
        if role == "url":
            post.url = address(text)
        elif role == "outlet":
            post.outlet = canonical_outlet(text)
        elif role == "outlet_date":  # "The Straits Times" / "June 16, 2021 Wednesday"
            outlet_line, date_line = (line.strip() for line in paragraph.lines)
            post.outlet = canonical_outlet(outlet_line)
            post.published_date = post.published_date or dates.parse_date(date_line)
        elif role == "posted" and (match := shapes.POSTED_LINE.match(text)):
            posted = posted or dates.parse_date(match["date"])
        elif role == "date":
            found = _date_line(text) or text
            post.published_date = post.published_date or dates.parse_date(found)
        elif role == "blog_title":
            post.blog_title = text
        elif role == "image":  # "IMG_2231" printed over the headline
            post.captions.append(text)
        elif role in ("filing", "issue"):
            post.outlet = post.outlet or issue_outlet(text)
            post.problems.append(
                Problem(
                    FURNITURE_REASON,
                    text,
                    paragraph.first_line,
                    paragraph.last_line,
                )
            )
    return posted
