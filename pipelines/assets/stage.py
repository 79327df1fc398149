"""One factory for the stages that set rows aside: each stage's asset is its table and its
rejects, validated against the table's pandera model, with metadata and a warning in the run's
log when anything was set aside. A stage module then holds only what is its own."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import dagster as dg
import pandera.polars as pa
import polars as pl

from pipelines.assets.metadata import column_schema, set_aside_summary, table_metadata, timed
from pipelines.validation import validate_rows

LOGGED_FAILURES = 1000  # enough to see every kind of failure; the rest are counted


@dataclass
class Stage:
    """What a stage's function returns: its table, what it set aside, its own metadata."""

    table: pl.DataFrame
    rejects: pl.DataFrame
    metadata: dict[str, object] = field(default_factory=dict)


StageFunction = Callable[..., Stage]  # (settings, **inputs) -> Stage
Describe = Callable[[pl.DataFrame], dict[str, object]]


def _no_more(_: pl.DataFrame) -> dict[str, object]:
    return {}


def stage_asset(
    *,
    table: str,
    description: str,
    rejects: str,
    rejects_description: str,
    what: str,
    inputs: Sequence[str],
    preview: Sequence[str],
    rejects_preview: Sequence[str],
    group: str,
    model: type[pa.DataFrameModel] | None = None,
    describe: Describe = _no_more,
    kinds: frozenset[str] = frozenset(),
) -> Callable[[StageFunction], dg.AssetsDefinition]:
    """A multi-asset of `table` and `rejects` from `fn(settings, **inputs) -> Stage`.

    With a `model`, rows that fail it join the stage's own rejects (after them); `describe`
    adds metadata computed on the validated table. The function's docstring describes the
    step in the UI; `what` names the rows in the set-aside warning ("notes").
    """
    schema = column_schema(table)
    outs = {
        table: dg.AssetOut(
            description=description,
            kinds={"polars", *kinds},
            metadata={"dagster/column_schema": schema} if schema else None,
        ),
        rejects: dg.AssetOut(description=rejects_description, kinds={"polars"}),
    }

    def decorate(fn: StageFunction) -> dg.AssetsDefinition:
        @dg.multi_asset(
            name=fn.__name__,
            group_name=group,
            outs=outs,
            ins={name: dg.AssetIn() for name in inputs},
            required_resource_keys={"settings"},
            description=fn.__doc__,
        )
        def _asset(
            context: dg.AssetExecutionContext, **frames: pl.DataFrame
        ) -> Iterator[dg.Output]:
            metadata: dict[str, object] = {}
            with timed(metadata):
                stage = fn(context.resources.settings, **frames)
                valid, set_aside = stage.table, stage.rejects
                if model is not None:
                    checked = validate_rows(valid, model, table)
                    valid, set_aside = checked.valid, pl.concat([set_aside, checked.rejects])
                    if len(checked.failures):  # rejects hold short reasons; the log, the detail
                        shown = checked.failures.head(LOGGED_FAILURES)
                        context.log.info(
                            f"{table}: pandera failure cases ({len(shown)} of "
                            f"{len(checked.failures)}):\n" + shown.write_csv()
                        )
            metadata.update(stage.metadata)
            metadata.update(table_metadata(valid, list(preview)))
            metadata.update(describe(valid))
            metadata["rejected"] = len(set_aside)
            summary = set_aside_summary(set_aside, what)
            if summary is not None:
                context.log.warning(f"{summary} (in {rejects})")
            yield dg.Output(valid, output_name=table, metadata=metadata)
            yield dg.Output(
                set_aside,
                output_name=rejects,
                metadata=table_metadata(set_aside, list(rejects_preview)),
            )

        return _asset

    return decorate
