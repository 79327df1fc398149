"""Mentions: quality and cost of our extractor against the bare statistical model.

Prints, side by side from one run: precision / recall / F1 (exact span and label) on the
hand-labelled gold sets `tests/fixtures/ner_gold.jsonl`, `ner_gold_heldout.jsonl` (labelled
by a second annotator without looking at the extractor) and `ner_gold_unseen.jsonl` (new
text in the style of the blog's older posts, most names outside the knowledge base), for
(a) the bare spaCy model and (b) our extractor (knowledge base + model + span rules), in
total and per label; then the time of our extractor
over every text field of the built articles against the bare model's `nlp.pipe` on the
same texts, as a ratio.

With `--write`, the quality figures also go to `bench/mentions_quality.json` (committed; gold
sets with their sizes and what they are, scores per system, the date): the dataset card and
the README quote that file, so rerun with `--write` whenever the extractor or a gold set
changes.

    uv run python bench/mentions_eval.py [--articles outputs/articles.parquet] [--repeat 3]
        [--write] [--only ner_gold_dev_a ...] [--errors] [--no-cost]

`--errors` lists our missed and spurious spans, except on the blind set (`unseen`), which is
only ever scored: the rules are tuned on the dev sets' errors, and the blind set measures
whether they carry over.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

import polars as pl
import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.mentions.evaluate import (  # noqa: E402
    Span,
    entity_accuracy,
    gold_spans,
    load_gold,
    score,
)
from pipelines.mentions.extract import (  # noqa: E402
    BATCH_SIZE,
    LABELS,
    MODEL_PACKAGE,
    UNUSED_COMPONENTS,
    extract_mentions,
    load_model,
)
from pipelines.tables.mentions import field_texts  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
GOLD_SETS = {
    "gold (labelled with the knowledge base)": FIXTURES / "ner_gold.jsonl",
    "held-out (labelled independently)": FIXTURES / "ner_gold_heldout.jsonl",
    "dev A (new text, for tuning the rules)": FIXTURES / "ner_gold_dev_a.jsonl",
    "dev B (new text, for tuning the rules)": FIXTURES / "ner_gold_dev_b.jsonl",
    "unseen (new text, names outside the base)": FIXTURES / "ner_gold_unseen.jsonl",
}
# Sets kept blind: scored, never listed error by error, so that no rule is fitted to them.
BLIND_SETS = frozenset({"ner_gold_unseen.jsonl"})
# What each set is, for the figures file the dataset card quotes.
GOLD_DESCRIPTIONS = {
    "ner_gold.jsonl": "paragraphs of the seed pages labelled by hand (spans, labels, canonical "
    "names) following docs/ner_guidelines.md, with the knowledge base at hand",
    "ner_gold_heldout.jsonl": "other paragraphs of the seed pages labelled by a second "
    "annotator following docs/ner_guidelines.md, without seeing the knowledge base",
    "ner_gold_dev_a.jsonl": "paragraphs written for the project in the style of the blog's "
    "2008-2014 posts (Xinjiang, Pakistan's tribal areas, Mumbai 2008, Yemen, Kyrgyzstan 2010, "
    "Norway 2011, Boko Haram, reviews), labelled by reading before the extractor ran on them; "
    "the rules were tuned on its errors (see ner_gold_dev_a.md)",
    "ner_gold_dev_b.jsonl": "paragraphs written for the project in the style of the blog's "
    "2008-2016 posts and interviews (London 2005, the Balkans and Caucasus, Iraq, Syria's "
    "foreign fighters, Afghanistan, China in Africa and Latin America, South-East Asia, "
    "reviews), labelled by reading before the extractor ran on them; the rules were tuned on "
    "its errors (see ner_gold_dev_b.md)",
    "ner_gold_unseen.jsonl": "paragraphs written for the project in the style of the blog's "
    "older posts (UK counter-terrorism, European jihadist networks, Italian and Somali "
    "politics, book reviews), most of their names outside the knowledge base, labelled by "
    "reading before the extractor ran on them; kept blind: no rule was tuned on its errors "
    "(see ner_gold_unseen.md)",
}
FIGURES_FILE = ROOT / "bench" / "mentions_quality.json"


def bare_model() -> spacy.language.Language:
    """The packaged model as shipped, all components, nothing of ours."""
    return spacy.load(MODEL_PACKAGE)


def print_errors(texts: list[str], gold: list[Span], pred: list[Span]) -> None:
    """Each missed and each spurious span of our extractor, paragraph by paragraph."""
    missed, spurious = set(gold) - set(pred), set(pred) - set(gold)
    for i, text in enumerate(texts):
        for tag, spans in (("missed  ", missed), ("spurious", spurious)):
            for _, start, end, label in sorted(x for x in spans if x[0] == i):
                print(f"  {tag} {i:3}  {label:<7} {text[start:end]!r}")


def quality(name: str, path: Path, errors: bool = False) -> dict[str, object]:
    """Print the scores on one gold set; return them for the figures file."""
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
    systems = []
    for system, pred in (
        ("bare en_core_web_sm", bare_pred),
        ("ours (KB + model + rules)", our_pred),
    ):
        s = score(gold, pred)
        print(f"{system:<28}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}")
        systems.append({"system": system, "precision": s.precision, "recall": s.recall, "f1": s.f1})
    if errors and path.name in BLIND_SETS:
        print(f"\n({path.name} is blind: its errors are not listed)")
    elif errors:
        print("\nour errors (exact span and label):")
        print_errors(texts, gold, our_pred)
    accuracy = entity_accuracy(examples, entities)
    print(f"\ncanonical entity right, on found spans: {accuracy:.3f}")
    per_label: dict[str, dict[str, dict[str, float | int]]] = {}
    for system, pred in (
        ("bare en_core_web_sm", bare_pred),
        ("ours (KB + model + rules)", our_pred),
    ):
        scores = {
            label: score([x for x in gold if x[3] == label], [x for x in pred if x[3] == label])
            for label in LABELS
        }
        per_label[system] = {
            label: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "gold": v.gold}
            for label, v in scores.items()
        }
        print(
            f"\n{system} per label: "
            + ", ".join(f"{k} F1 {v.f1:.2f} ({v.gold})" for k, v in scores.items())
        )
    return {
        "name": name,
        "file": str(path.relative_to(ROOT)),
        "description": GOLD_DESCRIPTIONS.get(path.name, ""),
        "paragraphs": len(examples),
        "mentions": len(gold),
        "systems": systems,
        "entity_accuracy": accuracy,
        "per_label": per_label,
    }


def write_figures(gold_sets: list[dict[str, object]]) -> None:
    """The figures file the card and README quote: one run's scores, dated."""
    figures = {
        "measured": datetime.date.today().isoformat(),
        "command": "uv run python bench/mentions_eval.py --write",
        "match": "exact span and label, micro-averaged",
        "model": f"{MODEL_PACKAGE} {spacy.util.get_package_version(MODEL_PACKAGE)}",
        "gold_sets": gold_sets,
    }
    FIGURES_FILE.parent.mkdir(parents=True, exist_ok=True)
    FIGURES_FILE.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {FIGURES_FILE.relative_to(ROOT)}")


