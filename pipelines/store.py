"""Where stage tables and build caches live between steps and runs: Parquet files under one
UPath root (a local folder by default, any fsspec URL such as `s3://bucket/prefix` otherwise).

A Celery worker on another machine reads the tables its step needs from the same root, so the
root must be one every worker can reach (object storage on a cluster). `dagster-polars` would
do this job but does not support polars 2, hence this small IO manager.
"""

from __future__ import annotations

import dagster as dg
import polars as pl
from upath import UPath

from pipelines.cache import read_frame, write_frame
from pipelines.resources import CorpusSettings

TABLES = "tables"  # stage outputs, one file per asset


def table_path(root: UPath, asset_key: dg.AssetKey) -> UPath:
    return root.joinpath(TABLES, *asset_key.path).with_suffix(".parquet")


class StageStore(dg.IOManager):
    """Stage tables as Parquet files under one storage root."""

    def __init__(self, root: UPath) -> None:
        self.root = root

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        if obj is None:
            return
        if not isinstance(obj, pl.DataFrame):
            raise TypeError(
                f"{context.asset_key.to_user_string()}: the stage store keeps polars "
                f"DataFrames, not {type(obj).__name__}"
            )
        path = table_path(self.root, context.asset_key)
        write_frame(path, obj)
        context.add_output_metadata({"stored_at": str(path)})

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        path = table_path(self.root, context.asset_key)
        if not path.exists():
            raise dg.Failure(
                f"{context.asset_key.to_user_string()} has no stored table at {path}: "
                "materialize it first (sh scripts/build.sh builds everything)"
            )
        return read_frame(path)


@dg.io_manager(
    required_resource_keys={"settings"},
    description="Stage tables as Parquet under the settings' storage root (local or s3://).",
)
def stage_store(context: dg.InitResourceContext) -> StageStore:
    """The store at the root of the run's own settings (so a run config reaches it too)."""
    settings: CorpusSettings = context.resources.settings
    return StageStore(settings.storage_path())
