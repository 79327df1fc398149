"""Finding where each post starts on a page.

A post opens with the blogger's introduction (first-person paragraphs about the piece) followed
by a headline, or, when it has no introduction, with a headline right after the end of the
previous post (a closing author bio or a notes block) that is itself followed by a standfirst,
byline, dateline, caption or bio.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.parsing import classify
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import paragraph_units

MIN_INTRO_SCORE = 3  # see classify.blog_voice_score; every cue is general, none names a post
MAX_INTRO_PARAGRAPHS = 2


@dataclass(frozen=True)
class PostSpan:
    paragraphs: tuple[Paragraph, ...]
    intro_count: int  # leading paragraphs that are the blogger's introduction

    @property
    def first_line(self) -> int:
        return self.paragraphs[0].first_line

    @property
    def last_line(self) -> int:
        return self.paragraphs[-1].last_line


def _first_line_text(paragraph: Paragraph) -> str:
    """The paragraph's first unit: a headline may share its paragraph with a dateline."""
    if len(paragraph.lines) == 1:
        return paragraph.text
    return paragraph_units(paragraph, 0)[0].text


def _intro_paragraph(text: str) -> bool:
    """Blog voice, and not a part that merely mentions the blogger (a note, a bio, a caption)."""
    return (
        not classify.NOTE_START.match(text)
        and not classify.is_bio(text)
        and not classify.is_caption(text)
        and classify.blog_voice_score(text) >= MIN_INTRO_SCORE  # the costly test last
    )


def _intro_length(paragraphs: list[Paragraph], title_like: list[bool], i: int) -> int:
    """How many paragraphs from i form an introduction that is followed by a headline (0: none)."""
    for length in range(1, MAX_INTRO_PARAGRAPHS + 1):
        if i + length >= len(paragraphs):
            return 0
        # cheap test first: most paragraphs are not followed by a headline
        if title_like[i + length]:
            ok = all(_intro_paragraph(p.text) for p in paragraphs[i : i + length])
            return length if ok else 0
    return 0


def _closes_post(paragraph: Paragraph) -> bool:
    """A paragraph after which a post may end: an author bio or a numbered note."""
    text = paragraph.text
    is_note = classify.NOTE_START.match(text) is not None and not classify.is_title_like(text)
    return classify.is_bio(text) or is_note or bool(classify.WP_FURNITURE.match(text))


def _opens_front_matter(paragraph: Paragraph) -> bool:
    text = _first_line_text(paragraph)
    return (
        classify.is_byline(text)
        or classify.is_dateline(text)
        or classify.is_caption(text)
        or classify.is_bio(text)
        or classify.is_person_name_line(text)
    )


def _headline_without_intro(
    paragraphs: list[Paragraph], firsts: list[str], title_like: list[bool], i: int
) -> bool:
    if i == 0 or i + 1 >= len(paragraphs) or not title_like[i]:
        return False
    text = firsts[i]
    return (
        _closes_post(paragraphs[i - 1])
        and not classify.is_person_name_line(text)
        and not classify.CONTRIBUTORS_HEADING.match(text)
        and not classify.NOTES_HEADING.match(text)
        and _opens_front_matter(paragraphs[i + 1])
    )


def find_posts(paragraphs: list[Paragraph]) -> tuple[list[PostSpan], list[Paragraph]]:
    """Split a page's paragraphs (header excluded) into posts.

    Returns the posts and the paragraphs before the first post that could not be placed.
    """
    starts: list[tuple[int, int]] = []  # (paragraph index, intro paragraphs)
    firsts = [_first_line_text(p) for p in paragraphs]  # each is looked at up to four times
    title_like = [classify.is_title_like(text) for text in firsts]
    i = 0
    while i < len(paragraphs):
        intro = _intro_length(paragraphs, title_like, i)
        if intro:
            starts.append((i, intro))
            i += intro + 2  # the headline, and the part after it, open no post of their own
            continue
        if (i == 0 and title_like[0]) or _headline_without_intro(paragraphs, firsts, title_like, i):
            starts.append((i, 0))
        i += 1
    if not starts:
        return [], list(paragraphs)
    leading = list(paragraphs[: starts[0][0]])
    posts = []
    for n, (start, intro) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(paragraphs)
        posts.append(PostSpan(tuple(paragraphs[start:end]), intro))
    return posts, leading
