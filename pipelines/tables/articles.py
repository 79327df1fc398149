"""The articles table: one row per distinct post, from the deduplicated sightings."""

from __future__ import annotations

import polars as pl

from pipelines.dedupe import Cluster, Fingerprint, Sighting, cluster_sightings, fingerprint
from pipelines.tables.bulk import bulk
from pipelines.tables.columns import frame
from pipelines.tables.language import detect_languages
from pipelines.tables.parallel import ordered_map
from schemas import ArticlesSchema
from schemas.catalog import polars_schema

# The published columns, then what the footnotes stage still needs (dropped on writing).
ARTICLES_SCHEMA = {**polars_schema(ArticlesSchema), "notes_block": pl.String}
# Columns carried over unchanged from the sighting of record.
RECORD_COLUMNS = (
    "title",
    "subtitle",
    "blog_note",
    "outlet",
    "authors",
    "published_date",
    "url",
    "reviewed_work",
    "blog_title",
    "headings",
    "captions",
    "body",
    "author_bio",
    "editor_note",
    "bullets",
    "keywords",
    "is_qa",
    "notes_block",
)
HEADER_COLUMNS = {"month": "archive_months", "tag": "tags", "category": "categories"}
# Fingerprinting a post takes ~0.2 ms and starting a pool ~30 ms: fewer posts stay here.
FINGERPRINT_POOL_MIN = 400
# What dedupe compares, taken out of the frame once.
SIGHTING_COLUMNS = ("page", "first_line", "title", "body", "note_count")
SOURCE_FIELDS = ("page", "first_line", "last_line")
# Columns gathered from every sighting of an article, in source order (see `_per_sighting`).
LIST_COLUMNS = ("sources", "source_similarity", *HEADER_COLUMNS.values())
# Columns worked out in Python per cluster; the rest come from the record or the sightings.
SCALAR_COLUMNS = tuple(
    c for c in ARTICLES_SCHEMA if c not in RECORD_COLUMNS and c not in LIST_COLUMNS
)


def count_words(text: str) -> int:
    """Words in a body: whitespace-separated tokens (the schema check recomputes this).

    `str.split()` splits where `str.isspace()`, the same characters as the regex `\\s`, so this
    counts the `\\S+` runs without building a match object for each.
    """
    return len(text.split())


def _fingerprint(title_body: tuple[str, str]) -> tuple[Fingerprint, int]:
    """A sighting's dedupe fingerprint and its word count: the per-body work, done in a pool."""
    title, body = title_body
    return fingerprint(title, body), count_words(body)


def _sightings(columns: dict[str, list], captions: list[int]) -> list[Sighting]:
    """What dedupe compares; note counts were taken when the page was parsed."""
    return [
        Sighting(i, page, line, title, body, notes, caption_count)
        for i, (page, line, title, body, notes, caption_count) in enumerate(
            zip(*(columns[c] for c in SIGHTING_COLUMNS), captions, strict=True)
        )
    ]


def _per_sighting(
    posts: pl.DataFrame, orders: list[list[int]], clusters: list[Cluster]
) -> pl.DataFrame:
    """The list columns, one row per article: its sightings gathered in source order.

    Built by polars from one flat gather rather than from Python lists of dicts.
    """
    sightings = posts.select(*SOURCE_FIELDS, "header_kind", "header_value")[
        [k for order in orders for k in order]
    ]
    sightings = sightings.with_columns(
        article=pl.Series([i for i, order in enumerate(orders) for _ in order], dtype=pl.Int64),
        similarity=pl.Series(
            [c.similarity[k] for c, order in zip(clusters, orders, strict=True) for k in order],
            dtype=pl.Float64,
        ),
    )
    headers = {
        column: pl.col("header_value").filter(pl.col("header_kind") == kind).unique().sort()
        for kind, column in HEADER_COLUMNS.items()
    }
    return (
        sightings.group_by("article", maintain_order=True)
        .agg(sources=pl.struct(*SOURCE_FIELDS), source_similarity="similarity", **headers)
        .drop("article")
    )


def build_articles(posts: pl.DataFrame, workers: int = 1) -> pl.DataFrame:
    """Merge sightings into articles, then detect each article's language."""
    return add_languages(merge_sightings(posts, workers))


def add_languages(articles: pl.DataFrame) -> pl.DataFrame:
    """Enrichment: the `language` of each body (articles are independent of one another)."""
    languages = detect_languages(articles["body"].to_list())
    return articles.with_columns(language=pl.Series(languages, dtype=pl.String))


@bulk
def merge_sightings(posts: pl.DataFrame, workers: int = 1) -> pl.DataFrame:
    """Dedupe: one row per article, the most complete sighting as its text of record.

    Columns of record are gathered by polars; only what merging needs goes through Python.
    Sightings are fingerprinted independently, so `workers` > 1 does that in a pool; the
    comparing is done here. `language` is left empty for `add_languages`.
    """
    columns = {column: posts[column].to_list() for column in SIGHTING_COLUMNS}
    captions = posts["captions"].list.len().to_list()
    texts = list(zip(columns["title"], columns["body"], strict=True))
    fingerprinted = ordered_map(_fingerprint, texts, workers, FINGERPRINT_POOL_MIN)
    prints = [fp for fp, _ in fingerprinted]
    words = [count for _, count in fingerprinted]
    clusters = cluster_sightings(_sightings(columns, captions), prints)
    page, first_line = columns["page"], columns["first_line"]
    orders = [sorted(c.members, key=lambda k: (page[k], first_line[k])) for c in clusters]
    records = [cluster.record for cluster in clusters]
    scalars = {
        "article_id": [c.article_id for c in clusters],
        "word_count": [words[k] for k in records],
        "language": [None] * len(clusters),
        "footnote_count": [columns["note_count"][k] for k in records],
        "content_sha256": [c.content_sha256 for c in clusters],
        "sightings": [len(c.members) for c in clusters],
        "min_similarity": [min(c.similarity.values()) for c in clusters],
    }
    of_record = posts.select(RECORD_COLUMNS)[records]
    per_cluster = frame(scalars, {c: ARTICLES_SCHEMA[c] for c in SCALAR_COLUMNS})
    articles = pl.concat(
        [of_record, _per_sighting(posts, orders, clusters), per_cluster], how="horizontal"
    )
    articles = articles.select(pl.col(c).cast(t) for c, t in ARTICLES_SCHEMA.items())
    return articles.sort(
        pl.col("sources").list.first().struct.field("page"),
        pl.col("sources").list.first().struct.field("first_line"),
    )
