"""Parse only what changed: each page's posts and rejects cached by a hash of its name and
bytes (and the pipeline's code). Pages come back in the input's order, each page's posts in
the parser's order, so the posts table equals a parse of every page from scratch; the cache
keeps only the current pages, so a removed page leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from pipelines.cache import content_key
from pipelines.parsing.page import ParsedPage
from pipelines.rejects import REJECTS_SCHEMA, rejects_frame
from pipelines.tables.posts import POSTS_SCHEMA, page_rejects, parse_pages, posts_frame

POST_ROW = pl.Struct(POSTS_SCHEMA)
REJECT_ROW = pl.Struct(REJECTS_SCHEMA)
PAGE_CACHE_SCHEMA: dict[str, pl.DataType] = {
    "page_key": pl.String(),
    "page": pl.String(),
    "posts": pl.List(POST_ROW),
    "rejects": pl.List(REJECT_ROW),
}


@dataclass
class CachedPosts:
    """Every page's posts and rejects, the cache to keep, and how many pages were parsed."""

    posts: pl.DataFrame
    rejects: pl.DataFrame
    cache: pl.DataFrame
    parsed: int
    reused: int


def page_keys(pages: pl.DataFrame, version: str) -> pl.Series:
    return pl.Series(
        "page_key",
        # a refused page has no checksum: it is never parsed, and its key only has to be stable
        [content_key(version, p, s or "") for p, s in pages.select("page", "sha256").iter_rows()],
        pl.String,
    )


def cached_posts(
    pages: pl.DataFrame, previous: pl.DataFrame, version: str, workers: int = 1
) -> CachedPosts:
    """The posts and parse rejects of `pages`, parsing only pages whose key `previous` lacks."""
    readable = pages.filter(pl.col("error").is_null())
    keyed = readable.select("page").with_columns(
        page_keys(readable, version), pl.int_range(pl.len()).alias("order")
    )
    known = previous.filter(pl.col("page_key").is_in(keyed["page_key"].implode())).unique(
        "page_key", keep="first", maintain_order=True
    )
    todo = readable.filter(~keyed["page_key"].is_in(known["page_key"].implode()))
    parsed = parse_pages(todo, workers=workers)
    fresh = _entries(keyed, parsed)
    entries = keyed.join(pl.concat([known, fresh]).drop("page"), on="page_key", how="inner").sort(
        "order"
    )
    posts = _unpack(entries, "posts", POSTS_SCHEMA)
    read_errors = rejects_frame(page_rejects(pages, []))
    rejects = pl.concat([read_errors, _unpack(entries, "rejects", REJECTS_SCHEMA)])
    cache = entries.select(list(PAGE_CACHE_SCHEMA)).sort("page_key")
    return CachedPosts(posts, rejects, cache, len(todo), len(known))


def _entries(keyed: pl.DataFrame, parsed: list[ParsedPage]) -> pl.DataFrame:
    """One cache row per freshly parsed page: its posts and rejects as lists of rows."""
    pages = pl.DataFrame({"page": [page.page for page in parsed]}, schema={"page": pl.String})
    posts = _grouped(posts_frame(parsed), [page.page for page in parsed for _ in page.posts])
    rejects = _grouped(
        rejects_frame(r for page in parsed for r in page.rejects),
        [page.page for page in parsed for _ in page.rejects],
    )
    empty = {"posts": pl.List(POST_ROW), "rejects": pl.List(REJECT_ROW)}
    frame = (
        pages.join(posts.rename({"rows": "posts"}), on="page", how="left")
        .join(rejects.rename({"rows": "rejects"}), on="page", how="left")
        .with_columns(pl.col(c).fill_null(pl.lit([], dtype=t)) for c, t in empty.items())
    )
    return (
        keyed.select("page_key", "page")
        .join(frame, on="page", how="inner")
        .select(list(PAGE_CACHE_SCHEMA))
    )


def _grouped(rows: pl.DataFrame, pages: list[str]) -> pl.DataFrame:
    """`rows` as one list of row structs per page, in their order."""
    return (
        rows.select(pl.struct(pl.all()).alias("rows"))
        .with_columns(pl.Series("page", pages, pl.String))
        .group_by("page", maintain_order=True)
        .agg("rows")
    )


def _unpack(entries: pl.DataFrame, column: str, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    rows = entries.select(pl.col(column)).explode(column).drop_nulls(column)
    if not len(rows):
        return pl.DataFrame(schema=schema)
    return rows.select(pl.col(column).struct.unnest()).cast(schema)
