"""Shared paths and fixtures for the three test tiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = ROOT / "data" / "raw"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def expected_posts() -> dict:
    """Hand-checked expectations for every post of the seed pages (see its `conventions`)."""
    return json.loads((FIXTURES / "expected_posts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parsed_pages() -> dict:
    from tests.pages import parse_folder

    return parse_folder(RAW_DIR)


def materialize_into(raw: Path, out: Path) -> list[str]:
    """Materialise every asset with real Dagster, reading `raw` and writing `out`.

    Returns the warnings the run logged (what it set aside, for one).
    """
    import logging

    import dagster as dg

    from pipelines.definitions import ASSETS
    from pipelines.resources import CorpusSettings

    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        ASSETS,
        resources={"settings": CorpusSettings(raw_dir=str(raw), outputs_dir=str(out))},
        selection="*",
        instance=instance,
    )
    assert result.success
    return [
        entry.user_message
        for entry in instance.all_logs(result.run_id)
        if entry.level == logging.WARNING and not entry.is_dagster_event
    ]
