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
from pipelines.tables.parallel import ordered_map

FOOTNOTES_SCHEMA = {
    "article_id": pl.String,
    "note_number": pl.Int64,
    "text": pl.String,
    "urls": pl.List(pl.String),
    "domains": pl.List(pl.String),
    "accessed_date": pl.Date,
    "cited_title": pl.String,
    "marker_count": pl.Int64,
    "same_as_note": pl.Int64,
    "markers": pl.List(pl.Int64),  # extra: character offsets of the markers in the body
}


def article_footnotes(article_id: str, notes_block: str, body: str) -> list[dict[str, object]]:
    """Rows for one article's notes block."""
    notes = split_notes(notes_block)
    markers = find_markers(body, [n.number for n in notes])
    same_as = link_same_as(notes)
    rows = []
    for note in notes:
        urls = extract_urls(note.text)
        offsets = sorted(markers.get(note.number, []))
        rows.append(
            {
                "article_id": article_id,
                "note_number": note.number,
                "text": note.text,
                "urls": urls,
                "domains": extract_domains(note.text, urls),
                "accessed_date": parse_accessed_date(note.text),
                "cited_title": cited_title(note.text),
                "marker_count": len(offsets),
                "same_as_note": same_as.get(note.number),
                "markers": offsets,
            }
        )
    return rows


def _row_footnotes(row: tuple[str, str, str]) -> list[dict[str, object]]:
    return article_footnotes(*row)


def build_footnotes(articles: pl.DataFrame, workers: int = 1) -> pl.DataFrame:
    """Notes of every article; articles are independent, so `workers` > 1 uses a pool."""
    with_notes = articles.filter(pl.col("notes_block").is_not_null())
    items = list(with_notes.select("article_id", "notes_block", "body").iter_rows())
    rows = [note for notes in ordered_map(_row_footnotes, items, workers) for note in notes]
    return pl.DataFrame(rows, schema=FOOTNOTES_SCHEMA)


def marker_spans(footnotes: pl.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """article_id -> [start, end) of every note marker in its body."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in footnotes.select("article_id", "note_number", "markers").iter_rows(named=True):
        width = len(str(row["note_number"]))
        spans.setdefault(row["article_id"], []).extend((m, m + width) for m in row["markers"])
    return spans
