"""Tier 2: rows that break the schemas move to rejects with every reason; none vanish."""

from __future__ import annotations

import datetime
import json

import polars as pl

from pipelines.tables.articles import build_articles
from pipelines.tables.mentions import set_aside_misfits
from pipelines.tables.posts import posts_frame
from pipelines.validation import validate_rows
from schemas import ArticlesSchema


def test_failing_articles_go_to_rejects_with_all_their_reasons(parsed_pages):
    articles = build_articles(posts_frame(parsed_pages.values()))
    broken = articles.with_columns(
        language=pl.when(pl.int_range(pl.len()) == 3).then(pl.lit("xx")).otherwise("language"),
        word_count=pl.when(pl.int_range(pl.len()) == 3)
        .then(pl.lit(1, dtype=pl.Int64))
        .otherwise("word_count"),
        published_date=pl.when(pl.int_range(pl.len()) == 5)
        .then(pl.lit(datetime.date(2999, 1, 1)))
        .otherwise("published_date"),
    )
    checked = validate_rows(broken, ArticlesSchema, "articles")
    assert len(checked.valid) + len(checked.rejects) == len(articles)
    assert checked.rejects["article_id"].to_list() == [
        articles["article_id"][3],
        articles["article_id"][5],
    ]
    reasons = checked.rejects["reason"].to_list()
    assert "language" in reasons[0] and "word_count" in reasons[0]
    assert reasons[1] == "articles failed date_not_future"
    assert json.loads(checked.rejects["raw_text"][0])["article_id"] == articles["article_id"][3]


def test_mentions_whose_offsets_do_not_fit_are_set_aside(parsed_pages):
    articles = build_articles(posts_frame(parsed_pages.values()))
    first = articles.row(0, named=True)
    mentions = pl.DataFrame(
        {
            "article_id": [first["article_id"]] * 2,
            "field": ["title", "title"],
            "start": [0, 0],
            "end": [4, 4],
            "surface": [first["title"][:4], "Nope"],
            "label": ["GPE", "GPE"],
            "entity": ["x", "x"],
            "entity_id": [None, None],
        },
    )
    fitting, rejects = set_aside_misfits(mentions, articles)
    assert len(fitting) == 1 and len(rejects) == 1
    assert "not 'Nope'" in rejects["reason"][0]
    assert rejects["page"][0] == first["sources"][0]["page"]
