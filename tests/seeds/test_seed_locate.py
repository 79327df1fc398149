"""Tier 2: mentions of a real seed post located in their paragraph and sentence.

Expectations read off page 001 (lines 652-677, "SCO Expansion Should Not Threaten the West"):
the body opens with a one-sentence paragraph (sentence 0), then "Established formally in
2001, ..." (paragraph 1: sentences 1 and 2, the second naming Belarus), then "The current
push ..." (paragraph 2: sentences 3 and 4; `<!–more–>` is not body), "In practical terms,
..." (paragraph 3: sentences 5-8), "Yet, at the same time, ..." (paragraph 4: sentences
9-11), "The addition of Pakistan and India ..." (paragraph 5: sentence 12) and "All of the
nations ..." (paragraph 6: sentences 13-16, the last naming Kazakhstan and Narendra Modi).
"""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.mentions.extract import load_model
from pipelines.tables.articles import build_articles
from pipelines.tables.mentions import build_mentions, locate_mentions
from pipelines.tables.posts import posts_frame

TITLE = "SCO Expansion Should Not Threaten the West"


@pytest.fixture(scope="module")
def located(parsed_pages) -> pl.DataFrame:
    articles = build_articles(posts_frame(parsed_pages.values()))
    article = articles.filter(pl.col("title") == TITLE)
    assert len(article) == 1
    return locate_mentions(build_mentions(load_model(), article, {}), article)


@pytest.mark.parametrize(
    ("surface", "paragraph", "sentence"),
    [("Belarus", 1, 2), ("Kazakhstan", 6, 16), ("Narendra Modi", 6, 16), ("QCCM", 4, 10)],
)
def test_body_mentions_sit_in_the_paragraph_and_sentence_read_off_the_page(
    located, surface, paragraph, sentence
):
    body = located.filter((pl.col("field") == "body") & (pl.col("surface") == surface))
    assert body.select("paragraph", "sentence").row(0) == (paragraph, sentence)


def test_the_standfirst_is_one_sentence_of_its_own_field(located):
    subtitle = located.filter(pl.col("field") == "subtitle")
    assert len(subtitle) > 0
    assert set(subtitle.select("paragraph", "sentence").rows()) == {(0, 0)}
