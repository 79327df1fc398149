"""posts: every post sighting on every page, cut into parts."""

import dagster as dg
import polars as pl

from pipelines.assets.stage import Stage, stage_asset
from pipelines.rejects import rejects_frame
from pipelines.resources import CorpusSettings
from pipelines.tables.posts import page_rejects, parse_pages, posts_frame


@stage_asset(
    table="posts",
    description="Every post found on every page (one row per sighting), cut into parts.",
    rejects="parse_rejects",
    rejects_description="Pages and blocks the reader or parser could not place, with reasons.",
    what="pages or blocks",
    inputs=["raw_pages"],
    preview=["page", "first_line", "last_line", "title", "outlet"],
    rejects_preview=["page", "stage", "reason"],
    group="parse",
)
def posts(settings: CorpusSettings, raw_pages: pl.DataFrame) -> Stage:
    """Find the posts on each page and cut them into intro, title, front matter, body, notes."""
    workers = settings.worker_count()
    parsed = parse_pages(raw_pages, workers=workers)
    frame = posts_frame(parsed)
    per_page = frame.group_by("page").len().sort("page")
    metadata: dict[str, object] = {
        "posts_per_page": dg.MetadataValue.md(
            "\n".join(f"- {p}: {n}" for p, n in per_page.iter_rows())
        ),
        "parse_workers": workers,
    }
    return Stage(frame, rejects_frame(page_rejects(raw_pages, parsed)), metadata)
