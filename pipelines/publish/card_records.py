"""The dataset card's example records: one real row per table, chosen deterministically and
cut to a readable size."""

from __future__ import annotations

import datetime
import json

import polars as pl

from schemas.catalog import present_key

MAX_TEXT = 160  # characters of a string value shown before the ellipsis
MAX_ITEMS = 3  # items of a list value shown before the "… N more" marker
ELLIPSIS = "…"


def _empty(name: str, dtype: pl.DataType) -> pl.Expr:
    """True where a value says nothing: null, an empty string or an empty list."""
    column = pl.col(name)
    if isinstance(dtype, pl.List):
        return column.is_null() | (column.list.len() == 0)
    if dtype == pl.String:
        return column.is_null() | (column == "")
    return column.is_null()


def example_row(name: str, frame: pl.DataFrame) -> dict[str, object] | None:
    """The row with the fewest empty fields, the first by the table's key among those; None
    for an empty table."""
    if not frame.height:
        return None
    empties = pl.sum_horizontal(
        _empty(column, dtype).cast(pl.Int32) for column, dtype in frame.schema.items()
    )
    key = list(present_key(name, frame.columns) or [])
    # The key decides; the other plain columns only break ties, so the choice is stable.
    order = key + [c for c in frame.columns if c not in key]
    sortable = [c for c in order if not isinstance(frame.schema[c], pl.List | pl.Struct)]
    ranked = frame.with_columns(empties.alias("__empties")).sort(
        ["__empties", *sortable], maintain_order=True
    )
    return ranked.drop("__empties").row(0, named=True)


def shorten(value: object) -> object:
    """A value cut for display: long text ends in an ellipsis, long lists say how many more."""
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[:MAX_TEXT].rstrip() + ELLIPSIS
    if isinstance(value, dict):
        return {key: shorten(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        shown = [shorten(item) for item in value[:MAX_ITEMS]]
        hidden = len(value) - MAX_ITEMS
        return [*shown, f"{ELLIPSIS} {hidden} more"] if hidden > 0 else shown
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def record_json(row: dict[str, object]) -> str:
    """A shortened row as indented JSON, in column order."""
    return json.dumps(shorten(row), indent=2, ensure_ascii=False)


def example_block(name: str, frame: pl.DataFrame) -> str:
    """The markdown paragraph and JSON block showing one row of a table."""
    row = example_row(name, frame)
    if row is None:
        return f"No `{name}` rows in this version, so no example record."
    key = present_key(name, frame.columns)
    chosen = "the first by " + ", ".join(f"`{c}`" for c in key) if key else "the first"
    return "\n".join(
        [
            f"Example record (a real row: of the rows with the fewest empty fields, {chosen}; "
            f"text cut after {MAX_TEXT} characters and lists after {MAX_ITEMS} items, "
            f"marked {ELLIPSIS}):",
            "",
            "```json",
            record_json(row),
            "```",
        ]
    )
