"""Tier 1: docs/dataset.md is the pandera models rendered, never a stale copy."""

from __future__ import annotations

from pipelines.dataset.contract import DOCUMENT, render
from pipelines.dataset.describe import MODELS


def test_the_committed_contract_matches_the_models():
    assert DOCUMENT.read_text(encoding="utf-8") == render(), (
        "docs/dataset.md is stale: run `uv run python -m pipelines.dataset.contract`"
    )


def test_every_column_of_every_model_is_in_the_contract():
    document = render()
    for table, model in MODELS.items():
        assert f"## {table}" in document
        for name in model.to_schema().columns:
            assert f"| `{name}` |" in document, (table, name)
