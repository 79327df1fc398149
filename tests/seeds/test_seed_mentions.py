"""Tier 2: the extractor against the hand-labelled gold paragraphs from the seed pages.

`tests/fixtures/ner_gold.jsonl` and `ner_gold_heldout.jsonl` were labelled by reading
(spans, labels, canonical names) following docs/ner_guidelines.md, not by running any
extractor; the held-out set by a second annotator who did not see the knowledge base while
labelling. `ner_gold_dev_a.jsonl`, `ner_gold_dev_b.jsonl` and `ner_gold_unseen.jsonl` are new
text written for the project (most names outside the knowledge base), labelled by reading
before the extractor ran on them; the rules were tuned on the dev sets' errors, and the
unseen set is kept blind (scored, never read error by error). This is a quality gate, like a
gold corpus in CI.
"""

from __future__ import annotations

import pytest

from pipelines.mentions.evaluate import entity_accuracy, gold_spans, load_gold, score
from pipelines.mentions.extract import extract_mentions, load_model
from tests.conftest import FIXTURES

MIN_F1 = 0.95  # issue 20's goal for the seed sets, exact span and label
# Issue 20's goal on new text is 0.93. The extractor scores 0.879 and 0.855 on the dev sets
# and 0.805 on the blind set (bare model 0.61-0.63), so these floors, a little under the
# measured scores (bench/mentions_quality.json), only stop it from getting worse.
FLOORS = {"ner_gold_dev_a.jsonl": 0.86, "ner_gold_dev_b.jsonl": 0.84, "ner_gold_unseen.jsonl": 0.79}


GOLD_SETS = ("ner_gold.jsonl", "ner_gold_heldout.jsonl")


@pytest.mark.parametrize("name", [*GOLD_SETS, *FLOORS])
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


@pytest.mark.parametrize(("name", "floor"), FLOORS.items())
def test_extractor_does_not_fall_below_its_floor_on_new_text(name, floor):
    examples = load_gold(FIXTURES / name)
    found = extract_mentions(load_model(), [ex.text for ex in examples])
    predicted = [(i, m.start, m.end, m.label) for i, ms in enumerate(found) for m in ms]
    result = score(gold_spans(examples), predicted)
    assert result.f1 >= floor, result
