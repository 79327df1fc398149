"""Evidence that a post starts at a paragraph: candidates and the signals that score them.

A candidate is a headline paragraph together with what may stand above it in the same post,
in the order the blog's themes print it: an older theme's blog-post title, "Posted:" line and
filing lines; one or two paragraphs of the blogger's introduction; a bare URL line; an outlet
line and a date line. Each candidate gets independent signals (it looks like a headline, front
matter or a body follows, blog voice or the end of a post precedes it, its place on the page);
`segment.find_posts` weighs them and chooses the set of starts that best explains the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from pipelines.parsing import classify, credits, shapes
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import paragraph_units

MAX_INTRO_PARAGRAPHS = 2
INTRO_LOOKAHEAD = 4
ASIDE_MAX_WORDS = 120
OUTLET_EVIDENCE = 2  # "for X", or a listed outlet: more than a name after "at"
INTRO_VOICE = 2
PREV_VOICE_SCORE = 3  # a paragraph this much in blog voice above an intro: the intro starts there
INTRO_MAX_WORDS = 320  # the blogger's introductions are a few sentences, rarely a page
INTRO_SHORT_WORDS = 90
BODY_MIN_WORDS = 25
BODY_LOOKAHEAD = 5  # paragraphs after a headline searched for the body
OUTLET_LINE_MAX_WORDS = 8
SIDEBAR_MAX_CHARS = 300  # a tweet or a widget line; longer text is never sidebar furniture
HEADLINE_MAX_CHARS = 220
HEADLINE_MAX_WORDS = 28
# Openings of the blogger's introductions that carry no cue word and often no "I": an
# implied first person ("Wrote a few things on …"), a remark on the subject ("Old subject, new
# venue: …", "One more on …"), a place in time ("Belatedly, …", "Around the anniversary of …").
INFORMAL_OPENING = re.compile(
    r"^(?:(?:Old|Same|Familiar|Different|New|Another) (?:subject|topic|theme|venue|outlet)\b|"
    r"One more\b|Two more\b|A few more\b|Few more\b|More on\b|Back to\b|Belatedly\b|Late(?:ly)?\b|"
    r"Around\b|Ahead of\b|Following\b|Following up\b|Further to\b|On the back of\b|Looking\b|"
    r"Trying\b|Thinking\b|Writing\b|Wrote\b|Spoke\b|Gave\b|Did\b|Had\b|Got\b|Took\b|Went\b|"
    r"Quoted\b|Appeared\b|Chatted\b|Talked\b|Interviewed\b|Presented\b|Was on\b|Were on\b|"
    r"Managed\b|Published\b|Up (?:now|today|on)\b|Out (?:now|today)\b|Just\b|Recently\b|"
    r"Earlier\b|Last (?:week|month|year)\b|This (?:week|month|time)\b|Something\b|Bit of\b|"
    r"Quick\b|Brief\b|Short\b|Long\b|Longer\b|Shorter\b|Finally\b|At last\b|Also\b|Plus\b|And\b)",
)
ASIDE = re.compile(r"^\(.*\)\.?$", re.DOTALL)
# Where media appearances, talks and quotes are listed: the second paragraph of an intro.
MEDIA_NOTE = re.compile(
    r"\b(?:spoke|speaking|spoken|talked|talking|interview(?:ed|s)?|quoted|quote|appear(?:ed|ance)|"
    r"media|radio|television|TV|BBC|podcast|panel|talk|presentation|lecture|conference|seminar|"
    r"event|discussion|testimony|evidence)\b",
    re.IGNORECASE,
)
T = TypeVar("T")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
HEADLINE_CLOSED = re.compile(r"[.,;…]$|[.!]\)$|。$")

FEATURES = (
    "bias",
    "intro_one",
    "intro_two",
    "intro_voice",
    "intro_first_person",
    "intro_opening",
    "intro_names_outlet",
    "intro_short",
    "intro_long",
    "intro_aside",
    "url_line",
    "date_before",
    "older_block",
    "posted_after",
    "front_after",
    "standfirst_after",
    "body_soon",
    "page_start",
    "prev_closes",
    "prev_body",
    "prev_headline",
    "prev_voice",
    "head_strict",
    "head_long",
    "head_citation",
    "next_headline",
    "head_short",
    "bare_after_end",
    "date_after",
    "above_theme",
    "headline_soon",
    "intro_two_voiced",
    "bare_dated",
    "byline_after",
    "outlet_in_second",
    "intro_two_plain",
)


@dataclass(frozen=True)
class Candidate:
    """A possible post start: paragraphs start..headline-1 stand above the headline."""

    start: int
    headline: int
    roles: tuple[str, ...]  # one per paragraph start..headline-1
    features: tuple[float, ...]

    @property
    def intro_count(self) -> int:
        return self.roles.count("intro")


class Lazy(Generic[T]):
    """A fact of each paragraph, worked out the first time a candidate asks for it.

    Most facts are asked of a few paragraphs only (those next to a headline), so computing
    them for every paragraph up front costs more than it saves.
    """

    def __init__(self, texts: list[str], fact: Callable[[str], T]) -> None:
        self._texts = texts
        self._fact = fact
        self._known: dict[int, T] = {}

    def __getitem__(self, i: int) -> T:
        known = self._known
        if i not in known:
            known[i] = self._fact(self._texts[i])
        return known[i]


class PageView:
    """The page's paragraphs with the facts every candidate asks of them, each computed once."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.texts = [p.text for p in paragraphs]
        self.firsts = [first_unit_text(p) for p in paragraphs]
        self.headline = [is_headline_shape(t) for t in self.firsts]
        self.closes = Lazy(self.texts, closes_post)
        self.front = Lazy(self.firsts, is_front_matter)
        self.standfirst = Lazy(self.firsts, _standfirst_shape)
        self.date_line = Lazy(self.firsts, shapes.is_date_line)
        self.names_outlet = Lazy(self.texts, names_outlet)
        self.voices = Lazy(self.texts, _intro_voice)
        self.roles = Lazy(self.firsts, _role)

    def __len__(self) -> int:
        return len(self.paragraphs)

    @cached_property
    def body_like(self) -> list[bool]:
        return [is_body_like(t) for t in self.texts]

    def voice(self, i: int) -> int:
        """Blog voice of paragraph i if it could be an introduction, else 0."""
        return self.voices[i]

    def role(self, i: int) -> str | None:
        """The prelude role paragraph i can take on its own shape, or None."""
        return self.roles[i]


