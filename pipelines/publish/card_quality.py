"""The dataset card's mention quality: the gold-set scores from the committed figures file
(bench/mentions_eval.py --write), and the Wikidata coverage of the mentions table."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.publish.card_sections import md_table, share
from pipelines.resources import PROJECT_ROOT

# Written by `bench/mentions_eval.py --write`; the README quotes the same file.
QUALITY_FILE = PROJECT_ROOT / "bench" / "mentions_quality.json"
LABEL_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT")


def load_quality(path: Path = QUALITY_FILE) -> dict[str, Any] | None:
    """The figures file, or None when there is none (the card then says so)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def gold_rows(figures: Mapping[str, Any]) -> list[tuple[object, ...]]:
    """One row per gold set: name, file, what it is, paragraphs, mentions."""
    return [
        (
            gold["name"],
            f"`{gold['file']}`",
            gold["description"],
            f"{gold['paragraphs']:,}",
            f"{gold['mentions']:,}",
        )
        for gold in figures["gold_sets"]
    ]


def score_rows(figures: Mapping[str, Any]) -> list[tuple[object, ...]]:
    """One row per gold set and system: precision, recall, F1, canonical entity right."""
    return [
        (
            gold["name"],
            system["system"],
            f"{system['precision']:.3f}",
            f"{system['recall']:.3f}",
            f"{system['f1']:.3f}",
        )
        for gold in figures["gold_sets"]
        for system in gold["systems"]
    ]


def coverage_by_label(mentions: pl.DataFrame) -> list[tuple[str, int, int]]:
    """(label, mentions with a Wikidata id, mentions) per label, in the contract's order."""
    if not {"label", "entity_id"} <= set(mentions.columns):
        return []
    found = dict(
        (label, (int(linked), int(total)))
        for label, linked, total in mentions.group_by("label")
        .agg(pl.col("entity_id").is_not_null().sum(), pl.len())
        .rows()
    )
    order = [label for label in LABEL_ORDER if label in found]
    order += sorted(label for label in found if label not in LABEL_ORDER)
    return [(label, *found[label]) for label in order]


def quality_section(tables: Mapping[str, pl.DataFrame], figures: Mapping[str, Any] | None) -> str:
    """Precision, recall and F1 per gold set, and how many mentions carry a Wikidata id."""
    mentions = tables.get("mentions", pl.DataFrame())
    by_label = coverage_by_label(mentions)
    linked = sum(row[1] for row in by_label)
    lines = ["## Mention quality", ""]
    if figures:
        lines += [
            f"Measured on {figures['measured']} with `{figures['command']}` "
            f"(model {figures['model']}; {figures['match']}) on hand-labelled gold sets that "
            "follow the project's annotation guidelines (`docs/ner_guidelines.md`), for the "
            "bare statistical model and for the extractor that made the `mentions` table:",
            "",
            md_table(
                ["gold set", "file", "what it is", "paragraphs", "mentions"],
                gold_rows(figures),
            ),
            "",
            md_table(["gold set", "system", "precision", "recall", "F1"], score_rows(figures)),
            "",
            "Canonical entity right, on the spans found: "
            + ", ".join(
                f"{gold['name']} {gold['entity_accuracy']:.3f}" for gold in figures["gold_sets"]
            )
            + ". The first two sets come from the same pages as this corpus, for which the "
            "knowledge base was built, so their figures are optimistic for new pages. The sets "
            "of new text are fairer: the rules were tuned on the dev sets' errors, and the "
            "unseen set was kept blind (scored, never read error by error), so it is the best "
            "guess for the blog's other pages.",
            "",
        ]
    else:
        lines += ["No quality figures were measured for this version.", ""]
    lines += [
        f"Coverage: {share(linked, mentions.height)} mentions carry a Wikidata id "
        "(`entity_id`); the rest have a canonical name only.",
        "",
        md_table(
            ["label", "mentions", "with a Wikidata id"],
            [(label, f"{total:,}", share(n, total)) for label, n, total in by_label],
        ),
    ]
    return "\n".join(lines)
