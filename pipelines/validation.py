"""Run a pandera model over a frame and split it into valid rows and rejected rows."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from pipelines.rejects import rejects_frame, row_reject

MAX_REASON_VALUE = 200


@dataclass(frozen=True)
class Validated:
    valid: pl.DataFrame
    rejects: pl.DataFrame  # rows in REJECTS_SCHEMA, stage "validate"
    failures: pl.DataFrame  # pandera's failure cases, for the asset metadata


def validate_rows(frame: pl.DataFrame, model: type[pa.DataFrameModel], table: str) -> Validated:
    """Validate lazily (every failure at once); rows named by a failure move to rejects."""
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        failures = err.failure_cases
    else:
        return Validated(frame, rejects_frame([]), pl.DataFrame())
    indexed = failures.filter(pl.col("index").is_not_null())
    reasons: dict[int, list[str]] = {}
    for row in indexed.iter_rows(named=True):
        reasons.setdefault(int(row["index"]), []).append(_reason(table, row))
    if len(indexed) != len(failures):  # a table-level failure (missing column, wrong dtype)
        raise ValueError(f"{table} does not fit its schema:\n{failures}")
    bad = sorted(reasons)
    keep = pl.Series([i not in reasons for i in range(len(frame))])
    rejected = frame[bad]
    rejects = rejects_frame(
        row_reject(row, "; ".join(reasons[i]))
        for i, row in zip(bad, rejected.iter_rows(named=True), strict=True)
    )
    return Validated(frame.filter(keep), rejects, failures)


def _reason(table: str, failure: dict[str, object]) -> str:
    """One failed check in words; a row-level check names the check, a column check the value."""
    if not failure["column"] or failure["schema_context"] == "DataFrameSchema":
        return f"{table} failed {failure['check']}"
    value = str(failure["failure_case"])
    if len(value) > MAX_REASON_VALUE:
        value = value[:MAX_REASON_VALUE] + "…"
    return f"{table}.{failure['column']} failed {failure['check']}: {value}"
