"""The dataset card's generated parts: markdown cells and tables, a table's section with its
keys and columns, and the tables of "The corpus at a glance"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl
import pycountry

from pipelines.dataset.layout import CHART_NAME
from pipelines.publish import glance
from pipelines.publish.dtypes import dtype_label
from schemas.catalog import present_key, reference, row_meaning


def language_names(codes: Sequence[str]) -> str:
    """'English (en)' for ISO 639-1 codes, from pycountry's bundled tables."""
    names = []
    for code in codes:
        language = pycountry.languages.get(alpha_2=code)
        names.append(f"{language.name} ({code})" if language else code)
    return ", ".join(names)


def md_cell(value: object) -> str:
    """A value as one markdown table cell: no pipes or line breaks, empty as an em dash."""
    if value is None or value == "":
        return "—"
    return str(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def md_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(md_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def count(frame: pl.DataFrame | None, expr: pl.Expr) -> int:
    if frame is None:
        return 0
    try:
        return int(frame.select(expr).item() or 0)
    except pl.exceptions.ColumnNotFoundError:
        return 0


def share(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,} ({part / whole:.0%})" if whole else "0 of 0"


def _columns_table(frame: pl.DataFrame, comments: Mapping[str, str]) -> str:
    rows = [
        (
            f"`{name}`",
            f"`{dtype_label(dtype)}`",
            f"{frame[name].null_count():,}",
            comments.get(name),
        )
        for name, dtype in frame.schema.items()
    ]
    return md_table(["column", "type", "nulls", "meaning"], rows)


def table_section(name: str, frame: pl.DataFrame, comments: Mapping[str, str]) -> str:
    keys = []
    key = present_key(name, frame.columns)
    if key:
        keys.append("unique key: " + ", ".join(f"`{c}`" for c in key))
    if refers := reference(name):
        column, parent, parent_column = refers
        keys.append(f"`{column}` refers to `{parent}.{parent_column}`")
    lines = [
        f"### `{name}`",
        "",
        md_cell(comments.get("") or f"One row per {row_meaning(name)}."),
        "",
        f"{frame.height:,} rows, {frame.width} columns, file `{name}.parquet`"
        + (" (" + "; ".join(keys) + ")" if keys else "")
        + ".",
        "",
        _columns_table(frame, comments),
    ]
    return "\n".join(lines)


def glance_section(tables: Mapping[str, pl.DataFrame]) -> str:
    years = glance.articles_per_year(tables)
    outlets = glance.articles_per_outlet(tables)
    entities = glance.top_entities(tables)
    domains = glance.top_domains(tables)
    entity_rows = [
        (
            row["entity"],
            row["label"],
            f"[{row['entity_id']}](https://www.wikidata.org/wiki/{row['entity_id']})"
            if row["entity_id"]
            else None,
            f"{row['mentions']:,}",
            f"{row['articles']:,}",
        )
        for row in entities.iter_rows(named=True)
    ]
    return "\n".join(
        [
            "## The corpus at a glance",
            "",
            f"![Articles per year and per outlet]({CHART_NAME})",
            "",
            "### Articles per year",
            "",
            md_table(["year", "articles"], years.rows()),
            "",
            "### Articles per outlet",
            "",
            md_table(["outlet", "articles"], outlets.rows()),
            "",
            f"### Top {glance.TOP_N} entities by mentions",
            "",
            md_table(["entity", "label", "Wikidata", "mentions", "articles"], entity_rows),
            "",
            f"### Top {glance.TOP_N} cited domains",
            "",
            md_table(["domain", "citations", "articles"], domains.rows()),
        ]
    )