def _intro_voice(text: str) -> int:
    return classify.blog_voice_score(text) if _intro_eligible(text) else 0


def _role(text: str) -> str | None:
    if shapes.URL_LINE.match(text):
        return "url"
    if shapes.POSTED_LINE.match(text):
        return "posted"
    if shapes.FILING_LINE.match(text):
        return "filing"
    if shapes.is_date_line(text):
        return "date"
    return None


def first_unit_text(paragraph: Paragraph) -> str:
    """The paragraph's first unit: a headline may share its paragraph with a dateline."""
    if len(paragraph.lines) == 1:
        return paragraph.text
    return paragraph_units(paragraph, 0)[0].text


def is_headline_shape(text: str) -> bool:
    """Could be a headline: short, one line of thought, not a part of known other shape.

    Broader than `classify.is_title_like`: a headline may be in sentence case or lower case,
    in a script without capitals, or a book's citation.
    """
    if shapes.BOOK_CITATION.match(text):
        return True
    if not text or len(text) > HEADLINE_MAX_CHARS:
        return False
    if classify.words(text, HEADLINE_MAX_WORDS) > HEADLINE_MAX_WORDS:
        return False
    first = text[0]
    opens_like_a_title = (
        first.isupper() or first.isdigit() or first in "“‘\"'¿¡(" or CJK.match(first)
    )
    if not opens_like_a_title and not (first.islower() and classify.words(text, 4) >= 4):
        return False  # a lower-case headline needs a few words to be one
    return not (
        HEADLINE_CLOSED.search(text)
        or classify.INNER_SENTENCE.search(text)
        or classify.is_caption(text)
        or classify.is_byline(text)
        or classify.is_dateline(text)
        or classify.BULLET.match(text)
        or (classify.NOTE_START.match(text) and not classify.is_title_like(text))
        or shapes.URL_LINE.match(text)
        or shapes.POSTED_LINE.match(text)
        or shapes.OLD_DATELINE.match(text)
        or shapes.SIDEBAR.search(text)
        or shapes.is_furniture(text)
        or shapes.is_image_name(text)
        or classify.WP_FURNITURE.match(text)
        or classify.CONTRIBUTORS_HEADING.match(text)
        or classify.NOTES_HEADING.match(text)
        or classify.SEPARATOR.match(text)
        or shapes.EMPTY_BYLINE.match(text)
    )


