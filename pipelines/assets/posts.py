"""posts: every post sighting on every page, cut into parts."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import (
    outputs_with_rejects,
    outs_with_rejects,
    table_metadata,
    timed,
)
from pipelines.tables.parallel import DEFAULT_WORKERS
from pipelines.tables.posts import (
    page_rejects,
    parse_pages,
    posts_frame,
    rejects_frame,
)


@dg.multi_asset(
    group_name="parse",
    outs=outs_with_rejects(
        "posts",
        "Every post found on every page (one row per sighting), cut into parts.",
        "parse_rejects",
        "Pages and blocks the reader or parser could not place, with reasons.",
    ),
)
def posts(context: dg.AssetExecutionContext, raw_pages: pl.DataFrame):
    """Find the posts on each page and cut them into intro, title, front matter, body, notes."""
    metadata: dict[str, object] = {}
    with timed(metadata):
        parsed = parse_pages(raw_pages, workers=DEFAULT_WORKERS)
        frame = posts_frame(parsed)
        rejects = rejects_frame(page_rejects(raw_pages, parsed))
    per_page = frame.group_by("page").len().sort("page")
    metadata.update(table_metadata(frame, ["page", "first_line", "last_line", "title", "outlet"]))
    metadata["posts_per_page"] = dg.MetadataValue.md(
        "\n".join(f"- {p}: {n}" for p, n in per_page.iter_rows())
    )
    metadata["rejects"] = len(rejects)
    metadata["parse_workers"] = DEFAULT_WORKERS
    yield from outputs_with_rejects(
        context,
        ("posts", frame, metadata),
        ("parse_rejects", rejects, ["page", "stage", "reason"]),
        "pages or blocks",
    )
