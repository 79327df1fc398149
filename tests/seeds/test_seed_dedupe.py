"""Tier 2: dedupe on the seed pages and on near-duplicate variants made from them."""

from __future__ import annotations

import io

import polars as pl
import pytest

from pipelines.parsing.page import page_text, parse_page
from pipelines.tables.articles import build_articles
from pipelines.tables.posts import posts_frame
from tests.conftest import RAW_DIR

MONTH_PAGE = "003_438df8717fa9cb3f.txt"


@pytest.fixture(scope="module")
def seed_posts(parsed_pages) -> pl.DataFrame:
    return posts_frame(parsed_pages.values())


@pytest.fixture(scope="module")
def seed_articles(seed_posts) -> pl.DataFrame:
    return build_articles(seed_posts)


def test_posts_seen_on_two_pages_are_one_article_with_both_sources(seed_articles):
    # Read off the pages: "Paving the Digital Silk Road…" is at 000:366-658 and 001:3-295,
    # "Beijing Binds…" at 001:492-603 and 003:3-114.
    by_title = {row["title"]: row for row in seed_articles.iter_rows(named=True)}
    paving = by_title["Paving the Digital Silk Road with the Shanghai Cooperation Organisation"]
    assert paving["sources"] == [
        {"page": "000_efb1e64e7f4b2eee.txt", "first_line": 366, "last_line": 658},
        {"page": "001_7314a070cdfb5ef1.txt", "first_line": 3, "last_line": 295},
    ]
    binds = by_title["Beijing Binds: COVID-19 and the China-Central Asia Relationship"]
    assert [s["page"] for s in binds["sources"]] == [
        "001_7314a070cdfb5ef1.txt",
        MONTH_PAGE,
    ]
    assert binds["tags"] == ["SCO"] and binds["archive_months"] == ["2020-06"]
    assert binds["sightings"] == 2 and binds["source_similarity"] == [1.0, 1.0]
    assert len(seed_articles) == 33  # 35 sightings, two posts seen twice


def test_posts_sharing_a_bio_line_stay_apart(seed_articles):
    nikkei = seed_articles.filter(pl.col("outlet") == "Nikkei Asia")
    bios = nikkei["author_bio"].to_list()
    assert len(nikkei) == 6 and len(set(bios)) < len(bios)  # the same bio, six articles


def _variant_page() -> str:
    """The month page with its posts changed the way re-publication changes them."""
    text = (RAW_DIR / MONTH_PAGE).read_text(encoding="utf-8")
    lines = text.split("\n")
    # FT post (116-146): spaces lost between words, a different bio line, caption printed twice
    lines[127] = lines[127].replace("It is tempting to ignore", "It istempting toignore")
    lines[125] = (
        "The writer is a senior fellow at the S. Rajaratnam School of International Studies"
    )
    lines[123] = lines[123] + "\n\n" + lines[123]
    # Prospect post (148-175): a teaser, its body cut after three paragraphs
    del lines[162:175]
    return "\n".join(lines)


def test_near_duplicates_merge_and_keep_the_complete_text(seed_posts, seed_articles):
    variant = parse_page(page_text("zz_variant.txt", _variant_page()))
    both = pl.concat([seed_posts, posts_frame([variant])])
    articles = build_articles(both)
    assert len(articles) == 33
    by_title = {row["title"]: row for row in articles.iter_rows(named=True)}
    ft = by_title["Drifting definitions of terrorism endanger us all"]
    assert ft["sightings"] == 2 and min(ft["source_similarity"]) >= 0.8
    prospect = by_title["Could China and India be heading for war?"]
    assert prospect["sightings"] == 2 and prospect["sources"][0]["page"] == MONTH_PAGE
    full = seed_articles.filter(pl.col("title") == prospect["title"])
    assert prospect["body"] == full["body"][0]  # the full sighting is the text of record
    assert prospect["min_similarity"] >= 0.8


def test_input_order_changes_no_output_byte(seed_posts):
    def parquet_bytes(frame: pl.DataFrame) -> bytes:
        buffer = io.BytesIO()
        frame.write_parquet(buffer)
        return buffer.getvalue()

    base = build_articles(seed_posts)
    shuffled = build_articles(seed_posts.sample(fraction=1.0, shuffle=True, seed=11))
    reversed_ = build_articles(seed_posts.reverse())
    assert parquet_bytes(base) == parquet_bytes(shuffled) == parquet_bytes(reversed_)
