"""What kind of paragraph is this? Small predicates over one paragraph's text.

Each rule describes a *shape* of post part (a photo credit, a byline, a bio sentence), never a
particular post, so that pages the parser has not seen read the same way.

The blogger's voice and the headline predicates live here; the other families of rules live in
the classify_* modules and are gathered here, so that every rule is read as `classify.<name>`.
"""

from __future__ import annotations

import re

from pipelines.footnotes.region import NOTES_HEADING
from pipelines.parsing.alternation import by_first_character
from pipelines.parsing.classify_bylines import (
    BYLINE_AUTHOR,
    BYLINE_BY,
    DATE_DMY,
    DATE_MDY,
    TIME_OF_DAY,
    UPDATED_LINE,
    WP_BYLINE,
    is_byline,
    is_dateline,
)
from pipelines.parsing.classify_captions import is_caption
from pipelines.parsing.classify_furniture import (
    BULLET,
    BULLET_MARK,
    CONTRIBUTORS_HEADING,
    EDITORS_NOTE,
    HEADED_NOTES,
    NOTE_START,
    SEPARATOR,
    WP_FURNITURE,
)
from pipelines.parsing.classify_names import (
    ABSTRACT_VOICE,
    BIO_IS,
    BIO_ROLE,
    NAME,
    is_bio,
    is_person_name_line,
)
from pipelines.parsing.classify_wording import CAPITALISED, INNER_SENTENCE, SENTENCE_END, words

# What `classify.<name>` offers: the rules of this module and those gathered from classify_*.
__all__ = [
    "ABSTRACT_VOICE",
    "BIO_IS",
    "BIO_ROLE",
    "BLOG_CUES",
    "BLOG_CUES_LOWER",
    "BLOG_CUE_WORDS",
    "BLOG_OPENING",
    "BULLET",
    "BULLET_MARK",
    "BYLINE_AUTHOR",
    "BYLINE_BY",
    "CASE_ODDITIES",
    "CONTRIBUTORS_HEADING",
    "DATE_DMY",
    "DATE_MDY",
    "EDITORS_NOTE",
    "FIRST_PERSON",
    "FIRST_PERSON_WORD",
    "HEADED_NOTES",
    "INNER_SENTENCE",
    "MAX_TITLE_CHARS",
    "MAX_TITLE_WORDS",
    "NAME",
    "NOTES_HEADING",
    "NOTE_START",
    "QA_TURN",
    "SEPARATOR",
    "TIME_OF_DAY",
    "UPDATED_LINE",
    "WP_BYLINE",
    "WP_FURNITURE",
    "blog_cue_count",
    "blog_voice_score",
    "has_first_person",
    "is_bio",
    "is_blog_voice",
    "is_byline",
    "is_caption",
    "is_dateline",
    "is_heading",
    "is_person_name_line",
    "is_title_like",
    "words",
]

