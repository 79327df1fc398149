"""Building polars columns from Python lists, the fast way for each type."""

from __future__ import annotations

import polars as pl
import pyarrow as pa

# List columns go through pyarrow, which converts nested lists in one pass where polars
# builds a Series for every row's list.
ARROW_LISTS = {
    pl.List(pl.String): pa.list_(pa.large_string()),
    pl.List(pl.Int64): pa.list_(pa.int64()),
}


def column(name: str, values: list[object], dtype: pl.DataType) -> pl.Series:
    """A Series of `dtype` from Python values (None for null)."""
    arrow = ARROW_LISTS.get(dtype)
    if arrow is not None:
        return pl.Series(name, pa.array(values, type=arrow)).cast(dtype)
    return pl.Series(name, values, dtype=dtype)


def frame(columns: dict[str, list[object]], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A frame of `schema` from one list of values per column."""
    return pl.DataFrame([column(name, columns[name], dtype) for name, dtype in schema.items()])
