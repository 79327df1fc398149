"""Run a pandera model over a frame and split it into valid rows and rejected rows."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from pipelines.display import cut, one_line
from pipelines.rejects import rejects_frame, row_reject

MAX_REASON_VALUE = 80  # the offending value, as much as a person reads in a table cell
MAX_CHECK_CHARS = 40  # a check's parameters beyond this (isin's 180 codes) stay in the log
MAX_REASON_CHARS = 300  # a row failing many checks: the first ones, then an ellipsis


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
        reasons.setdefault(int(row["index"]), []).append(failure_reason(table, row))
    if len(indexed) != len(failures):  # a table-level failure (missing column, wrong dtype)
        raise ValueError(f"{table} does not fit its schema:\n{failures}")
    bad = sorted(reasons)
    keep = pl.Series([i not in reasons for i in range(len(frame))])
    rejected = frame[bad]
    rejects = rejects_frame(
        row_reject(row, cut("; ".join(reasons[i]), MAX_REASON_CHARS))
        for i, row in zip(bad, rejected.iter_rows(named=True), strict=True)
    )
    return Validated(frame.filter(keep), rejects, failures)


def check_name(check: str) -> str:
    """A pandera check as a person reads it: `greater_than_or_equal_to(1)` whole, but
    `isin([...180 codes...])` as `isin(…)`."""
    if len(check) <= MAX_CHECK_CHARS:
        return check
    name, paren, _ = check.partition("(")
    return f"{name}(…)" if paren else cut(check, MAX_CHECK_CHARS)


def failure_reason(table: str, failure: dict[str, object]) -> str:
    """One failed check in words; a row-level check names the check, a column check the
    value (cut): short enough to read in a table, the full failure being in the run's log."""
    check = check_name(str(failure["check"]))
    if not failure["column"] or failure["schema_context"] == "DataFrameSchema":
        return f"{table} failed {check}"
    value = one_line(str(failure["failure_case"]), MAX_REASON_VALUE)
    return f"{table}.{failure['column']} failed {check}: {value}"
