"""Tier 2: pages, sightings and notes in a process pool give exactly the sequential result."""

from __future__ import annotations

import shutil

import polars as pl

from pipelines.tables.articles import FINGERPRINT_POOL_MIN, build_articles, merge_sightings
from pipelines.tables.footnotes import build_footnotes
from pipelines.tables.pages import list_pages, pages_frame
from pipelines.tables.posts import parse_pages, posts_frame
from tests.conftest import RAW_DIR


def test_pool_and_sequential_runs_agree(tmp_path):
    for copy in range(5):  # 20 pages: enough for the pool to be used
        for page in RAW_DIR.glob("*.txt"):
            shutil.copy(page, tmp_path / f"{copy}_{page.name}")
    pages = pages_frame(list_pages(tmp_path))
    sequential = posts_frame(parse_pages(pages, workers=1))
    pooled = posts_frame(parse_pages(pages, workers=2))
    assert pooled.equals(sequential)
    sightings = pl.concat(  # 3 x 175 sightings: enough for fingerprints to use the pool
        pooled.with_columns(page=pl.col("page") + f"-{n}") for n in range(3)
    )
    assert len(sightings) >= FINGERPRINT_POOL_MIN
    assert merge_sightings(sightings, workers=2).equals(merge_sightings(sightings, workers=1))
    with_notes = build_articles(sequential).filter(pl.col("notes_block").is_not_null())
    many = pl.concat(  # 6 copies of the 3 annotated articles: enough for the pool
        with_notes.with_columns(article_id=pl.col("article_id") + f"-{n}") for n in range(6)
    )
    assert build_footnotes(many, workers=2).equals(build_footnotes(many, workers=1))


def test_ner_in_shards_gives_the_rows_of_one_process():
    from pipelines.mentions.extract import load_model
    from pipelines.tables.footnotes import marker_spans
    from pipelines.tables.mentions import MIN_TEXTS_PER_SHARD, build_mentions, ner_shard

    articles = build_articles(posts_frame(parse_pages(pages_frame(list_pages(RAW_DIR)))))
    markers = marker_spans(build_footnotes(articles))
    shards = {ner_shard(a, 2) for a in articles["article_id"]}
    assert shards == {0, 1} and len(articles) * 2 >= 2 * MIN_TEXTS_PER_SHARD
    one = build_mentions(load_model(), articles, markers, workers=1)
    two = build_mentions(load_model(), articles, markers, workers=2)
    assert len(one) > 100
    assert two.equals(one)
