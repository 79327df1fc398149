"""Finding where each post starts on a page, from evidence.

Every headline-shaped paragraph is a candidate start, read with whatever may stand above it
(see `evidence`). A candidate's score is a weighted sum of independent signals, with weights
fitted on the pages we hold (`bench/segmentation_eval.py --write`, leave-one-page-out for its
scores). A small dynamic program then chooses the set of starts that best explains the whole
page: the sum of the chosen candidates' scores, less a penalty for each post left without any
body text. So one weak signal (an introduction without cue words, a post without a closing bio)
no longer loses a post, and no single rule can invent one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipelines.parsing import classify, shapes
from pipelines.parsing.evidence import FEATURES, Candidate, PageView, candidates
from pipelines.parsing.text import Paragraph

WEIGHTS_FILE = Path(__file__).parent / "data" / "segment_weights.json"
NOTE_ONLY_REASON = (
    "note-only post: the blogger notes a talk, an appearance or a quote, with no article"
)


@dataclass(frozen=True)
class PostSpan:
    """The paragraphs of one post; `roles` names those above its headline, in order."""

    paragraphs: tuple[Paragraph, ...]
    roles: tuple[str, ...] = ()

    @property
    def headline(self) -> int:
        """Index of the headline paragraph within the span."""
        return len(self.roles)

    @property
    def first_line(self) -> int:
        return self.paragraphs[0].first_line

    @property
    def last_line(self) -> int:
        return self.paragraphs[-1].last_line


@dataclass(frozen=True)
class Weights:
    """A weight per evidence feature, and the cost of a post with no body text."""

    features: dict[str, float]
    no_body_penalty: float
    start_bonus: float = 0.0  # added per chosen post: the fitted scores are calibrated per
    # candidate, while the page is explained by the best set of them

    def score(self, candidate: Candidate) -> float:
        return self.start_bonus + sum(
            self.features.get(name, 0.0) * value
            for name, value in zip(FEATURES, candidate.features, strict=True)
            if value
        )


@cache
def default_weights() -> Weights:
    return load_weights(WEIGHTS_FILE)


def load_weights(path: Path) -> Weights:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Weights(
        dict(data["weights"]), float(data["no_body_penalty"]), float(data.get("start_bonus", 0))
    )


def choose_starts(view: PageView, found: list[Candidate], weights: Weights) -> list[Candidate]:
    """The chain of non-overlapping candidates with the highest total score (see module doc).

    A candidate m may precede c when c starts at least two paragraphs after m's headline
    (m keeps a paragraph of its own); the pair costs `no_body_penalty` unless a body-like
    paragraph lies between them. Since that cost is a constant, the best predecessor is the
    better of two running maxima, each over candidates that became eligible in order: all
    eligible ones (with the penalty) and those whose body has already appeared (without it).
    """
    if not found:
        return []
    ordered = sorted(found, key=lambda c: (c.start, c.headline, c.roles))
    n_paragraphs = len(view)
    next_body = [n_paragraphs] * (n_paragraphs + 1)  # first body-like paragraph at or after i
    for i in range(n_paragraphs - 1, -1, -1):
        next_body[i] = i if view.body_like[i] else next_body[i + 1]
    penalty = weights.no_body_penalty
    # m may precede a start s >= eligible[m]; without the penalty once s >= free[m]
    eligible = sorted(range(len(ordered)), key=lambda m: ordered[m].headline + 2)
    free = sorted(range(len(ordered)), key=lambda m: next_body[ordered[m].headline + 1] + 1)
    best: list[float] = [0.0] * len(ordered)
    back: list[int] = [-1] * len(ordered)
    top_any, arg_any, top_free, arg_free = float("-inf"), -1, float("-inf"), -1
    i_any = i_free = 0
    for n, c in enumerate(ordered):
        while i_any < len(eligible) and ordered[eligible[i_any]].headline + 2 <= c.start:
            m = eligible[i_any]
            if best[m] > top_any:
                top_any, arg_any = best[m], m
            i_any += 1
        while i_free < len(free) and next_body[ordered[free[i_free]].headline + 1] < c.start:
            m = free[i_free]
            if best[m] > top_free:  # free implies eligible: a body comes after the headline
                top_free, arg_free = best[m], m
            i_free += 1
        score = weights.score(c)
        best[n], back[n] = score, -1
        if arg_any >= 0 and top_any + penalty + score > best[n]:
            best[n], back[n] = top_any + penalty + score, arg_any
        if arg_free >= 0 and top_free + score > best[n]:
            best[n], back[n] = top_free + score, arg_free
    final = [
        best[n] + (0.0 if next_body[c.headline + 1] < n_paragraphs else penalty)
        for n, c in enumerate(ordered)
    ]
    n = max(range(len(ordered)), key=lambda k: (final[k], -k))
    if final[n] <= 0:
        return []
    chain = []
    while n >= 0:
        chain.append(ordered[n])
        n = back[n]
    return chain[::-1]


@dataclass(frozen=True)
class Segmented:
    """A page cut into posts, the text before the first post, note-only posts, and the
    site's pagination and footer after the last post."""

    posts: list[PostSpan]
    leading: list[Paragraph]
    notes_only: list[tuple[Paragraph, ...]]
    trailing: list[Paragraph] = field(default_factory=list)


