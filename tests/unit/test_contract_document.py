"""Tier 1: docs/dataset.md is the pandera models rendered, never a stale copy."""

from __future__ import annotations

import dagster as dg

from pipelines.dataset.contract import DOCUMENT, render
from pipelines.definitions import defs
from schemas.catalog import TABLES


def test_the_committed_contract_matches_the_models():
    assert DOCUMENT.read_text(encoding="utf-8") == render(), (
        "docs/dataset.md is stale: run `uv run python -m pipelines.dataset.contract`"
    )


def test_every_column_of_every_model_is_in_the_contract():
    document = render()
    for table, model in TABLES.items():
        assert f"## {table}" in document
        for name in model.to_schema().columns:
            assert f"| `{name}` |" in document, (table, name)


def test_each_table_asset_lists_its_columns_for_the_ui():
    graph = defs().resolve_asset_graph()
    for table, model in TABLES.items():
        schema = graph.get(dg.AssetKey(table)).metadata["dagster/column_schema"]
        columns = {column.name: column for column in schema.columns}
        for name, column in model.to_schema().columns.items():
            assert columns[name].description == column.description, (table, name)
            assert columns[name].constraints.nullable == bool(column.nullable), (table, name)
