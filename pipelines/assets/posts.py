"""posts: every post sighting on every page, cut into parts."""

import dagster as dg
import polars as pl

from pipelines.assets.stage import Stage, stage_asset
from pipelines.cache import cache_path, code_version, read_cache, write_frame
from pipelines.resources import CorpusSettings
from pipelines.tables.post_cache import PAGE_CACHE_SCHEMA, cached_posts

PAGE_CACHE = "posts_by_page"


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
    where = cache_path(settings.storage_path(), PAGE_CACHE)
    found = cached_posts(
        raw_pages, read_cache(where, PAGE_CACHE_SCHEMA), code_version(), workers=workers
    )
    write_frame(where, found.cache)
    frame = found.posts
    per_page = frame.group_by("page").len().sort("page")
    metadata: dict[str, object] = {
        "posts_per_page": dg.MetadataValue.md(
            "\n".join(f"- {p}: {n}" for p, n in per_page.iter_rows())
        ),
        "parse_workers": workers,
        "pages_parsed": found.parsed,
        "pages_reused": found.reused,
    }
    return Stage(frame, found.rejects, metadata)
