"""Tier 3: a rebuild after adding or removing a page redoes only what changed and writes the
same bytes as a build from scratch of the same pages (real Dagster, real files)."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import RAW_DIR, materialize_metadata, ner_counts

TABLES = ("articles", "footnotes", "mentions", "rejects")
SEEDS = sorted(RAW_DIR.glob("*.txt"))


def _release_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


def _use(raw: Path, pages: list[Path]) -> None:
    for old in raw.glob("*.txt"):
        old.unlink()
    for page in pages:
        shutil.copy(page, raw / page.name)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> dict[str, object]:
    """One output folder rebuilt after each change, and a scratch build of each state."""
    root = tmp_path_factory.mktemp("incremental")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    states: dict[str, object] = {}
    for state, pages in (("three", SEEDS[:3]), ("four", SEEDS), ("without_first", SEEDS[1:])):
        _use(raw, pages)
        states[f"{state}_metadata"] = materialize_metadata(raw, out)
        states[f"{state}_bytes"] = _release_bytes(out)
        states[f"{state}_cache"] = pl.read_parquet(out / ".stages/cache/posts_by_page.parquet")
        if state != "three":
            scratch = root / f"scratch_{state}"
            materialize_metadata(raw, scratch)
            states[f"{state}_scratch"] = _release_bytes(scratch)
    return states


def test_an_added_page_is_the_only_page_parsed(rebuilt):
    assert rebuilt["three_metadata"]["posts"]["pages_parsed"] == 3
    assert rebuilt["four_metadata"]["posts"]["pages_parsed"] == 1
    assert rebuilt["four_metadata"]["posts"]["pages_reused"] == 3


def test_only_articles_with_new_text_run_ner(rebuilt):
    first = ner_counts(rebuilt["three_metadata"])
    added = ner_counts(rebuilt["four_metadata"])
    assert first["articles_reused"] == 0
    assert added["articles_reused"] > 0
    assert (
        0
        < added["articles_recognised"]
        < first["articles_recognised"] + added["articles_recognised"]
    )
    assert ner_counts(rebuilt["without_first_metadata"])["articles_recognised"] == 0


def test_adding_a_page_gives_the_bytes_of_a_build_from_scratch(rebuilt):
    assert rebuilt["four_bytes"] == rebuilt["four_scratch"]


def test_removing_a_page_gives_the_bytes_of_a_build_from_scratch(rebuilt):
    assert rebuilt["without_first_bytes"] == rebuilt["without_first_scratch"]
    assert rebuilt["without_first_metadata"]["posts"]["pages_parsed"] == 0


def test_a_removed_page_leaves_the_cache(rebuilt):
    assert SEEDS[0].name in rebuilt["four_cache"]["page"].to_list()
    assert SEEDS[0].name not in rebuilt["without_first_cache"]["page"].to_list()
    assert sorted(rebuilt["without_first_cache"]["page"]) == [p.name for p in SEEDS[1:]]
