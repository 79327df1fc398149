"""Metadata a person looks at in the Dagster UI: row counts, a preview, timings."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import polars as pl

from pipelines.display import REASON_CHARS, cut
from schemas.catalog import TABLES

PREVIEW_ROWS = 5
PREVIEW_CHARS = 80
REASONS_LOGGED = 5  # the most frequent reasons a run's log names when rows are set aside
PLACES_LOGGED = 3  # articles (or pages) named per reason


def preview(frame: pl.DataFrame, columns: list[str] | None = None) -> dg.MetadataValue:
    """A small markdown table; long strings and lists are cut so the table stays readable."""
    shown = frame.select(columns or frame.columns[:6]).head(PREVIEW_ROWS)
    header = "| " + " | ".join(shown.columns) + " |"
    rule = "|" + "---|" * len(shown.columns)
    lines = [header, rule]
    for row in shown.iter_rows():
        cells = [cut(str(v).replace("|", "\\|").replace("\n", " "), PREVIEW_CHARS) for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return dg.MetadataValue.md("\n".join(lines))


def table_metadata(frame: pl.DataFrame, columns: list[str] | None = None) -> dict[str, object]:
    return {"dagster/row_count": len(frame), "preview": preview(frame, columns)}


@contextmanager
def timed(metadata: dict[str, object], key: str = "elapsed_s") -> Iterator[None]:
    """Record the elapsed seconds of the block under `key`."""
    start = time.perf_counter()
    yield
    metadata[key] = round(time.perf_counter() - start, 3)


def column_schema(table: str) -> dg.TableSchema | None:
    """The published table's columns with their types and descriptions, from its pandera
    model, for the UI's Columns tab (None for a table that is not published)."""
    model = TABLES.get(table)
    if model is None:
        return None
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=str(column.dtype),
                description=column.description,
                constraints=dg.TableColumnConstraints(
                    nullable=bool(column.nullable), unique=bool(column.unique)
                ),
            )
            for name, column in model.to_schema().columns.items()
        ]
    )


def set_aside_summary(rejects: pl.DataFrame, what: str) -> str | None:
    """One log line for the rows a stage set aside: how many, why, and where; None if none.

    Reasons are counted, most frequent first, each with the first pages (or articles) it hit,
    so a run on many pages still says what went wrong without a line per row. `rejects` is in
    REJECTS_SCHEMA, as every stage's rejects are.
    """
    if rejects.is_empty():
        return None
    # where a row came from: its article once there is one, else its page
    place = pl.coalesce(pl.col(c).replace("", None) for c in ("article_id", "page"))
    counted = (
        rejects.with_columns(place=place)
        .group_by("reason", maintain_order=True)
        .agg(
            n=pl.len(),
            places=pl.col("place").drop_nulls().unique(maintain_order=True).head(PLACES_LOGGED),
        )
        .sort("n", descending=True, maintain_order=True)
    )
    parts = [
        f"{cut(reason, REASON_CHARS)} ×{n}" + (f" ({', '.join(places)})" if places else "")
        for reason, n, places in counted.head(REASONS_LOGGED).iter_rows()
    ]
    more = len(counted) - REASONS_LOGGED
    tail = f"; and {more} other reasons" if more > 0 else ""
    return f"{len(rejects)} {what} set aside: " + "; ".join(parts) + tail
