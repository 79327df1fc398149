"""Shared paths and fixtures for the three test tiers."""

from __future__ import annotations

import json
import logging
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


def materialize_into(raw: Path, out: Path, **settings: str) -> list[str]:
    """Materialise every asset with real Dagster, reading `raw` and writing `out` (stage
    tables and caches under `out`/.stages unless `storage_root` is given).

    Returns the warnings the run logged (what it set aside, for one).
    """
    return [
        entry.user_message
        for entry in _run_logs(raw, out, **settings)
        if entry.level == logging.WARNING and not entry.is_dagster_event
    ]


def materialize_metadata(raw: Path, out: Path, **settings: str) -> dict[str, dict]:
    """Materialise every asset as `materialize_into` does; each asset's metadata, by name."""
    found: dict[str, dict] = {}
    for entry in _run_logs(raw, out, **settings):
        event = entry.dagster_event
        if event is not None and event.is_step_materialization:
            materialization = event.step_materialization_data.materialization
            found[materialization.asset_key.to_user_string()] = {
                k: v.value for k, v in materialization.metadata.items()
            }
    return found


def ner_counts(metadata: dict[str, dict]) -> dict[str, int]:
    """Articles recognised and reused by NER, summed over the shards."""
    shards = [m for name, m in metadata.items() if name.startswith("ner_shard_")]
    assert shards, "no NER shard materialised"
    return {k: sum(m[k] for m in shards) for k in ("articles_recognised", "articles_reused")}


def _run_logs(raw: Path, out: Path, **settings: str) -> list:
    import dagster as dg

    from pipelines.definitions import ASSETS
    from pipelines.resources import CorpusSettings
    from pipelines.store import stage_store

    instance = dg.DagsterInstance.ephemeral()
    corpus = CorpusSettings(raw_dir=str(raw), outputs_dir=str(out), **settings)
    result = dg.materialize(
        ASSETS,
        resources={"settings": corpus, "io_manager": stage_store},
        selection="*",
        instance=instance,
    )
    assert result.success
    return list(instance.all_logs(result.run_id))
