"""The footnotes table: one row per numbered note, with what it cites and where it is cited."""

from __future__ import annotations

import polars as pl

from pipelines.footnotes import (
    cited_title,
    extract_domains,
    extract_urls,
    find_markers,
    link_same_as,
    parse_accessed_date,
    split_notes,
)
from pipelines.tables.bulk import bulk
from pipelines.tables.columns import frame
from pipelines.tables.parallel import ordered_map
from schemas import FootnotesSchema
from schemas.catalog import polars_schema

FOOTNOTES_SCHEMA = polars_schema(FootnotesSchema)


def article_footnotes(article_id: str, notes_block: str, body: str) -> dict[str, list[object]]:
    """Columns (FOOTNOTES_SCHEMA order) for one article's notes block.

    Columns rather than row dicts: the frame is then built without inferring a type per
    row, and a worker process sends back one list per column.
    """
    notes = split_notes(notes_block)
    markers = find_markers(body, [n.number for n in notes])
    same_as = link_same_as(notes)
    columns: dict[str, list[object]] = {name: [] for name in FOOTNOTES_SCHEMA}
    for note in notes:
        urls = extract_urls(note.text)
        offsets = sorted(markers.get(note.number, []))
        columns["article_id"].append(article_id)
        columns["note_number"].append(note.number)
        columns["text"].append(note.text)
        columns["urls"].append(urls)
        columns["domains"].append(extract_domains(note.text, urls))
        columns["accessed_date"].append(parse_accessed_date(note.text))
        columns["cited_title"].append(cited_title(note.text))
        columns["marker_count"].append(len(offsets))
        columns["same_as_note"].append(same_as.get(note.number))
        columns["markers"].append(offsets)
    return columns


def _row_footnotes(row: tuple[str, str, str]) -> dict[str, list[object]]:
    return article_footnotes(*row)


@bulk
def build_footnotes(articles: pl.DataFrame, workers: int = 1) -> pl.DataFrame:
    """Notes of every article; articles are independent, so `workers` > 1 uses a pool."""
    with_notes = articles.filter(pl.col("notes_block").is_not_null())
    items = list(with_notes.select("article_id", "notes_block", "body").iter_rows())
    parts = ordered_map(_row_footnotes, items, workers)
    columns = {name: [value for part in parts for value in part[name]] for name in FOOTNOTES_SCHEMA}
    return frame(columns, FOOTNOTES_SCHEMA)


def marker_spans(footnotes: pl.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """article_id -> [start, end) of every note marker in its body."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in footnotes.select("article_id", "note_number", "markers").iter_rows(named=True):
        width = len(str(row["note_number"]))
        spans.setdefault(row["article_id"], []).extend((m, m + width) for m in row["markers"])
    return spans
