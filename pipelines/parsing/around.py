"""What stands around a candidate headline: introductions, an older theme's Posted: block,
note-only posts above it, and whether a paragraph shares the subject of the article below.

`signals.features` turns these into a candidate's signals; `evidence` asks `intro_like` and
`posted_above` when it reads the ways a post may start.
"""

from __future__ import annotations

from pipelines.parsing.paragraphs import INFORMAL_OPENING, intro_eligible, is_byline_shape
from pipelines.parsing.view import PageView

INTRO_VOICE = 2  # blog voice from which a paragraph reads as an introduction
INTRO_LOOKAHEAD = 4
COHESION_WINDOW = 3  # paragraphs above, and body paragraphs below, a paragraph is compared with
COHESION_MARGIN = 0.05  # share of its words by which the article below must win


def intro_like(view: PageView, i: int) -> bool:
    """Reads like an introduction: blog voice, an informal opening, a named outlet, or a colon
    that hands over to the headline under it ("Written on the road, after a week of …:")."""
    text = view.texts[i]
    return intro_eligible(text) and (
        view.voice(i) >= INTRO_VOICE
        or INFORMAL_OPENING.match(text) is not None
        or view.names_outlet[i]
        or (text.endswith(":") and i + 1 < len(view) and view.headline[i + 1])
    )


def posted_above(view: PageView, top: int) -> int | None:
    """The "Posted:" line right above paragraph top, perhaps with filing lines under it."""
    i = top - 1
    while i >= 0 and view.role(i) == "filing":
        i -= 1
    return i if i >= 0 and view.role(i) == "posted" else None


def intro_and_headline_follow(view: PageView, h: int) -> bool:
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


def intro_under_posted(view: PageView, h: int) -> bool:
    """Under headline h, an older theme's Posted: block, then an introduction directly above
    another headline, or another headline with its byline: h is the blog-post title of a post
    that prints the article's own headline."""
    i = h + 1
    if i >= len(view) or view.role(i) != "posted":
        return False
    while i < len(view) and view.role(i) in ("posted", "filing"):
        i += 1
    if i + 1 >= len(view):
        return False
    if view.headline[i] and not view.body_like[i]:
        return is_byline_shape(view.firsts[i + 1])
    # the introduction may run to a second paragraph, an aside, before the headline
    return intro_like(view, i) and any(
        view.headline[k] for k in range(i + 1, min(len(view), i + 3))
    )


def fits_below(view: PageView, i: int, h: int) -> bool:
    """Paragraph i shares more of its subject words with the article under headline h than
    with the prose above it (no prose above: no evidence either way)."""
    return _cohesion(view, i, h) > COHESION_MARGIN


def fits_above(view: PageView, i: int, h: int) -> bool:
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


def above_notes(view: PageView, start: int) -> int:
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
    """A short line under a note that goes with it; one naming an outlet or opening as an
    introduction does ("Old subject, new venue: …, for X.") starts the next post instead."""
    return not (
        view.note[i]
        or view.body_like[i]
        or view.headline[i]
        or view.closes[i]
        or view.role(i) is not None
        or view.names_outlet[i]
        or INFORMAL_OPENING.match(view.texts[i]) is not None
    )
