"""Where a post may start: candidate headlines, each with the ways its top may be read.

A candidate is a headline paragraph together with what may stand above it in the same post,
in the order the blog's themes print it: an older theme's blog-post title, "Posted:" line and
filing lines; one or two paragraphs of the blogger's introduction; a bare URL line; a
journal's issue line; an outlet line and a date line. Each reading gets its signals from
`signals.features`; `segment.find_posts` weighs them and chooses the set of starts that best
explains the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.parsing import classify, shapes
from pipelines.parsing.around import intro_like, posted_above
from pipelines.parsing.paragraphs import intro_eligible, is_headline_shape
from pipelines.parsing.signals import FEATURES, features
from pipelines.parsing.view import PageView

__all__ = ["FEATURES", "Candidate", "PageView", "candidates"]
MAX_INTRO_PARAGRAPHS = 2
OUTLET_LINE_MAX_WORDS = 8


@dataclass(frozen=True)
class Candidate:
    """A possible post start: paragraphs start..headline-1 stand above the headline."""

    start: int
    headline: int
    roles: tuple[str, ...]  # one per paragraph start..headline-1
    features: tuple[float, ...]


def candidates(view: PageView) -> list[Candidate]:
    """Every candidate post start on the page, each with its features."""
    found: list[Candidate] = []
    for h in range(len(view)):
        if not view.headline[h] or h + 1 >= len(view):
            continue
        for start, roles in _preludes(view, h):
            found.append(Candidate(start, h, roles, features(view, start, h, roles)))
    return found


def _preludes(view: PageView, h: int) -> list[tuple[int, tuple[str, ...]]]:
    """Ways the paragraphs above headline h can be read as the top of its post."""
    tails: list[tuple[int, tuple[str, ...]]] = [(h, ())]
    if h + 1 < len(view) and view.role(h + 1) == "posted":
        return tails  # a blog-post title: the themes print it, and its "Posted:" line, first
    j = h - 1
    image: tuple[str, ...] = ()
    if j >= 0 and shapes.is_image_name(view.firsts[j]):  # "IMG_2231" over the headline
        image = ("image",)
        tails.append((j, image))
        j -= 1
    # the outlet's own lines printed above a syndicated headline: "<Newspaper>" / "<date>"
    if j >= 0 and view.role(j) == "date":
        tails.append((j, ("date", *image)))
        if j - 1 >= 0 and view.role(j - 1) == "issue":  # "Terrorism Monitor Volume: 9 …"
            tails.append((j - 1, ("issue", "date", *image)))
        if j - 1 >= 0 and _outlet_line(view.firsts[j - 1]):
            tails.append((j - 1, ("outlet", "date", *image)))
    if j >= 0 and view.role(j) in ("issue", "kicker"):  # a journal's issue line, "ANALYSIS"
        tails.append((j, (view.role(j), *image)))
    if j >= 0 and classify.is_bio(view.texts[j]):  # a blog's guest-post bio over the headline
        tails.append((j, ("bio", *image)))
    if j >= 0 and _outlet_and_date(view, j):  # both in one paragraph
        tails.append((j, ("outlet_date", *image)))
    with_url = []
    for top, roles in tails:
        if top - 1 >= 0 and view.role(top - 1) == "url":
            with_url.append((top - 1, ("url", *roles)))
    tails += with_url
    with_intro = []
    for top, roles in tails:
        for k in range(1, MAX_INTRO_PARAGRAPHS + 1):
            i = top - k
            if i < 0 or not intro_eligible(view.texts[i]) or view.role(i) is not None:
                break
            if k == 1 and view.headline[i] and not view.body_like[i] and not _short_intro(view, i):
                break  # a headline-shaped line is no intro (its own candidate reads it)
            if k == 2 and view.note[i]:
                break  # a note of an appearance closes an introduction, it never opens one
            if i > 0 and view.note[i - 1] and not intro_like(view, i):
                break  # "The segment is forty minutes in": the note's own line
            with_intro.append((i, ("intro",) * k + roles))
            if i > 0 and shapes.EPIGRAPH.match(view.texts[i - 1]):
                with_intro.append((i - 1, ("epigraph",) + ("intro",) * k + roles))
    tails += with_intro
    result = list(tails)
    for top, roles in tails:  # an older theme's block: blog-post title, Posted:, filing lines
        posted = posted_above(view, top)
        if posted is not None and posted >= 1 and view.headline[posted - 1]:
            filings = ("filing",) * (top - posted - 1)
            result.append((posted - 1, ("blog_title", "posted", *filings, *roles)))
    return result


def _short_intro(view: PageView, i: int) -> bool:
    """A headline-shaped line that may still introduce one: a sentence that names where the
    piece ran ("For the Straits Times, on Beijing’s Ukraine problem.")."""
    return view.texts[i].endswith((".", ":")) and view.names_outlet[i]


def _outlet_and_date(view: PageView, i: int) -> bool:
    lines = view.paragraphs[i].lines
    return len(lines) == 2 and _outlet_line(lines[0].strip()) and shapes.is_date_line(lines[1])


def _outlet_line(text: str) -> bool:
    return (
        classify.words(text, OUTLET_LINE_MAX_WORDS) <= OUTLET_LINE_MAX_WORDS
        and is_headline_shape(text)
        and not text.endswith("?")
    )
