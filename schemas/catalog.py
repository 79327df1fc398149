"""The published tables by name, and what each model declares beyond its checks: the polars
dtypes builders use, the key, the reference to a parent table and what one row is.

Everything that lists columns (table builders, DuckDB comments, card, datapackage, croissant,
the Dagster column schema, docs/dataset.md) reads them from here, so a column is declared
once: in its pandera model.
"""

from __future__ import annotations

from collections.abc import Collection

import pandera.polars as pa
import polars as pl

from schemas.articles import ArticlesSchema
from schemas.footnotes import FootnotesSchema
from schemas.mentions import MentionsSchema
from schemas.rejects import RejectsSchema

# Contract tables in the order documents list them.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticlesSchema,
    "footnotes": FootnotesSchema,
    "mentions": MentionsSchema,
    "rejects": RejectsSchema,
}


def polars_schema(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    """Column name -> polars dtype, in the model's column order."""
    return {name: column.dtype.type for name, column in model.to_schema().columns.items()}


def _declared(table: str, what: str) -> object:
    model = TABLES.get(table)
    metadata = getattr(model.Config, "metadata", None) if model else None
    return (metadata or {}).get(what)


def primary_key(table: str) -> tuple[str, ...] | None:
    """The columns unique together (the model's Config.unique) or the one unique column."""
    model = TABLES.get(table)
    if model is None:
        return None
    if together := getattr(model.Config, "unique", None):
        return tuple(together)
    unique = [name for name, column in model.to_schema().columns.items() if column.unique]
    return tuple(unique[:1]) or None


def reference(table: str) -> tuple[str, str, str] | None:
    """(column, parent table, parent column) the table's rows refer to, if any."""
    found = _declared(table, "references")
    return tuple(found) if found else None  # type: ignore[return-value]


def row_meaning(table: str) -> str:
    """What one row of the table is ("distinct post"); "record" for a table not declared."""
    return str(_declared(table, "row") or "record")


def present_key(table: str, columns: Collection[str]) -> tuple[str, ...] | None:
    """The table's primary key, when every one of its columns is in the table."""
    key = primary_key(table)
    return key if key and all(column in columns for column in key) else None


def present_reference(
    table: str, columns: Collection[str], tables: Collection[str]
) -> tuple[str, str, str] | None:
    """The table's reference to its parent, when both the column and the parent exist."""
    found = reference(table)
    if found and found[0] in columns and found[1] in tables:
        return found
    return None
