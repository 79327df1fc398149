"""Tier 1: choosing post starts, on small synthetic candidate sets.

`choose_starts` keeps two running maxima instead of comparing every pair of candidates; the
plain quadratic dynamic program below is its specification, and hypothesis checks that the two
agree on the best total.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.parsing.evidence import FEATURES, Candidate
from pipelines.parsing.segment import Weights, choose_starts

PENALTY = -4.0


class FakeView:
    def __init__(self, body_like: list[bool]) -> None:
        self.body_like = body_like

    def __len__(self) -> int:
        return len(self.body_like)


def _weights() -> Weights:
    return Weights({"bias": 1.0}, PENALTY, 0.0)


def _candidate(start: int, headline: int, score: float) -> Candidate:
    features = tuple(score if name == "bias" else 0.0 for name in FEATURES)
    return Candidate(start, headline, ("intro",) * (headline - start), features)


def _total(view: FakeView, chain: list[Candidate], weights: Weights) -> float:
    total = 0.0
    for n, c in enumerate(chain):
        end = chain[n + 1].start if n + 1 < len(chain) else len(view)
        body = any(view.body_like[i] for i in range(c.headline + 1, end))
        total += weights.score(c) + (0.0 if body else PENALTY)
    return total


def _quadratic_best(view: FakeView, found: list[Candidate], weights: Weights) -> float:
    ordered = sorted(found, key=lambda c: (c.start, c.headline))
    best: list[float] = []
    for n, c in enumerate(ordered):
        top = weights.score(c)
        for m in range(n):
            prev = ordered[m]
            if prev.headline + 2 > c.start:
                continue
            body = any(view.body_like[i] for i in range(prev.headline + 1, c.start))
            top = max(top, best[m] + (0.0 if body else PENALTY) + weights.score(c))
        best.append(top)
    finals = [
        best[n] + (0.0 if any(view.body_like[c.headline + 1 :]) else PENALTY)
        for n, c in enumerate(ordered)
    ]
    return max([0.0, *finals])


@st.composite
def pages(draw: st.DrawFn) -> tuple[FakeView, list[Candidate]]:
    n = draw(st.integers(min_value=2, max_value=30))
    body = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    found = []
    for _ in range(draw(st.integers(min_value=0, max_value=25))):
        headline = draw(st.integers(min_value=0, max_value=n - 2))
        start = draw(st.integers(min_value=max(0, headline - 2), max_value=headline))
        score = draw(st.floats(min_value=-6, max_value=6, allow_nan=False).map(round))
        found.append(_candidate(start, headline, score + draw(st.sampled_from([0.1, 0.3]))))
    return FakeView(body), found


@settings(max_examples=300, deadline=None)
@given(pages())
def test_choice_reaches_the_best_total_of_the_quadratic_program(page):
    view, found = page
    weights = _weights()
    chain = choose_starts(view, found, weights)
    best = _quadratic_best(view, found, weights)
    got = _total(view, chain, weights) if chain else 0.0
    assert abs(got - best) < 1e-9


def test_chain_keeps_a_paragraph_after_each_headline():
    view = FakeView([False, False, True, False, True])
    found = [_candidate(0, 1, 3.0), _candidate(2, 2, 3.0), _candidate(3, 3, 3.0)]
    chain = choose_starts(view, found, _weights())
    assert [(c.start, c.headline) for c in chain] == [(0, 1), (3, 3)]


def test_a_post_without_body_costs_the_penalty():
    view = FakeView([False, False, False, True])
    # 0->0 then 1->1 leaves post one without body; one post 0->0 with the body is better
    found = [_candidate(0, 0, 2.0), _candidate(1, 1, 2.0)]
    chain = choose_starts(view, found, _weights())
    assert [(c.start, c.headline) for c in chain] == [(0, 0)]
