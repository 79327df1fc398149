"""rejects and dataset: everything set aside, and the written release."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import column_schema, table_metadata, timed
from pipelines.dataset.describe import VIEWS, column_comments
from pipelines.dataset.write import write_release
from pipelines.publish import documents_step
from pipelines.resources import CorpusSettings

INTERNAL_COLUMNS = {"articles": ["notes_block"]}


@dg.asset(
    group_name="publish",
    kinds={"polars"},
    metadata={"dagster/column_schema": column_schema("rejects")},
)
def rejects(
    context: dg.AssetExecutionContext,
    parse_rejects: pl.DataFrame,
    article_rejects: pl.DataFrame,
    footnote_rejects: pl.DataFrame,
    mention_rejects: pl.DataFrame,
) -> pl.DataFrame:
    """Every page, block or row set aside by any stage, with its stage, reason and raw text."""
    frame = pl.concat([parse_rejects, article_rejects, footnote_rejects, mention_rejects])
    frame = frame.sort("stage", "page", "first_line", "reason", nulls_last=True)
    by_stage = frame.group_by("stage").len().sort("stage")
    metadata = table_metadata(frame, ["page", "stage", "reason", "first_line"])
    metadata["by_stage"] = dg.MetadataValue.md(
        "\n".join(f"- {s}: {n}" for s, n in by_stage.iter_rows()) or "none"
    )
    if len(frame):
        context.log.warning(
            f"{len(frame)} rejects in total; see rejects.parquet in the outputs folder"
        )
    context.add_output_metadata(metadata)
    return frame


@dg.asset(group_name="publish", kinds={"parquet", "duckdb"})
def dataset(
    context: dg.AssetExecutionContext,
    settings: CorpusSettings,
    articles: pl.DataFrame,
    footnotes: pl.DataFrame,
    mentions: pl.DataFrame,
    rejects: pl.DataFrame,
) -> dg.MaterializeResult:
    """The published release: Parquet files and corpus.duckdb, replaced atomically."""
    tables = {
        "articles": articles.drop(INTERNAL_COLUMNS["articles"]),
        "footnotes": footnotes,
        "mentions": mentions,
        "rejects": rejects,
    }
    metadata: dict[str, object] = {}
    with timed(metadata):
        comments = column_comments()
        release = write_release(
            settings.outputs_path(),
            tables,
            comments,
            VIEWS,
            documents=documents_step(comments, repo_id=settings.hf_repo),
        )
    context.log.info(f"wrote release {release.folder.name} to {settings.outputs_path()}")
    metadata.update({f"rows_{name}": len(frame) for name, frame in tables.items()})
    metadata["files"] = dg.MetadataValue.md(
        "\n".join(
            f"- `{name}` ({path.stat().st_size:,} bytes)" for name, path in release.files.items()
        )
    )
    metadata["outputs_dir"] = dg.MetadataValue.path(str(settings.outputs_path()))
    return dg.MaterializeResult(metadata=metadata)
