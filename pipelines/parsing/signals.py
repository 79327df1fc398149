"""The signals that score a candidate post start, each a fact of the page around it.

`evidence.candidates` reads the ways a headline's post may start; `features` says, for one
reading, what stands under the headline (front matter, a caption, the body), what stands
above its top (the end of a post, a note of an appearance, blog voice), what its
introduction is like, and whether a paragraph above shares the subject of the article below.
The weights of these signals are fitted by `bench/segmentation_eval.py`.
"""

from __future__ import annotations

import re

from pipelines.parsing import classify, shapes
from pipelines.parsing.paragraphs import (
    ASIDE,
    CATCH_UP,
    INFORMAL_OPENING,
    intro_eligible,
    is_byline_shape,
    media_note_up_front,
)
from pipelines.parsing.view import PageView

INTRO_LOOKAHEAD = 4
FRONT_LOOKAHEAD = 3  # paragraphs under a headline read for its byline and date
FRONT_LINES = 4
ASIDE_MAX_WORDS = 120
INTRO_VOICE = 2
PREV_VOICE_SCORE = 3  # a paragraph this much in blog voice above an intro: the intro starts there
INTRO_SHORT_WORDS = 90
BODY_LOOKAHEAD = 5  # paragraphs after a headline searched for the body
# An appearance whose words are printed under the note: an interview, a transcript.
WRITTEN_UP = re.compile(
    r"\b(?:interview(?:s|ed)?|transcript|Q&A|asked me|spoke(?: [a-z]+){0,3} (?:with|to)|"
    r"conversation with|write-?up|written up)\b",
    re.IGNORECASE,
)
COHESION_WINDOW = 3  # paragraphs above, and body paragraphs below, a paragraph is compared with
COHESION_MARGIN = 0.05  # share of its words by which the article below must win

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
    "intro_colon",
    "intro_catch_up_first",
    "intro_note_first",
    "above_note",
    "intro_is_note",
    "intro_after",
    "first_fits_below",
    "prev_fits_below",
    "intro_fits_above",
    "intro_under_posted",
    "caption_after",
)


def _aside(view: PageView, i: int) -> bool:
    """A second intro paragraph: wholly in parentheses, or a short note of media appearances."""
    text = view.texts[i]
    if ASIDE.match(text):
        return True
    return (
        classify.words(text, ASIDE_MAX_WORDS) <= ASIDE_MAX_WORDS
        and media_note_up_front(text)
        and view.voice(i) >= INTRO_VOICE
    )


def intro_like(view: PageView, i: int) -> bool:
    """Reads like an introduction: blog voice, an informal opening, or a named outlet."""
    return intro_eligible(view.texts[i]) and (
        view.voice(i) >= INTRO_VOICE
        or INFORMAL_OPENING.match(view.texts[i]) is not None
        or view.names_outlet[i]
    )


def _lines_under(view: PageView, h: int) -> list[str]:
    """The first lines under headline h, as printed, until the body: a byline and a dateline
    may share a paragraph or stand in paragraphs of their own."""
    lines = [line.strip() for line in view.paragraphs[h].lines[1:]]  # a dateline may share it
    for i in range(h + 1, min(len(view), h + 1 + FRONT_LOOKAHEAD)):
        if view.body_like[i]:
            break
        lines += [line.strip() for line in view.paragraphs[i].lines]
    return lines[:FRONT_LINES]


def _byline_or_name(line: str) -> bool:
    return is_byline_shape(line) or classify.is_person_name_line(line)


def posted_above(view: PageView, top: int) -> int | None:
    """The "Posted:" line right above paragraph top, perhaps with filing lines under it."""
    i = top - 1
    while i >= 0 and view.role(i) == "filing":
        i -= 1
    return i if i >= 0 and view.role(i) == "posted" else None