def is_body_like(text: str) -> bool:
    """Article prose: a long closed paragraph, or several sentences."""
    if CJK.search(text):
        return len(text) >= 60 and not is_headline_shape(text)
    if classify.words(text, BODY_MIN_WORDS) < BODY_MIN_WORDS:
        return False
    return text.rstrip()[-1:] in '.!?”"’)…:;' or bool(classify.INNER_SENTENCE.search(text))


def closes_post(text: str) -> bool:
    """A paragraph after which a post may end: a bio, a numbered note, closing furniture."""
    if classify.is_bio(text) or shapes.CLOSING_FURNITURE.match(text):
        return True
    if shapes.FILING_LINE.match(text) or classify.WP_FURNITURE.match(text):
        return True
    return classify.NOTE_START.match(text) is not None and not classify.is_title_like(text)


def is_front_matter(text: str) -> bool:
    """What a headline is followed by: byline, dateline, caption, bio, address, issue line."""
    return bool(
        is_byline_shape(text)
        or shapes.is_date_line(text)
        or classify.is_caption(text)
        or classify.is_bio(text)
        or classify.is_person_name_line(text)
        or shapes.URL_LINE.match(text)
        or shapes.ISSUE_LINE.match(text)
        or shapes.is_image_name(text)
        or classify.EDITORS_NOTE.match(text)
    )


def is_byline_shape(text: str) -> bool:
    """A byline in any of the shapes the blog's outlets print."""
    foreign = shapes.FOREIGN_BYLINE.match(text)
    return bool(
        classify.is_byline(text)
        or shapes.CREDIT_BYLINE.match(text)
        or shapes.EMPTY_BYLINE.match(text)
        or (foreign and classify.is_person_name_line(foreign["names"]))
    )


def _standfirst_shape(text: str) -> bool:
    """One sentence of standfirst length right under a headline."""
    n = classify.words(text, 60)
    return 6 <= n <= 60 and not classify.INNER_SENTENCE.search(text) and not CJK.search(text)


def _intro_eligible(text: str) -> bool:
    """A paragraph that could be (part of) the blogger's introduction."""
    if classify.words(text, INTRO_MAX_WORDS) > INTRO_MAX_WORDS:
        return False  # the cheap test first: most long paragraphs are body
    return not (
        classify.NOTE_START.match(text)
        or classify.is_bio(text)
        or classify.is_caption(text)
        or classify.QA_TURN.match(text)
        or (len(text) <= SIDEBAR_MAX_CHARS and shapes.SIDEBAR.search(text))
        or shapes.is_furniture(text)
        or shapes.URL_LINE.match(text)
    )


def names_outlet(text: str) -> bool:
    """The paragraph names where a piece ran: a listed outlet, or "for the X Foundation"."""
    return credits.outlet_evidence(text) >= OUTLET_EVIDENCE


