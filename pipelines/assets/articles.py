"""articles: one row per distinct post, validated."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import outs_with_rejects, table_metadata, timed
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
    if len(checked.rejects):
        context.log.warning(f"{len(checked.rejects)} articles failed validation, set aside")
    valid = checked.valid
    metadata.update(
        table_metadata(
            valid, ["article_id", "title", "outlet", "word_count", "footnote_count", "sightings"]
        )
    )
    metadata["sightings"] = len(posts)
    metadata["merged_sightings"] = len(posts) - len(frame)
    metadata["rejected"] = len(checked.rejects)
    yield dg.Output(valid, output_name="articles", metadata=metadata)
    yield dg.Output(
        checked.rejects,
        output_name="article_rejects",
        metadata=table_metadata(checked.rejects, ["page", "reason"]),
    )