def _intro_and_headline_follow(view: PageView, h: int) -> bool:
    """An introduction and a headline come within a few paragraphs of headline h: h is then
    an older theme's blog-post title, not the article's."""
    for j in range(h + 2, min(len(view), h + 2 + INTRO_LOOKAHEAD)):
        opens_own_post = j + 1 < len(view) and view.role(j + 1) == "posted"
        if (
            view.headline[j]
            and not opens_own_post  # a blog title of its own, not this post's headline
            and view.role(j - 1) is None
            and intro_like(view, j - 1)
        ):
            return True
    return False


def _intro_under_posted(view: PageView, h: int) -> bool:
    """Under headline h, an older theme's Posted: block, then an introduction directly above
    another headline: h is the blog-post title of a post with an introduction."""
    i = h + 1
    if i >= len(view) or view.role(i) != "posted":
        return False
    while i < len(view) and view.role(i) in ("posted", "filing"):
        i += 1
    return i + 1 < len(view) and intro_like(view, i) and view.headline[i + 1]


def _fits_below(view: PageView, i: int, h: int) -> bool:
    """Paragraph i shares more of its subject words with the article under headline h than
    with the prose above it (no prose above: no evidence either way)."""
    return _cohesion(view, i, h) > COHESION_MARGIN


def _fits_above(view: PageView, i: int, h: int) -> bool:
    """Paragraph i shares more of its subject words with the prose above it than with the
    article under headline h: it goes on with what came before."""
    return _cohesion(view, i, h) < -COHESION_MARGIN


def _cohesion(view: PageView, i: int, h: int) -> float:
    """Share of paragraph i's subject words found below headline h, less the share found in
    the prose above it; 0 where either is missing."""
    words = view.words[i]
    if not words:
        return 0.0
    below = _prose_words(view, range(h + 1, min(len(view), h + 1 + 2 * COHESION_WINDOW)))
    above = _prose_words(view, range(max(0, i - COHESION_WINDOW), i))
    if not above:
        return 0.0
    return (len(words & below) - len(words & above)) / len(words)


def _prose_words(view: PageView, indices: range) -> set[str]:
    """The subject words of the first COHESION_WINDOW body paragraphs among `indices` (prose
    to compare with, not a theme's lines)."""
    words: set[str] = set()
    found = 0
    for k in indices:
        if view.body_like[k] and found < COHESION_WINDOW:
            words |= view.words[k]
            found += 1
    return words


def _above_notes(view: PageView, start: int) -> int:
    """The paragraph above `start` once note-only posts directly above are passed: a note
    and the short lines under it ("The segment is forty minutes in")."""
    i = start - 1
    while True:
        k = i
        while k >= 0 and _under_a_note(view, k):
            k -= 1
        if k < 0 or not view.note[k]:
            return i
        i = k - 1


def _under_a_note(view: PageView, i: int) -> bool:
    return not (
        view.note[i]
        or view.body_like[i]
        or view.headline[i]
        or view.closes[i]
        or view.role(i) is not None
    )


