"""footnotes: one row per numbered note, validated."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import (
    outputs_with_rejects,
    outs_with_rejects,
    table_metadata,
    timed,
)
from pipelines.tables.footnotes import build_footnotes
from pipelines.tables.parallel import DEFAULT_WORKERS
from pipelines.validation import validate_rows
from schemas import FootnotesSchema


@dg.multi_asset(
    group_name="enrich",
    outs=outs_with_rejects(
        "footnotes",
        "One row per numbered note: sources, domains, markers in the body.",
        "footnote_rejects",
        "Notes that failed validation, with the failed checks.",
    ),
)
def footnotes(context: dg.AssetExecutionContext, articles: pl.DataFrame):
    """Split each article's notes block into notes; find URLs, titles, dates and markers."""
    metadata: dict[str, object] = {}
    with timed(metadata):
        frame = build_footnotes(articles, workers=DEFAULT_WORKERS)
        checked = validate_rows(frame, FootnotesSchema, "footnotes")
    metadata.update(
        table_metadata(
            checked.valid, ["article_id", "note_number", "cited_title", "domains", "marker_count"]
        )
    )
    metadata["with_urls"] = int((checked.valid["urls"].list.len() > 0).sum())
    metadata["rejected"] = len(checked.rejects)
    yield from outputs_with_rejects(
        context,
        ("footnotes", checked.valid, metadata),
        ("footnote_rejects", checked.rejects, ["page", "reason"]),
        "notes",
    )
