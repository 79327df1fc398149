"""Pages into tests through the pipeline's own door: the raw pages table's row (decoded, header
located once), then the posts stage's parse. No test-only way in."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.parsing.page import ParsedPage
from pipelines.tables.pages import PAGES_SCHEMA, list_pages, page_row, pages_frame
from pipelines.tables.posts import parse_pages


def parse_file(name: str, data: bytes) -> ParsedPage:
    """One page file's bytes as the pipeline parses them (it must decode)."""
    row = page_row(name, data)
    assert row["error"] is None, row["error"]
    (parsed,) = parse_pages(pl.DataFrame([row], schema=PAGES_SCHEMA))
    return parsed


def parse_folder(folder: Path) -> dict[str, ParsedPage]:
    """Every page of a folder, as the `raw_pages` and `posts` assets read them, by name."""
    return {parsed.page: parsed for parsed in parse_pages(pages_frame(list_pages(folder)))}
