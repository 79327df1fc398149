"""The posts table: every post sighting on every page, cut into parts."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from pipelines.parsing.page import ParsedPage, parse_page
from pipelines.rejects import Reject
from pipelines.tables.bulk import bulk
from pipelines.tables.columns import frame
from pipelines.tables.pages import page_source
from pipelines.tables.parallel import ordered_map

POSTS_SCHEMA = {
    "page": pl.String,
    "first_line": pl.Int64,
    "last_line": pl.Int64,
    "title_line": pl.Int64,
    "title": pl.String,
    "subtitle": pl.String,
    "blog_note": pl.String,
    "outlet": pl.String,
    "authors": pl.List(pl.String),
    "published_date": pl.Date,
    "url": pl.String,
    "reviewed_work": pl.String,
    "blog_title": pl.String,
    "headings": pl.List(pl.String),
    "captions": pl.List(pl.String),
    "bullets": pl.List(pl.String),
    "keywords": pl.List(pl.String),
    "editor_note": pl.String,
    "body": pl.String,
    "author_bio": pl.String,
    "notes_block": pl.String,
    "notes_first_line": pl.Int64,
    "note_count": pl.Int64,
    "is_qa": pl.Boolean,
    "header_kind": pl.String,
    "header_value": pl.String,
}


def _parse_row(row: dict[str, object]) -> ParsedPage:
    return parse_page(page_source(row))


@bulk
def parse_pages(pages: pl.DataFrame, workers: int = 1) -> list[ParsedPage]:
    """Parse every decodable page (a duplicate copy too: its posts are sightings like any).

    Pages are independent, so with `workers` > 1 they are parsed in a process pool; the
    result keeps the frame's (name) order either way.
    """
    return ordered_map(_parse_row, pages.filter(pl.col("error").is_null()).to_dicts(), workers)


# Fields of a page, rather than of its posts, repeated on each of its posts.
PAGE_FIELDS = {
    "page": lambda page: page.page,
    "header_kind": lambda page: page.header.kind,
    "header_value": lambda page: page.header.value,
}


@bulk
def posts_frame(parsed: Iterable[ParsedPage]) -> pl.DataFrame:
    """One row per post sighting, built column by column."""
    sightings = [(page, post) for page in parsed for post in page.posts]
    columns: dict[str, list[object]] = {}
    for name in POSTS_SCHEMA:
        of_page = PAGE_FIELDS.get(name)
        if of_page is not None:
            columns[name] = [of_page(page) for page, _ in sightings]
        else:
            columns[name] = [getattr(post, name) for _, post in sightings]
    return frame(columns, POSTS_SCHEMA)


def page_rejects(pages: pl.DataFrame, parsed: Iterable[ParsedPage]) -> list[Reject]:
    """Undecodable pages and everything the parser could not place."""
    rejects = [
        Reject(row["page"], "read", row["error"], "")
        for row in pages.filter(pl.col("error").is_not_null()).iter_rows(named=True)
    ]
    for page in parsed:
        rejects.extend(page.rejects)
    return rejects
