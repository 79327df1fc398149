"""Tier 1: the dataset card (header, columns, counts) and loading the release with `datasets`.

Card checks run on the synthetic release and on a copy of the built outputs/ when there is one;
`datasets` runs offline with a private cache.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from pipelines.dataset.describe import column_comments
from pipelines.dataset.layout import CHART_NAME
from pipelines.publish.card_header import SIZE_CATEGORIES, size_category
from pipelines.publish.metadata import CURATOR_CONTACT
from tests.unit.publish_fixtures import (
    TABLES,
    VERSION,
    build_outputs,
    parquet_columns,
    synthetic_tables,
)

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
# The Hub's sub-tasks of the two categories the card uses, as huggingface.js lists them
# (PIPELINE_DATA in packages/tasks/src/pipelines.ts).
HUB_SUBTASKS = {
    "token-classification": {
        "named-entity-recognition",
        "part-of-speech",
        "parsing",
        "lemmatization",
        "word-sense-disambiguation",
        "coreference-resolution",
    },
    "text-retrieval": {
        "document-retrieval",
        "utterance-retrieval",
        "entity-linking-retrieval",
        "fact-checking-retrieval",
    },
}


def front_matter(card: str) -> dict[str, Any]:
    match = FRONT_MATTER.match(card)
    assert match, "the card does not open with a --- YAML block ---"
    return yaml.safe_load(match["yaml"])


# --- dataset card ----------------------------------------------------------------------------


def test_card_header_has_license_sizes_tasks_and_one_config_per_table(release: Path):
    meta = front_matter((release / "README.md").read_text(encoding="utf-8"))
    assert meta["license"] == "cc-by-4.0"
    assert meta["language"] == ["en"]
    assert meta["pretty_name"]
    rows = pl.read_parquet(release / "articles.parquet").height
    assert meta["size_categories"] == [size_category(rows)]
    assert meta["task_categories"] == ["token-classification", "text-retrieval"]
    for task_id in meta["task_ids"]:  # each a sub-task of one of the card's categories
        assert any(task_id in HUB_SUBTASKS[category] for category in meta["task_categories"])
    assert meta["tags"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    # one config per table; an empty table has none, as `datasets` cannot load it
    non_empty = [t for t in TABLES if pl.read_parquet(release / f"{t}.parquet").height]
    assert sorted(configs) == sorted(non_empty)
    for name, config in configs.items():
        paths = [entry["path"] for entry in config["data_files"]]
        assert paths == [f"{name}.parquet"]
        assert (release / paths[0]).is_file()
    assert [c["config_name"] for c in meta["configs"] if c.get("default")] == ["articles"]


def test_card_documents_every_column_and_embeds_the_chart(release: Path):
    card = (release / "README.md").read_text(encoding="utf-8")
    comments = column_comments()
    for table in TABLES:
        section = card.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0]
        for column in parquet_columns(release, table):
            row = next(line for line in section.splitlines() if line.startswith(f"| `{column}`"))
            if comments[table].get(column):
                assert comments[table][column].split("|")[0].strip()[:30] in row
    assert f"![Articles per year and per outlet]({CHART_NAME})" in card
    assert (release / CHART_NAME).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    for heading in (
        "## Motivation",
        "## Composition",
        "## Collection and processing",
        "## The corpus at a glance",
        "## Known limitations",
        "## License",
        "## How to cite",
        "## Version and changelog",
    ):
        assert heading in card
    assert f"version      = {{{VERSION}}}" in card
    assert "copyright in the article texts" in card


def test_card_counts_come_from_the_data(tmp_path: Path):
    folder = build_outputs(tmp_path / "outputs", synthetic_tables())
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "| 2020 | 1 |" in card and "| 2021 | 1 |" in card and "| unknown | 1 |" in card
    assert "| The Diplomat | 1 |" in card and "| unknown | 1 |" in card
    assert "| China | GPE | [Q148](https://www.wikidata.org/wiki/Q148) | 1 | 1 |" in card
    assert "| example.org | 1 | 1 |" in card and "| rferl.org | 1 | 1 |" in card
    assert "3 articles" in card and "3 footnotes" in card and "4 entity mentions" in card


def test_card_has_examples_quality_source_and_sensitive_sections(release: Path):
    card = (release / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        section = card.split(f"### `{table}`", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
        if pl.read_parquet(release / f"{table}.parquet").height:
            assert "Example record" in section and "```json" in section
        else:
            assert "no example record" in section
    for heading in (
        "## Source data",
        "## Mention quality",
        "## Personal and sensitive information",
    ):
        assert heading in card
    assert CURATOR_CONTACT in card
    assert "outlets by one analyst" in card and not re.search(r"outlets by [\d,]+ authors", card)
    quality = card.split("## Mention quality", 1)[1].split("\n## ", 1)[0]
    assert "ner_gold_heldout.jsonl" in quality and "mentions carry a Wikidata id" in quality


def test_card_on_the_synthetic_release_says_what_the_data_says(tmp_path: Path):
    folder = build_outputs(tmp_path / "outputs", synthetic_tables())
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "by one analyst and 2 co-authors," in card
    articles = card.split("### `articles`", 1)[1].split("### `footnotes`", 1)[0]
    assert '"article_id": "a1"' in articles  # the fewest empty fields
    assert "| 2019 |" not in card  # the years run from 2020 to 2021 only
    assert "2 of 4 (50%) mentions carry a Wikidata id" in card
    # p2.txt holds a3, dated 2021-08-20, with a note accessed 2022-05-01
    assert "| `p2.txt` | 2 | 2021-08-20 | 2022-05-01 | — |" in card
    assert "| `p1.txt` | 2 | 2020-06-01 | — | 2020-06 |" in card


@pytest.mark.parametrize(
    ("rows", "bucket"),
    [(0, "n<1K"), (999, "n<1K"), (1_000, "1K<n<10K"), (54_321, "10K<n<100K"), (10**13, "n>1T")],
)
def test_size_category_uses_hub_buckets(rows: int, bucket: str):
    assert size_category(rows) == bucket
    assert bucket in {label for _, label in SIZE_CATEGORIES} | {"n>1T"}


# --- loading with datasets, offline ----------------------------------------------------------


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No Hub access for `datasets`, and a private cache."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf_home"))
    import datasets
    import huggingface_hub

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    datasets.disable_progress_bars()
    return tmp_path / "hf_cache"


def test_parquet_files_load_with_datasets(release: Path, offline: Path):
    from datasets import load_dataset

    for table in TABLES:
        path = str(release / f"{table}.parquet")
        frame = pl.read_parquet(path)
        if not frame.height:
            with pytest.raises(ValueError, match="no data"):  # why empty tables get no config
                load_dataset("parquet", data_files={"train": path}, cache_dir=str(offline))
            continue
        loaded = load_dataset(
            "parquet", data_files={"train": path}, split="train", cache_dir=str(offline)
        )
        assert loaded.num_rows == frame.height
        assert loaded.column_names == frame.columns
        if frame.height:
            assert loaded[0][frame.columns[0]] == frame[frame.columns[0]][0]


def test_card_configs_load_with_datasets(tmp_path: Path, offline: Path):
    from datasets import load_dataset

    folder = build_outputs(tmp_path / "outputs", synthetic_tables())
    mentions = load_dataset(str(folder), "mentions", split="train", cache_dir=str(offline))
    assert mentions.num_rows == 4 and "entity_id" in mentions.column_names
    articles = load_dataset(str(folder), split="train", cache_dir=str(offline))  # the default
    assert articles["article_id"] == ["a1", "a2", "a3"]