def find_posts(paragraphs: list[Paragraph], weights: Weights | None = None) -> Segmented:
    """Split a page's paragraphs (header excluded) into posts (see module docstring)."""
    view = PageView(paragraphs)
    chosen = choose_starts(view, candidates(view), weights or default_weights())
    if not chosen:
        return Segmented([], list(paragraphs), [])
    posts: list[PostSpan] = []
    notes: list[tuple[Paragraph, ...]] = []
    for n, c in enumerate(chosen):
        end = chosen[n + 1].start if n + 1 < len(chosen) else len(paragraphs)
        if "intro" not in c.roles and _only_a_note(view, c.headline, end):
            notes.append(tuple(paragraphs[c.start : end]))  # title, "Posted:", a note
            continue
        cut = _note_only_start(view, c.headline, end)
        posts.append(PostSpan(tuple(paragraphs[c.start : cut]), c.roles))
        notes += _split_at_openers(view, cut, end)
    if not posts:
        return Segmented([], list(paragraphs), [])
    last, footer = _without_footer(posts[-1])
    posts[-1] = last
    return Segmented(posts, list(paragraphs[: chosen[0].start]), notes, footer)


def _without_footer(span: PostSpan) -> tuple[PostSpan, list[Paragraph]]:
    """The last post without the page's footer under it (every line the site's own)."""
    keep = len(span.paragraphs)
    while keep > span.headline + 2 and all(
        shapes.PAGE_FOOTER.match(line.strip()) for line in span.paragraphs[keep - 1].lines
    ):
        keep -= 1
    footer = list(span.paragraphs[keep:])
    return PostSpan(span.paragraphs[:keep], span.roles), footer


def _only_a_note(view: PageView, headline: int, end: int) -> bool:
    """A post whose whole text is a note of a talk, an appearance or a quote: apart from its
    theme lines (date, filing, furniture) and addresses, nothing but note openers."""
    text = [
        i
        for i in range(headline + 1, end)
        if view.role(i) is None
        and not shapes.is_furniture(view.firsts[i])
        and not shapes.is_image_name(view.firsts[i])  # a photo of the studio
    ]
    openers = [view.note[i] for i in text]
    return any(openers) and all(
        opener or _note_link(view.firsts[i]) for i, opener in zip(text, openers, strict=True)
    )


def _note_link(text: str) -> bool:
    return bool(shapes.URL_LINE.match(text) or shapes.MEDIA_LINK.match(text))


def _note_only_start(view: PageView, headline: int, end: int) -> int:
    """Where a trailing run of note-only paragraphs starts in a post (end: there is none).

    The run opens with a note (`notes.is_note_opener`) and holds only notes, addresses
    and short paragraphs; the post keeps at least one body paragraph before it.
    """
    cut = end
    for i in range(end - 1, headline + 1, -1):
        text = view.texts[i]
        if view.note[i]:
            cut = i
            continue
        if shapes.is_furniture(view.firsts[i]) or _note_link(view.firsts[i]):
            continue  # "Posted in Media", "Watch: …", its address under a note belong to it
        if view.body_like[i] or view.closes[i] or classify.is_caption(text):
            break
    if cut < end and any(view.body_like[i] for i in range(headline + 1, cut)):
        return cut
    return end


def _split_at_openers(view: PageView, start: int, end: int) -> list[tuple[Paragraph, ...]]:
    groups: list[tuple[Paragraph, ...]] = []
    for i in range(start, end):
        if view.note[i] or not groups:
            groups.append((view.paragraphs[i],))
        else:
            groups[-1] = (*groups[-1], view.paragraphs[i])
    return groups