def cost(articles_path: Path, repeat: int) -> None:
    articles = pl.read_parquet(articles_path)
    texts = [t for row in articles.iter_rows(named=True) for _, t in field_texts(row)]
    chars = sum(map(len, texts))
    ours = load_model()
    bare = bare_model()
    ner_only = spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
    best = {"bare": float("inf"), "ner_only": float("inf"), "ner_batch": float("inf")}
    best["ours"] = float("inf")
    runs = (("bare", bare, None), ("ner_only", ner_only, None), ("ner_batch", ner_only, BATCH_SIZE))
    for _ in range(repeat):  # interleaved, best of N, so all see the same machine state
        for name, model, batch in runs:
            start = time.perf_counter()
            for _doc in model.pipe(texts, **({"batch_size": batch} if batch else {})):
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
    print(f"  bare NER only, our batch size ({BATCH_SIZE})   {best['ner_batch']:8.2f} s")
    print(f"  ratio ours / same components bare    {best['ours'] / best['ner_only']:8.2f}")
    print(f"  ratio ours / same, same batch size   {best['ours'] / best['ner_batch']:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "outputs" / "articles.parquet")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"write {FIGURES_FILE.name}")
    parser.add_argument("--only", nargs="+", metavar="FILE", help="score only these gold files")
    parser.add_argument(
        "--errors", action="store_true", help="list our errors (never for a blind set)"
    )
    parser.add_argument("--no-cost", action="store_true", help="skip the cost comparison")
    args = parser.parse_args()
    if args.write and args.only:
        parser.error("--write scores every gold set; it cannot go with --only")
    gold_sets = []
    for name, path in GOLD_SETS.items():
        if args.only and path.stem not in args.only and path.name not in args.only:
            continue
        if not path.exists():
            print(f"(no {path.relative_to(ROOT)}: skipped)")
            continue
        gold_sets.append(quality(name, path, args.errors))
        print()
    if args.write:
        write_figures(gold_sets)
    if args.no_cost:
        return
    if args.articles.exists():
        cost(args.articles, args.repeat)
    else:
        print(f"\n(no {args.articles}: build the dataset first for the cost comparison)")


if __name__ == "__main__":
    main()
