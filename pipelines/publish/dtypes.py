"""One polars dtype, three vocabularies: a readable label, Table Schema and Croissant types."""

from __future__ import annotations

import polars as pl


def dtype_label(dtype: pl.DataType) -> str:
    """Readable type for the card and datapackage: string, int64, list<string>, struct<…>."""
    if isinstance(dtype, pl.List | pl.Array):
        return f"list<{dtype_label(dtype.inner)}>"
    if isinstance(dtype, pl.Struct):
        inner = ", ".join(f"{f.name}: {dtype_label(f.dtype)}" for f in dtype.fields)
        return f"struct<{inner}>"
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
        return "string"
    if dtype == pl.Boolean:
        return "bool"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    return str(dtype).lower()


def table_schema_type(dtype: pl.DataType) -> str:
    """Table Schema type of a column (string, integer, number, boolean, date, array, object)."""
    if isinstance(dtype, pl.List | pl.Array):
        return "array"
    if isinstance(dtype, pl.Struct):
        return "object"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float() or dtype.is_decimal():
        return "number"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype == pl.Date:
        return "date"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype == pl.Time:
        return "time"
    if isinstance(dtype, pl.Duration):
        return "duration"
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
        return "string"
    return "any"


def croissant_type(dtype: pl.DataType) -> str:
    """Croissant dataType of a scalar column, or of the items of a list column."""
    if isinstance(dtype, pl.List | pl.Array):
        return croissant_type(dtype.inner)
    if dtype.is_integer():
        return "sc:Integer"
    if dtype.is_float() or dtype.is_decimal():
        return "sc:Float"
    if dtype == pl.Boolean:
        return "sc:Boolean"
    if dtype == pl.Date:
        return "sc:Date"
    if isinstance(dtype, pl.Datetime):
        return "sc:DateTime"
    return "sc:Text"
