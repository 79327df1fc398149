"""Precision, recall and F1 of mention extraction against a hand-labelled gold set."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int, int, str]  # (example, start, end, label)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int


@dataclass(frozen=True)
class GoldExample:
    text: str
    spans: tuple[tuple[int, int, str, str], ...]  # (start, end, label, entity)


def load_gold(path: Path) -> list[GoldExample]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            spans = tuple((e["start"], e["end"], e["label"], e["entity"]) for e in row["entities"])
            examples.append(GoldExample(row["text"], spans))
    return examples


def score(gold: Iterable[Span], predicted: Iterable[Span]) -> Scores:
    """Exact span and label match, micro-averaged."""
    gold_set, pred_set = set(gold), set(predicted)
    tp = len(gold_set & pred_set)
    precision = tp / len(pred_set) if pred_set else 0.0
    recall = tp / len(gold_set) if gold_set else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, len(pred_set), len(gold_set))


def gold_spans(examples: Sequence[GoldExample]) -> list[Span]:
    return [(i, s, e, label) for i, ex in enumerate(examples) for s, e, label, _ in ex.spans]


def entity_accuracy(
    examples: Sequence[GoldExample], predicted: dict[tuple[int, int, int], str]
) -> float:
    """Share of correctly found spans whose canonical entity is also right."""
    hits = total = 0
    for i, ex in enumerate(examples):
        for s, e, _, entity in ex.spans:
            if (i, s, e) in predicted:
                total += 1
                hits += predicted[(i, s, e)] == entity
    return hits / total if total else 0.0
