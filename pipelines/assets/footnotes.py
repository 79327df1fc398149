"""footnotes: one row per numbered note, validated."""

import polars as pl

from pipelines.assets.stage import Stage, stage_asset
from pipelines.rejects import rejects_frame
from pipelines.resources import CorpusSettings
from pipelines.tables.footnotes import build_footnotes
from schemas import FootnotesSchema


def _with_urls(footnotes: pl.DataFrame) -> dict[str, object]:
    return {"with_urls": int((footnotes["urls"].list.len() > 0).sum())}


@stage_asset(
    table="footnotes",
    description="One row per numbered note: sources, domains, markers in the body.",
    rejects="footnote_rejects",
    rejects_description="Notes that failed validation, with the failed checks.",
    what="notes",
    inputs=["articles"],
    preview=["article_id", "note_number", "cited_title", "domains", "marker_count"],
    rejects_preview=["page", "reason"],
    group="enrich",
    model=FootnotesSchema,
    describe=_with_urls,
)
def footnotes(settings: CorpusSettings, articles: pl.DataFrame) -> Stage:
    """Split each article's notes block into notes; find URLs, titles, dates and markers."""
    return Stage(build_footnotes(articles, workers=settings.worker_count()), rejects_frame([]))
