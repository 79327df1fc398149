"""The Dagster code location: every asset, check and resource of the pipeline.

The definitions are built when Dagster loads them (`@dg.definitions`), not at import, so the
settings read the environment of the run that loads them.
"""

from __future__ import annotations

import dagster as dg

from pipelines.assets.articles import articles
from pipelines.assets.dataset import dataset, rejects
from pipelines.assets.footnotes import footnotes
from pipelines.assets.mentions import mentions
from pipelines.assets.ner_shards import NER_SHARD_ASSETS
from pipelines.assets.pages import raw_pages
from pipelines.assets.posts import posts
from pipelines.checks import CHECKS
from pipelines.executors import executor_for
from pipelines.resources import settings_for_dagster, settings_from_environment
from pipelines.store import stage_store

ASSETS = (raw_pages, posts, articles, footnotes, *NER_SHARD_ASSETS, mentions, rejects, dataset)


@dg.definitions
def defs() -> dg.Definitions:
    """Assets, checks, the settings, the stage store and the executor the settings choose."""
    settings = settings_for_dagster()
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        resources={"settings": settings, "io_manager": stage_store},
        executor=executor_for(settings_from_environment()),
        jobs=[
            dg.define_asset_job(
                "build_dataset",
                selection=dg.AssetSelection.all(),
                description="Parse, dedupe, enrich, validate and write the dataset.",
            )
        ],
    )
