"""raw_pages: the input files, decoded, with their header kind."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import table_metadata, timed
from pipelines.resources import CorpusSettings
from pipelines.tables.pages import list_pages, pages_frame


@dg.asset(group_name="parse", kinds={"polars"})
def raw_pages(context: dg.AssetExecutionContext, settings: CorpusSettings) -> pl.DataFrame:
    """One row per input page: bytes, checksum, encoding, header kind and value, or its error."""
    metadata: dict[str, object] = {}
    with timed(metadata):
        files = list_pages(settings.raw_path())
        if not files:
            raise dg.Failure(f"no input pages (*.txt) in {settings.raw_path()}")
        frame = pages_frame(files, settings.max_page_bytes, settings.raw_path())
    bad = frame.filter(pl.col("error").is_not_null())
    for row in bad.iter_rows(named=True):
        context.log.warning(f"unreadable page, set aside: {row['error']}")
    metadata.update(
        table_metadata(
            frame, ["page", "n_bytes", "encoding", "header_kind", "header_value", "error"]
        )
    )
    metadata["unreadable_pages"] = len(bad)
    metadata["raw_dir"] = str(settings.raw_path())
    context.add_output_metadata(metadata)
    return frame