def candidates(view: PageView) -> list[Candidate]:
    """Every candidate post start on the page, each with its features."""
    found: list[Candidate] = []
    for h in range(len(view)):
        if not view.headline[h] or h + 1 >= len(view):
            continue
        for start, roles in _preludes(view, h):
            found.append(Candidate(start, h, roles, _features(view, start, h, roles)))
    return found


def _preludes(view: PageView, h: int) -> list[tuple[int, tuple[str, ...]]]:
    """Ways the paragraphs above headline h can be read as the top of its post."""
    tails: list[tuple[int, tuple[str, ...]]] = [(h, ())]
    if h + 1 < len(view) and view.role(h + 1) == "posted":
        return tails  # a blog-post title: the themes print it, and its "Posted:" line, first
    j = h - 1
    # the outlet's own lines printed above a syndicated headline: "<Newspaper>" / "<date>"
    if j >= 0 and view.role(j) == "date":
        tails.append((j, ("date",)))
        if j - 1 >= 0 and _outlet_line(view.firsts[j - 1]):
            tails.append((j - 1, ("outlet", "date")))
    with_url = []
    for top, roles in tails:
        if top - 1 >= 0 and view.role(top - 1) == "url":
            with_url.append((top - 1, ("url", *roles)))
    tails += with_url
    with_intro = []
    for top, roles in tails:
        for k in range(1, MAX_INTRO_PARAGRAPHS + 1):
            i = top - k
            if i < 0 or not _intro_eligible(view.texts[i]) or view.role(i) is not None:
                break
            if k == 1 and view.headline[i] and not view.body_like[i]:
                break  # a headline-shaped line is no intro (its own candidate reads it)
            with_intro.append((i, ("intro",) * k + roles))
    tails += with_intro
    result = list(tails)
    for top, roles in tails:  # an older theme's block: blog-post title, Posted:, filing lines
        i = top - 1
        filings = 0
        while i >= 0 and view.role(i) == "filing":
            filings += 1
            i -= 1
        if i >= 1 and view.role(i) == "posted" and view.headline[i - 1]:
            result.append((i - 1, ("blog_title", "posted", *("filing",) * filings, *roles)))
    return result


def _aside(view: PageView, i: int) -> bool:
    """A second intro paragraph: wholly in parentheses, or a short note of media appearances."""
    text = view.texts[i]
    if ASIDE.match(text):
        return True
    return (
        classify.words(text, ASIDE_MAX_WORDS) <= ASIDE_MAX_WORDS
        and MEDIA_NOTE.search(text) is not None
        and view.voice(i) >= INTRO_VOICE
    )


def _intro_like(view: PageView, i: int) -> bool:
    """Reads like an introduction: blog voice, an informal opening, or a named outlet."""
    return _intro_eligible(view.texts[i]) and (
        view.voice(i) >= INTRO_VOICE
        or INFORMAL_OPENING.match(view.texts[i]) is not None
        or view.names_outlet[i]
    )


def _older_block_above(view: PageView, start: int) -> bool:
    """A "Posted:" line (perhaps with filing lines under it) right above: the post starts higher."""
    i = start - 1
    while i >= 0 and view.role(i) == "filing":
        i -= 1
    return i >= 0 and view.role(i) == "posted"


def _intro_and_headline_follow(view: PageView, h: int) -> bool:
    """An introduction and a headline come within a few paragraphs of headline h: h is then
    an older theme's blog-post title, not the article's."""
    for j in range(h + 2, min(len(view), h + 2 + INTRO_LOOKAHEAD)):
        if view.headline[j] and view.role(j - 1) is None and _intro_like(view, j - 1):
            return True
    return False


def _outlet_line(text: str) -> bool:
    return (
        classify.words(text, OUTLET_LINE_MAX_WORDS) <= OUTLET_LINE_MAX_WORDS
        and is_headline_shape(text)
        and not text.endswith("?")
    )


