"""Tier 1: the rebuild caches' keys and their reuse, on short inline pages."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st
from upath import UPath

from pipelines.cache import content_key, read_cache, write_frame
from pipelines.tables.pages import PAGES_SCHEMA, page_row
from pipelines.tables.post_cache import PAGE_CACHE_SCHEMA, cached_posts

PAGE = """A few words of my own about this one, which ran in the paper last week and which I
wrote after a trip to the region.

Border trade and its discontents

The Diplomat, 3 March 2021

The border crossing at the pass has reopened after a year of closure, and traders on both sides
are counting their losses. The road is busy again, but the trade it carries is not what it was.

Officials on either side say the crossing will stay open, though few of the traders believe it.
"""


def _pages(texts: dict[str, str | bytes]) -> pl.DataFrame:
    rows = [
        page_row(name, text if isinstance(text, bytes) else text.encode())
        for name, text in texts.items()
    ]
    return pl.DataFrame(rows, schema=PAGES_SCHEMA)


@given(st.lists(st.text(max_size=5), max_size=4), st.lists(st.text(max_size=5), max_size=4))
def test_keys_differ_whenever_the_parts_differ(a, b):
    assert (content_key("v", *a) == content_key("v", *b)) == (a == b)


def test_a_key_depends_on_the_code_version():
    assert content_key("v1", "page") != content_key("v2", "page")


def test_a_missing_or_foreign_cache_reads_as_empty(tmp_path):
    path = UPath(tmp_path / "cache.parquet")
    assert read_cache(path, PAGE_CACHE_SCHEMA).is_empty()
    write_frame(path, pl.DataFrame({"other": [1]}))
    frame = read_cache(path, PAGE_CACHE_SCHEMA)
    assert frame.is_empty() and dict(frame.schema) == PAGE_CACHE_SCHEMA


def test_reused_pages_give_the_posts_of_a_fresh_parse():
    pages = _pages(
        {"a.txt": PAGE, "b.txt": PAGE.replace("Border", "Mountain"), "c.txt": b"\x00\x00\x00"}
    )
    fresh = cached_posts(pages, pl.DataFrame(schema=PAGE_CACHE_SCHEMA), "v")
    assert fresh.parsed == 2 and fresh.reused == 0 and len(fresh.posts) == 2
    assert fresh.rejects.filter(stage="read")["page"].to_list() == ["c.txt"]  # never cached
    again = cached_posts(pages, fresh.cache, "v")
    assert again.parsed == 0 and again.reused == 2
    assert again.posts.equals(fresh.posts)
    assert again.rejects.equals(fresh.rejects)


def test_only_a_changed_page_is_parsed_and_a_removed_one_leaves_the_cache():
    first = cached_posts(
        _pages({"a.txt": PAGE, "b.txt": PAGE}), pl.DataFrame(schema=PAGE_CACHE_SCHEMA), "v"
    )
    changed = _pages({"a.txt": PAGE, "b.txt": PAGE.replace("pass", "river")})
    second = cached_posts(changed, first.cache, "v")
    assert (second.parsed, second.reused) == (1, 1)
    assert second.posts.equals(
        cached_posts(changed, pl.DataFrame(schema=PAGE_CACHE_SCHEMA), "v").posts
    )
    third = cached_posts(_pages({"b.txt": PAGE}), second.cache, "v")
    assert third.cache["page"].to_list() == ["b.txt"]


def test_a_new_code_version_parses_everything_again():
    pages = _pages({"a.txt": PAGE})
    first = cached_posts(pages, pl.DataFrame(schema=PAGE_CACHE_SCHEMA), "v1")
    assert cached_posts(pages, first.cache, "v2").parsed == 1
