"""Mentions: quality and cost of our extractor against the bare statistical model.

Prints, side by side from one run: precision / recall / F1 (exact span and label) on the
hand-labelled gold sets `tests/fixtures/ner_gold.jsonl` and `ner_gold_heldout.jsonl` (labelled
by a second annotator without looking at the extractor), for (a) the bare spaCy model and
(b) our extractor (knowledge base + model + span rules); then the time of our extractor
over every text field of the built articles against the bare model's `nlp.pipe` on the
same texts, as a ratio.

    uv run python bench/mentions_eval.py [--articles outputs/articles.parquet] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import polars as pl
import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.mentions.evaluate import entity_accuracy, gold_spans, load_gold, score  # noqa: E402
from pipelines.mentions.extract import (  # noqa: E402
    LABELS,
    MODEL_PACKAGE,
    UNUSED_COMPONENTS,
    extract_mentions,
    load_model,
)
from pipelines.tables.mentions import field_texts  # noqa: E402

GOLD_SETS = {
    "gold (labelled with the knowledge base)": ROOT / "tests" / "fixtures" / "ner_gold.jsonl",
    "held-out (labelled independently)": ROOT / "tests" / "fixtures" / "ner_gold_heldout.jsonl",
}


def bare_model() -> spacy.language.Language:
    """The packaged model as shipped, all components, nothing of ours."""
    return spacy.load(MODEL_PACKAGE)


def quality(name: str, path: Path) -> None:
    print(f"== {name}: {path.name}")
    examples = load_gold(path)
    texts = [ex.text for ex in examples]
    gold = gold_spans(examples)
    bare = bare_model()
    bare_pred = [
        (i, ent.start_char, ent.end_char, ent.label_)
        for i, doc in enumerate(bare.pipe(texts))
        for ent in doc.ents
        if ent.label_ in LABELS
    ]
    ours = extract_mentions(load_model(), texts)
    our_pred = [(i, m.start, m.end, m.label) for i, found in enumerate(ours) for m in found]
    entities = {(i, m.start, m.end): m.entity for i, found in enumerate(ours) for m in found}
    print(f"gold set: {len(examples)} paragraphs, {len(gold)} mentions\n")
    print(f"{'system':<28}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name, pred in (("bare en_core_web_sm", bare_pred), ("ours (KB + model + rules)", our_pred)):
        s = score(gold, pred)
        print(f"{name:<28}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}")
    print(f"\ncanonical entity right, on found spans: {entity_accuracy(examples, entities):.3f}")
    by_label = {}
    for label in LABELS:
        g = [x for x in gold if x[3] == label]
        p = [x for x in our_pred if x[3] == label]
        by_label[label] = score(g, p)
    print(
        "\nours per label: "
        + ", ".join(f"{k} F1 {v.f1:.2f} ({v.gold})" for k, v in by_label.items())
    )


def cost(articles_path: Path, repeat: int) -> None:
    articles = pl.read_parquet(articles_path)
    texts = [t for row in articles.iter_rows(named=True) for _, t in field_texts(row)]
    chars = sum(map(len, texts))
    ours = load_model()
    bare = bare_model()
    ner_only = spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
    best = {"bare": float("inf"), "ner_only": float("inf"), "ours": float("inf")}
    for _ in range(repeat):  # interleaved, best of N, so all see the same machine state
        for name, model in (("bare", bare), ("ner_only", ner_only)):
            start = time.perf_counter()
            for _doc in model.pipe(texts):
                pass
            best[name] = min(best[name], time.perf_counter() - start)
        start = time.perf_counter()
        extract_mentions(ours, texts)
        best["ours"] = min(best["ours"], time.perf_counter() - start)
    print(f"\ncost on {len(texts)} texts, {chars:,} characters (best of {repeat}):")
    print(f"  bare nlp.pipe, model as shipped      {best['bare']:8.2f} s")
    print(f"  bare nlp.pipe, NER components only   {best['ner_only']:8.2f} s")
    print(f"  ours extract_mentions (KB ruler +)   {best['ours']:8.2f} s")
    print(
        f"  ratio ours / model as shipped        {best['ours'] / best['bare']:8.2f}  (goal <= 1.3)"
    )
    print(f"  ratio ours / same components bare    {best['ours'] / best['ner_only']:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "outputs" / "articles.parquet")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, path in GOLD_SETS.items():
        quality(name, path)
        print()
    if args.articles.exists():
        cost(args.articles, args.repeat)
    else:
        print(f"\n(no {args.articles}: build the dataset first for the cost comparison)")


if __name__ == "__main__":
    main()
