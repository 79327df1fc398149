"""Tier 2: the extractor against the hand-labelled gold paragraphs from the seed pages.

`tests/fixtures/ner_gold.jsonl` and `ner_gold_heldout.jsonl` were labelled by reading
(spans, labels, canonical names) following docs/ner_guidelines.md, not by running any
extractor; the held-out set by a second annotator who did not see the knowledge base while
labelling. `ner_gold_unseen.jsonl` is new text written for the project (most names outside
the knowledge base), labelled by reading before the extractor ran on it. This is a quality
gate, like a gold corpus in CI.
"""

from __future__ import annotations

import pytest

from pipelines.mentions.evaluate import entity_accuracy, gold_spans, load_gold, score
from pipelines.mentions.extract import extract_mentions, load_model
from tests.conftest import FIXTURES

MIN_F1 = 0.95  # issue 20's goal for the seed sets, exact span and label
# The unseen set's goal (issue 20) is 0.93; the extractor scores 0.757 there (bare model
# 0.622), so this floor only stops it from getting worse until the goal is reached.
UNSEEN_FLOOR = 0.74


GOLD_SETS = ("ner_gold.jsonl", "ner_gold_heldout.jsonl")
UNSEEN = "ner_gold_unseen.jsonl"


@pytest.mark.parametrize("name", [*GOLD_SETS, UNSEEN])
def test_gold_set_is_large_enough_and_consistent(name):
    examples = load_gold(FIXTURES / name)
    assert len(examples) >= 30
    for ex in examples:
        for start, end, _, _ in ex.spans:
            assert 0 <= start < end <= len(ex.text)


@pytest.mark.parametrize("name", GOLD_SETS)
def test_extractor_meets_the_f1_goal_on_the_gold_set(name):
    examples = load_gold(FIXTURES / name)
    found = extract_mentions(load_model(), [ex.text for ex in examples])
    predicted = [(i, m.start, m.end, m.label) for i, ms in enumerate(found) for m in ms]
    result = score(gold_spans(examples), predicted)
    assert result.f1 >= MIN_F1, result
    entities = {(i, m.start, m.end): m.entity for i, ms in enumerate(found) for m in ms}
    assert entity_accuracy(examples, entities) >= 0.95


def test_extractor_does_not_fall_below_its_floor_on_unseen_text():
    examples = load_gold(FIXTURES / UNSEEN)
    found = extract_mentions(load_model(), [ex.text for ex in examples])
    predicted = [(i, m.start, m.end, m.label) for i, ms in enumerate(found) for m in ms]
    result = score(gold_spans(examples), predicted)
    assert result.f1 >= UNSEEN_FLOOR, result
