"""articles: one row per distinct post, validated."""

import polars as pl

from pipelines.assets.metadata import timed
from pipelines.assets.stage import Stage, stage_asset
from pipelines.rejects import rejects_frame
from pipelines.resources import CorpusSettings
from pipelines.tables.articles import add_languages, merge_sightings
from schemas import ArticlesSchema


@stage_asset(
    table="articles",
    description="One row per distinct post: sightings merged, provenance kept, validated.",
    rejects="article_rejects",
    rejects_description="Articles that failed validation, with the failed checks.",
    what="articles",
    inputs=["posts"],
    preview=["article_id", "title", "outlet", "word_count", "footnote_count", "sightings"],
    rejects_preview=["page", "reason"],
    group="enrich",
    model=ArticlesSchema,
)
def articles(settings: CorpusSettings, posts: pl.DataFrame) -> Stage:
    """Deduplicate post sightings into articles, detect language, count words and notes."""
    metadata: dict[str, object] = {}
    with timed(metadata, "dedupe_s"):
        merged = merge_sightings(posts, workers=settings.worker_count())
    with timed(metadata, "language_s"):
        frame = add_languages(merged)
    metadata["sightings"] = len(posts)
    metadata["merged_sightings"] = len(posts) - len(frame)
    return Stage(frame, rejects_frame([]), metadata)
