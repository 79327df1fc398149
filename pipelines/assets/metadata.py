"""Metadata a person looks at in the Dagster UI: row counts, a preview, timings."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import polars as pl

PREVIEW_ROWS = 5
PREVIEW_CHARS = 60


def preview(frame: pl.DataFrame, columns: list[str] | None = None) -> dg.MetadataValue:
    """A small markdown table; long strings and lists are cut so the table stays readable."""
    shown = frame.select(columns or frame.columns[:6]).head(PREVIEW_ROWS)
    header = "| " + " | ".join(shown.columns) + " |"
    rule = "|" + "---|" * len(shown.columns)
    lines = [header, rule]
    for row in shown.iter_rows():
        cells = [str(v).replace("|", "\\|").replace("\n", " ")[:PREVIEW_CHARS] for v in row]
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


def outs_with_rejects(
    table: str,
    description: str,
    rejects: str,
    rejects_description: str,
    kinds: frozenset[str] = frozenset(),
) -> dict[str, dg.AssetOut]:
    """A stage's two outputs: its table, and the rows it set aside."""
    return {
        table: dg.AssetOut(description=description, kinds={"polars", *kinds}),
        rejects: dg.AssetOut(description=rejects_description, kinds={"polars"}),
    }
