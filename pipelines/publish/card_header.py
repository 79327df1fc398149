"""The dataset card's YAML header and its citation: Hub metadata computed from the tables."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import polars as pl

from pipelines.publish.metadata import (
    LICENSE_ID,
    NAME,
    PRETTY_NAME,
    TAGS,
    TASK_CATEGORIES,
    TASK_IDS,
    dataset_url,
)

# Hugging Face size buckets, by upper bound of the row count.
SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
    (10_000_000_000, "1B<n<10B"),
    (100_000_000_000, "10B<n<100B"),
    (1_000_000_000_000, "100B<n<1T"),
)
LARGEST_SIZE_CATEGORY = "n>1T"


def size_category(rows: int) -> str:
    """Hugging Face size_categories bucket for a row count."""
    for bound, label in SIZE_CATEGORIES:
        if rows < bound:
            return label
    return LARGEST_SIZE_CATEGORY


def bibtex(version: str, repo_id: str, released: datetime.date) -> str:
    """BibTeX entry for this version of the dataset."""
    key = f"{NAME.replace('-', '_')}_{version.replace('.', '_')}"
    url = dataset_url(repo_id)
    return (
        f"@misc{{{key},\n"
        f"  title        = {{{{{PRETTY_NAME}}}}},\n"
        f"  author       = {{{{Commentary corpus contributors}}}},\n"
        f"  year         = {{{released.year}}},\n"
        f"  version      = {{{version}}},\n"
        f"  publisher    = {{Hugging Face}},\n"
        f"  howpublished = {{\\url{{{url}}}}},\n"
        f"  url          = {{{url}}},\n"
        f"  note         = {{Dataset, version {version}, released {released.isoformat()}}}\n"
        "}"
    )


def card_metadata(tables: Mapping[str, pl.DataFrame]) -> dict[str, object]:
    """The YAML header: license, language, size, tasks, tags and one config per table."""
    articles = tables.get("articles")
    rows = articles.height if articles is not None else 0
    languages = ["en"]
    if articles is not None and "language" in articles.columns:
        languages = sorted(articles["language"].drop_nulls().unique().to_list()) or languages
    # `datasets` cannot load a Parquet file with no rows ("corresponds to no data"), so an
    # empty table gets no config; the card says so and the file is still published.
    configs: list[dict[str, object]] = [
        {"config_name": name, "data_files": [{"split": "train", "path": f"{name}.parquet"}]}
        for name, frame in tables.items()
        if frame.height
    ]
    if configs:
        configs[0]["default"] = True
    return {
        "license": LICENSE_ID,
        "language": languages,
        "pretty_name": PRETTY_NAME,
        "size_categories": [size_category(rows)],
        "task_categories": list(TASK_CATEGORIES),
        "task_ids": list(TASK_IDS),
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "multilinguality": ["monolingual" if len(languages) == 1 else "multilingual"],
        "source_datasets": ["original"],
        "tags": list(TAGS),
        "configs": configs,
    }