def features(view: PageView, start: int, h: int, roles: tuple[str, ...]) -> tuple[float, ...]:
    intro = [view.texts[start + n] for n, role in enumerate(roles) if role == "intro"]
    first_intro = intro[0] if intro else ""
    head = view.firsts[h]
    after = range(h + 1, min(len(view), h + 1 + BODY_LOOKAHEAD))
    nxt = h + 1
    first = start + roles.index("intro") if intro else start  # the first intro paragraph
    last_intro = first + len(intro) - 1
    voice = view.voice(first) if intro else 0
    prev = _above_notes(view, start)  # what ends the previous post, past any note-only posts
    under = _lines_under(view, h)
    aside = len(intro) == 2 and _aside(view, first + 1)
    second_names_outlet = (  # a media note naming broadcasters is an aside, not this
        len(intro) == 2
        and not aside
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
        "intro_aside": float(aside),
        "url_line": float("url" in roles),
        "date_before": float("date" in roles or "outlet_date" in roles),
        "older_block": float("posted" in roles),
        "posted_after": float(view.role(nxt) == "posted"),
        "front_after": float(view.front[nxt] or len(view.paragraphs[h].lines) > 1),
        "standfirst_after": float(view.standfirst[nxt] and not view.body_like[nxt]),
        # a photo and its credit under the headline: an article's top, not a heading's
        "caption_after": float(classify.is_caption(view.firsts[nxt])),
        "body_soon": float(any(view.body_like[i] for i in after)),
        "page_start": float(prev < 0),
        "prev_closes": float(prev >= 0 and view.closes[prev]),
        "prev_body": float(prev >= 0 and view.body_like[prev]),
        "prev_headline": float(prev >= 0 and view.headline[prev]),
        # the paragraph above reads as the start of this introduction: blog voice that talks
        # about pieces or the blog, not just an "I think" of an article's last paragraph
        "prev_voice": float(prev >= 0 and prev == start - 1 and view.presents[prev]),
        # a note of a talk or an appearance, with no article, stands between two posts
        "above_note": float(prev < start - 1),
        # the one paragraph above the headline is such a note, and of no interview (which is
        # printed): the headline starts a post of its own
        "intro_is_note": float(
            len(intro) == 1 and view.note[first] and not WRITTEN_UP.search(first_intro)
        ),
        # what a paragraph is about: an introduction's lead-in shares the article's subject,
        # the last paragraph of the previous post shares that post's
        "first_fits_below": float(len(intro) == 2 and _fits_below(view, first, h)),
        # a one-paragraph "introduction" that goes on with the article above it
        "intro_fits_above": float(len(intro) == 1 and _fits_above(view, first, h)),
        "prev_fits_below": float(
            start > 0
            and view.body_like[start - 1]
            and not view.closes[start - 1]  # a bio ends its post whatever it is about
            and _fits_below(view, start - 1, h)
        ),
        # the introduction printed under the headline: "A piece in the <Paper>, where …"
        "intro_after": float(not intro and view.presents[nxt]),
        "head_strict": float(classify.is_title_like(head)),
        "head_long": float(classify.words(head, 16) > 16),
        "head_citation": float(bool(shapes.BOOK_CITATION.match(head))),
        "next_headline": float(
            view.headline[nxt] and not view.standfirst[nxt] and not view.front[nxt]
        ),
        "head_short": float(classify.words(head, 3) <= 3),
        # a title-first post: nothing above the headline but the end of the previous post
        "bare_after_end": float(not roles and (prev < 0 or view.closes[prev])),
        "above_theme": float(posted_above(view, start) is not None),  # the post starts higher
        "byline_after": float(any(_byline_or_name(line) for line in under[:2])),
        "bare_dated": float(not roles and view.date_line[nxt]),
        "intro_two_voiced": float(
            len(intro) == 2
            and view.voice(first) >= PREV_VOICE_SCORE
            and (view.voice(first + 1) >= INTRO_VOICE or bool(ASIDE.match(intro[1])))
            and not second_names_outlet
        ),
        # the paragraph saying where the piece ran opens an introduction, it does not close one
        "outlet_in_second": float(second_names_outlet),
        # "For Nikkei Asia, on the turmoil in Kazakhstan:" introduces what follows
        "intro_colon": float(bool(intro) and view.texts[last_intro].rstrip().endswith(":")),
        # a remark on the blog itself, then the piece: "Been quiet here …" / "Here is …"
        "intro_catch_up_first": float(
            len(intro) == 2 and CATCH_UP.search(view.texts[first]) is not None
        ),
        # a note of an appearance closes an introduction as its aside, it never opens one
        "intro_note_first": float(len(intro) == 2 and media_note_up_front(view.texts[first])),
        # a second paragraph of introduction is an aside (media notes, a parenthesis)
        "intro_two_plain": float(len(intro) == 2 and not aside),
        "headline_soon": float(not roles and _intro_and_headline_follow(view, h)),
        # blog-post title, Posted:, then an introduction and the article's own headline
        "intro_under_posted": float(not roles and _intro_under_posted(view, h)),
        "date_after": float(
            view.role(nxt) == "posted" or any(shapes.is_date_line(line) for line in under)
        ),
    }
    return tuple(values[name] for name in FEATURES)