def _features(view: PageView, start: int, h: int, roles: tuple[str, ...]) -> tuple[float, ...]:
    intro = [view.texts[start + n] for n, role in enumerate(roles) if role == "intro"]
    first_intro = intro[0] if intro else ""
    head = view.firsts[h]
    after = range(h + 1, min(len(view), h + 1 + BODY_LOOKAHEAD))
    nxt = h + 1
    first = start + roles.index("intro") if intro else start  # the first intro paragraph
    voice = view.voice(first) if intro else 0
    second_names_outlet = (  # a media note naming broadcasters is an aside, not this
        len(intro) == 2
        and not _aside(view, first + 1)
        and view.names_outlet[first + 1]
        and not view.names_outlet[first]
    )
    intro_words = classify.words(first_intro) if intro else 0
    values = {
        "bias": 1.0,
        "intro_one": float(len(intro) == 1),
        "intro_two": float(len(intro) == 2),
        "intro_voice": min(voice, 6) / 6,
        "intro_first_person": float(bool(intro) and classify.has_first_person(first_intro)),
        "intro_opening": float(
            bool(intro)
            and bool(
                classify.BLOG_OPENING.match(first_intro) or INFORMAL_OPENING.match(first_intro)
            )
        ),
        "intro_names_outlet": float(bool(intro) and view.names_outlet[first]),
        "intro_short": float(bool(intro) and intro_words <= INTRO_SHORT_WORDS),
        "intro_long": float(intro_words > INTRO_SHORT_WORDS),
        "intro_aside": float(len(intro) == 2 and _aside(view, first + 1)),
        "url_line": float("url" in roles),
        "date_before": float("date" in roles),
        "older_block": float("posted" in roles),
        "posted_after": float(view.role(nxt) == "posted"),
        "front_after": float(view.front[nxt] or len(view.paragraphs[h].lines) > 1),
        "standfirst_after": float(view.standfirst[nxt] and not view.body_like[nxt]),
        "body_soon": float(any(view.body_like[i] for i in after)),
        "page_start": float(start == 0),
        "prev_closes": float(start > 0 and view.closes[start - 1]),
        "prev_body": float(start > 0 and view.body_like[start - 1]),
        "prev_headline": float(start > 0 and view.headline[start - 1]),
        "prev_voice": float(start > 0 and view.voice(start - 1) >= PREV_VOICE_SCORE),
        "head_strict": float(classify.is_title_like(head)),
        "head_long": float(classify.words(head, 16) > 16),
        "head_citation": float(bool(shapes.BOOK_CITATION.match(head))),
        "next_headline": float(
            view.headline[nxt] and not view.standfirst[nxt] and not view.front[nxt]
        ),
        "head_short": float(classify.words(head, 3) <= 3),
        # a title-first post: nothing above the headline but the end of the previous post
        "bare_after_end": float(not roles and (start == 0 or view.closes[start - 1])),
        "above_theme": float(_older_block_above(view, start)),
        "byline_after": float(is_byline_shape(view.firsts[nxt])),
        "bare_dated": float(not roles and view.date_line[nxt]),
        "intro_two_voiced": float(
            len(intro) == 2
            and view.voice(first) >= PREV_VOICE_SCORE
            and (view.voice(first + 1) >= INTRO_VOICE or bool(ASIDE.match(intro[1])))
            and not second_names_outlet
        ),
        # the paragraph saying where the piece ran opens an introduction, it does not close one
        "outlet_in_second": float(second_names_outlet),
        # a second paragraph of introduction is an aside (media notes, a parenthesis)
        "intro_two_plain": float(len(intro) == 2 and not _aside(view, first + 1)),
        "headline_soon": float(not roles and _intro_and_headline_follow(view, h)),
        "date_after": float(view.date_line[nxt] or view.role(nxt) == "posted"),
    }
    return tuple(values[name] for name in FEATURES)
