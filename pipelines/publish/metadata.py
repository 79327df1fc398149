"""Facts about the dataset as a whole that no table holds: names, license, tags, repo id."""

from __future__ import annotations

from schemas.catalog import TABLES

NAME = "commentary-corpus"
PRETTY_NAME = "Commentary corpus: an analyst's writing on China, Central Asia and terrorism"
SUMMARY = (
    "An analyst's published commentary on China, Central Asia and terrorism, rebuilt from "
    "plain-text dumps of the archive pages of his WordPress blog: one row per distinct "
    "article, every numbered footnote with its URLs and cited work, and every named-entity "
    "mention pinned to its exact characters, plus a table of what the pipeline set aside."
)
LICENSE_ID = "cc-by-4.0"  # Hugging Face license id
LICENSE_SPDX = "CC-BY-4.0"
LICENSE_TITLE = "Creative Commons Attribution 4.0 International"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
TAGS = (
    "news",
    "commentary",
    "china",
    "central-asia",
    "terrorism",
    "footnotes",
    "citations",
    "named-entities",
    "wikidata",
    "parquet",
    "duckdb",
)
# Valid Hugging Face task ids: entity spans with labels (NER) and article-level labels
# (outlet, tags, categories) that a classifier can be trained on.
TASK_CATEGORIES = ("token-classification", "text-classification")
TASK_IDS = ("named-entity-recognition", "multi-label-classification")

TOKEN_ENV = "HF_TOKEN"


def dataset_url(repo_id: str) -> str:
    return f"https://huggingface.co/datasets/{repo_id}"


def ordered_tables(names: list[str] | tuple[str, ...]) -> list[str]:
    """Contract tables first in contract order, then any extra tables by name."""
    known = [name for name in TABLES if name in names]
    return known + sorted(name for name in names if name not in TABLES)
