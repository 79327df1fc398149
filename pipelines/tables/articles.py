"""The articles table: one row per distinct post, from the deduplicated sightings."""

from __future__ import annotations

import re

import polars as pl

from pipelines.dedupe import Sighting, cluster_sightings
from pipelines.tables.language import detect_languages

SOURCE_TYPE = pl.Struct({"page": pl.String, "first_line": pl.Int64, "last_line": pl.Int64})
ARTICLES_SCHEMA = {
    "article_id": pl.String,
    "title": pl.String,
    "subtitle": pl.String,
    "blog_note": pl.String,
    "outlet": pl.String,
    "authors": pl.List(pl.String),
    "published_date": pl.Date,
    "archive_months": pl.List(pl.String),
    "tags": pl.List(pl.String),
    "categories": pl.List(pl.String),
    "headings": pl.List(pl.String),
    "captions": pl.List(pl.String),
    "body": pl.String,
    "author_bio": pl.String,
    "word_count": pl.Int64,
    "language": pl.String,
    "footnote_count": pl.Int64,
    "sources": pl.List(SOURCE_TYPE),
    "content_sha256": pl.String,
    # extras beyond the contract
    "editor_note": pl.String,
    "bullets": pl.List(pl.String),
    "keywords": pl.List(pl.String),
    "is_qa": pl.Boolean,
    "sightings": pl.Int64,
    "source_similarity": pl.List(pl.Float64),
    "min_similarity": pl.Float64,
    "notes_block": pl.String,  # internal: dropped when the dataset is written
}
# Columns carried over unchanged from the sighting of record.
RECORD_COLUMNS = (
    "title",
    "subtitle",
    "blog_note",
    "outlet",
    "authors",
    "published_date",
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
WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Words in a body: whitespace-separated tokens (the schema check recomputes this)."""
    return len(WORD.findall(text))


def _sightings(rows: list[dict[str, object]]) -> list[Sighting]:
    """What dedupe compares; note counts were taken when the page was parsed."""
    return [
        Sighting(
            i,
            r["page"],
            r["first_line"],
            r["title"],
            r["body"],
            r["note_count"],
            len(r["captions"]),
        )
        for i, r in enumerate(rows)
    ]


def build_articles(posts: pl.DataFrame) -> pl.DataFrame:
    """Merge sightings into articles; the most complete sighting is the text of record."""
    rows = posts.to_dicts()
    clusters = cluster_sightings(_sightings(rows))
    articles = []
    for cluster in clusters:
        record = rows[cluster.record]
        members = [rows[k] for k in cluster.members]
        article = {column: record[column] for column in RECORD_COLUMNS}
        for kind, column in HEADER_COLUMNS.items():
            article[column] = sorted(
                {m["header_value"] for m in members if m["header_kind"] == kind}
            )
        order = sorted(cluster.members, key=lambda k: (rows[k]["page"], rows[k]["first_line"]))
        ordered = [rows[k] for k in order]
        article.update(
            article_id=cluster.article_id,
            word_count=count_words(record["body"]),
            language=None,
            footnote_count=record["note_count"],
            sources=[
                {"page": m["page"], "first_line": m["first_line"], "last_line": m["last_line"]}
                for m in ordered
            ],
            source_similarity=[cluster.similarity[k] for k in order],
            content_sha256=cluster.content_sha256,
            sightings=len(members),
            min_similarity=min(cluster.similarity.values()),
        )
        articles.append(article)
    languages = detect_languages([a["body"] for a in articles])
    for article, language in zip(articles, languages, strict=True):
        article["language"] = language
    frame = pl.DataFrame(articles, schema=ARTICLES_SCHEMA)
    return frame.sort(
        pl.col("sources").list.first().struct.field("page"),
        pl.col("sources").list.first().struct.field("first_line"),
    )
