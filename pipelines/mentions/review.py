"""After a build, list the model's entities the knowledge base does not know, as a review file.

Run: `python -m pipelines.mentions.review [--outputs outputs] [--out FILE] [--min-count N]`.
Reads the release's mentions and articles; every mention whose entity is neither a name nor an
alias of the base (by the base's own lookup) is grouped by name, and one row per name is
written, most frequent first: the labels the model gave, how often, in how many articles, one
example sentence (the mention in [[ ]]) with its article, and empty decision columns that
`python -m pipelines.mentions.accept` reads.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import polars as pl

from pipelines.mentions.kb import KnowledgeBase, load_kb
from pipelines.mentions.locate import Layout, layouts
from schemas.common import FIELDS
from schemas.integrity import field_text

REVIEW_FILE = "kb_review.csv"
DECISION_COLUMNS = (
    "accept",
    "canonical_name",
    "aliases",
    "label",
    "qid",
    "qid_source",
    "qid_evidence",
)
FOUND_COLUMNS = (
    "name",
    "model_labels",
    "mentions",
    "articles",
    "example",
    "example_article_id",
    "example_title",
)
REVIEW_COLUMNS = FOUND_COLUMNS + DECISION_COLUMNS
# Body sentences are whole prose; a title or caption is a poorer example, so it comes last.
FIELD_PREFERENCE = ("body", "subtitle", "blog_note", "title", "caption")
MAX_EXAMPLE = 300  # characters of a sentence shown whole; longer ones are cut around the name
CONTEXT = 120  # characters kept on each side of the name when a sentence is cut
WHITESPACE = re.compile(r"\s+")
TOP = 10


def review_name(entity: str) -> str:
    """The name a mention is grouped and looked up under (the extractor's NBSP folding)."""
    return entity.replace("\u00a0", " ")


def unknown_mentions(mentions: pl.DataFrame, kb: KnowledgeBase) -> pl.DataFrame:
    """The mentions whose entity the base does not know, with their `name`."""
    names = [review_name(entity) for entity in mentions["entity"]]
    known = pl.Series([kb.lookup(name) is not None for name in names], dtype=pl.Boolean)
    return mentions.with_columns(name=pl.Series(names, dtype=pl.String)).filter(~known)


def group_unknown(unknown: pl.DataFrame, min_count: int = 1) -> pl.DataFrame:
    """One row per name: model labels with counts, mentions, articles and the example mention.

    Sorted by mentions, then articles (both descending), then name; the example is the first
    occurrence in body, subtitle, blog note, title, caption order, then by article and offset.
    """
    rank = {field: n for n, field in enumerate(FIELD_PREFERENCE)}
    ranked = unknown.with_columns(
        field_rank=pl.col("field").replace_strict(rank, default=len(rank), return_dtype=pl.Int64)
    )
    labels = (
        ranked.group_by("name", "label")
        .len()
        .sort(["name", "len", "label"], descending=[False, True, False])
        .group_by("name", maintain_order=True)
        .agg(
            model_labels=pl.format("{}:{}", pl.col("label"), pl.col("len")).str.join("|"),
        )
    )
    examples = (
        ranked.sort("name", "field_rank", "article_id", "start")
        .group_by("name", maintain_order=True)
        .agg(
            mentions=pl.len(),
            articles=pl.col("article_id").n_unique(),
            example_article_id=pl.col("article_id").first(),
            example_field=pl.col("field").first(),
            example_start=pl.col("start").first(),
            example_end=pl.col("end").first(),
            example_sentence=pl.col("sentence").first(),
        )
    )
    return (
        examples.join(labels, on="name", how="left")
        .filter(pl.col("mentions") >= min_count)
        .sort(["mentions", "articles", "name"], descending=[True, True, False])
    )


def cut_example(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The sentence holding text[start:end], the name in [[ ]], cut at words if too long."""
    left, right = sentence
    if right - left > MAX_EXAMPLE:
        if start - left > CONTEXT:
            cut = text.find(" ", start - CONTEXT, start)
            left = cut + 1 if cut >= 0 else start - CONTEXT
        if right - end > CONTEXT:
            cut = text.rfind(" ", end, end + CONTEXT)
            right = cut if cut >= 0 else end + CONTEXT
    before = WHITESPACE.sub(" ", text[left:start]).lstrip()
    after = WHITESPACE.sub(" ", text[end:right]).rstrip()
    head = "… " if left > sentence[0] else ""
    tail = " …" if right < sentence[1] else ""
    name = WHITESPACE.sub(" ", text[start:end])
    return f"{head}{before}[[{name}]]{after}{tail}"


def sentence_bounds(layout: Layout, text: str, start: int, index: int) -> tuple[int, int]:
    """(start, end) of the field's sentence `index`, or of the one holding `start` if that
    sentence does not hold it (a release built before the indexes changed)."""
    bounds = [*layout.sentences, len(text)]
    if not (0 <= index < len(layout.sentences) and bounds[index] <= start < bounds[index + 1]):
        index = layout.locate(start)[1]
    return bounds[index], bounds[index + 1]


def review_table(
    mentions: pl.DataFrame, articles: pl.DataFrame, kb: KnowledgeBase, min_count: int = 1
) -> pl.DataFrame:
    """The review file's rows (REVIEW_COLUMNS), decision columns empty."""
    grouped = group_unknown(unknown_mentions(mentions, kb), min_count)
    by_id = {row["article_id"]: row for row in articles.iter_rows(named=True)}
    rows = grouped.select(
        "example_article_id", "example_field", "example_start", "example_end", "example_sentence"
    ).rows()
    texts: list[str | None] = []
    for article_id, field, start, end, _ in rows:
        text = field_text(by_id.get(article_id, {}), field) if field in FIELDS else None
        # An offset outside its text is the mentions check's reject; there is nothing to show.
        texts.append(text if text is not None and 0 <= start < end <= len(text) else None)
    found = iter(layouts([(row[1], t) for row, t in zip(rows, texts, strict=True) if t]))
    examples: list[str] = []
    for (_, _, start, end, index), text in zip(rows, texts, strict=True):
        if text is None:
            examples.append("")
            continue
        examples.append(
            cut_example(text, start, end, sentence_bounds(next(found), text, start, index))
        )
    titles = [str(by_id.get(row[0], {}).get("title") or "") for row in rows]
    return grouped.with_columns(
        example=pl.Series(examples, dtype=pl.String),
        example_title=pl.Series(titles, dtype=pl.String),
        **{c: pl.lit("") for c in DECISION_COLUMNS},
    ).select(REVIEW_COLUMNS)


def summary(table: pl.DataFrame, path: Path, top: int = TOP) -> str:
    """A few lines: how many unknown names and mentions, the most frequent, the file."""
    lines = [
        f"{len(table)} names the knowledge base does not know "
        f"({int(table['mentions'].sum())} mentions); most frequent:"
    ]
    lines += [
        f"  {n:>4}  {name}  ({labels})"
        for name, labels, n in table.select("name", "model_labels", "mentions")
        .head(top)
        .iter_rows()
    ]
    lines.append(f"review file: {path}")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """CLI: write the review file and print the summary."""
    parser = argparse.ArgumentParser(prog="python -m pipelines.mentions.review")
    parser.add_argument(
        "--outputs",
        type=Path,
        default=None,
        help="built release (default: the settings' outputs folder, $CORPUS_OUTPUTS_DIR)",
    )
    parser.add_argument("--out", type=Path, help=f"review CSV (default OUTPUTS/{REVIEW_FILE})")
    parser.add_argument("--min-count", type=int, default=1, help="list names seen >= N times")
    args = parser.parse_args(argv)
    if args.outputs is None:
        from pipelines.resources import settings_from_environment

        args.outputs = settings_from_environment().outputs_path()
    missing = [
        f for f in ("mentions.parquet", "articles.parquet") if not (args.outputs / f).is_file()
    ]
    if missing:
        print(f"{args.outputs}: no {', '.join(missing)}; build first", file=sys.stderr)
        return 1
    table = review_table(
        pl.read_parquet(args.outputs / "mentions.parquet"),
        pl.read_parquet(args.outputs / "articles.parquet"),
        load_kb(),
        args.min_count,
    )
    out = args.out or args.outputs / REVIEW_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    table.write_csv(out)
    print(summary(table, out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
