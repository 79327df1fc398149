"""articles: one row per distinct post, validated."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import (
    outputs_with_rejects,
    outs_with_rejects,
    table_metadata,
    timed,
)
from pipelines.tables.articles import add_languages, merge_sightings
from pipelines.tables.parallel import DEFAULT_WORKERS
from pipelines.validation import validate_rows
from schemas import ArticlesSchema


@dg.multi_asset(
    group_name="enrich",
    outs=outs_with_rejects(
        "articles",
        "One row per distinct post: sightings merged, provenance kept, validated.",
        "article_rejects",
        "Articles that failed validation, with the failed checks.",
    ),
)
def articles(context: dg.AssetExecutionContext, posts: pl.DataFrame):
    """Deduplicate post sightings into articles, detect language, count words and notes."""
    metadata: dict[str, object] = {}
    with timed(metadata):
        with timed(metadata, "dedupe_s"):
            merged = merge_sightings(posts, workers=DEFAULT_WORKERS)
        with timed(metadata, "language_s"):
            frame = add_languages(merged)
        checked = validate_rows(frame, ArticlesSchema, "articles")
    valid = checked.valid
    metadata.update(
        table_metadata(
            valid, ["article_id", "title", "outlet", "word_count", "footnote_count", "sightings"]
        )
    )
    metadata["sightings"] = len(posts)
    metadata["merged_sightings"] = len(posts) - len(frame)
    metadata["rejected"] = len(checked.rejects)
    yield from outputs_with_rejects(
        context,
        ("articles", valid, metadata),
        ("article_rejects", checked.rejects, ["page", "reason"]),
        "articles",
    )