# --- the blogger's introduction ------------------------------------------------------------
# Openings typical of the blogger's own voice: catch-up remarks and "a new piece for ...".
BLOG_OPENING = re.compile(
    r"^(?:A|An|Another|More|My|Latest|Longer|Short|Almost|As usual|As is usual|Have|Has|Had|"
    r"Been|It has been|It is a new|It’s been|Its been|It's been|I|I’m|I've|I’ve|Catching up|"
    r"Catch up|First up|New|Belated|Finally|Also|Some|Slightly|Bit|Quite|Very|Rather|This aside|"
    r"Was|Am|Did|Spoke|Wrote|Did a|Here is|Here’s)\b"
)
# Words the blogger uses about his own output and the blog itself: regex fragments, each
# opening with a letter, so that BLOG_CUES can group them by it (see by_first_character).
BLOG_CUE_WORDS = (
    "piece", "pieces", "post", "posted", "posting", "posts", "column", "op-ed", "oped",
    "article", "articles", "interview", "interviews", "paper", "chapter", "book", "report",
    "commentary", "podcast", "newsletter", "wrote", "written", "publish(?:ed|ing)?",
    "re-?publishing", "this time", "catch(?:ing)? up", "caught up", "delinquent", "latest",
    "excellent", "wonderful", "kind enough", "colleague", "spoke", "speaking", "spoken", "media",
    "blog", "site", "promotion", "magazine", "mini-series",
    # "asked … to write something for their weekend edition. What follows is the original"
    "version", "edition", "what follows",
)  # fmt: skip
BLOG_CUES = re.compile(rf"\b(?:{by_first_character(BLOG_CUE_WORDS)})\b", re.IGNORECASE)
BLOG_CUES_LOWER = re.compile(BLOG_CUES.pattern)  # for lower-cased text: see _distinct_cues
# Letters that IGNORECASE matching and str.lower() treat differently (Kelvin sign, long s,
# dotted and dotless I).
CASE_ODDITIES = re.compile("[\u212a\u017f\u0130\u0131]")
FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|my|me|myself|mine)\b")
# The same words without the leading \b: a pattern that opens with a letter lets the regex
# engine jump from one "I" or "m" to the next; `has_first_person` checks the word start.
FIRST_PERSON_WORD = re.compile(r"(?:I(?:’m|'m|’ve|'ve)?|m(?:y|e|yself|ine))\b")
# Q&A turns carry "I" and "?" but are the interviewee speaking, not the blogger.
QA_TURN = re.compile(r"^(?:Q|A|Q\.|A\.)\s*[:.]\s|^[A-Z][\w.]+(?: [A-Z][\w.]+)?:\s")

# --- title, standfirst, headings -----------------------------------------------------------
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25


def blog_voice_score(text: str) -> int:
    """How much a paragraph sounds like the blogger introducing a post (0 = not at all)."""
    if QA_TURN.match(text):
        return 0
    score = 0
    if BLOG_OPENING.match(text):
        score += 2
    score += min(3, len(_distinct_cues(text)))
    if has_first_person(text):
        score += 1
    return score


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what the regex engine calls \w


def has_first_person(text: str) -> bool:
    """`FIRST_PERSON.search(text)`, several times faster on long paragraphs."""
    pos = 0
    while match := FIRST_PERSON_WORD.search(text, pos):
        start = match.start()
        if start == 0 or not _is_word_char(text[start - 1]):
            return True
        pos = start + 1
    return False


def blog_cue_count(text: str) -> int:
    """How many distinct words of the blogger's talk about his output (BLOG_CUE_WORDS)."""
    return len(_distinct_cues(text))


def _distinct_cues(text: str) -> set[str]:
    """BLOG_CUES words found, lower-cased.

    Matching the lower-cased text case-sensitively finds the same words as IGNORECASE and is
    several times faster; the few letters whose case rules differ between the two fall back.
    """
    if CASE_ODDITIES.search(text):
        return {m.group().lower() for m in BLOG_CUES.finditer(text)}
    return set(BLOG_CUES_LOWER.findall(text.lower()))


def is_blog_voice(text: str) -> bool:
    return blog_voice_score(text) >= 4


def is_title_like(text: str) -> bool:
    """A headline: short, capitalised, one line of thought, not closed by a full stop."""
    return (
        len(text) <= MAX_TITLE_CHARS
        and 0 < words(text, MAX_TITLE_WORDS) <= MAX_TITLE_WORDS
        and bool(CAPITALISED.match(text))
        and not SENTENCE_END.search(text)
        and not INNER_SENTENCE.search(text)
        and not is_caption(text)
        and not is_byline(text)
        and not is_dateline(text)
        and not BULLET.match(text)
    )


def is_heading(text: str) -> bool:
    """A section heading inside a body: a short title-like line, or a line in capitals."""
    if not is_title_like(text) or words(text) > 14:
        return False
    return not (text.endswith("?") and words(text) > 8)
