"""The Dagster code location: every asset, check and resource of the pipeline."""

from __future__ import annotations

import dagster as dg

from pipelines.assets.articles import articles
from pipelines.assets.dataset import dataset, rejects
from pipelines.assets.footnotes import footnotes
from pipelines.assets.mentions import mentions
from pipelines.assets.pages import raw_pages
from pipelines.assets.posts import posts
from pipelines.checks import CHECKS
from pipelines.resources import CorpusPaths

defs = dg.Definitions(
    assets=[raw_pages, posts, articles, footnotes, mentions, rejects, dataset],
    asset_checks=CHECKS,
    resources={"paths": CorpusPaths()},
    executor=dg.in_process_executor,  # steps are cheap; process start-up cost more than they do
    jobs=[
        dg.define_asset_job(
            "build_dataset",
            selection=dg.AssetSelection.all(),
            description="Parse, dedupe, enrich, validate and write the dataset.",
        )
    ],
)
