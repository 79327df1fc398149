"""Facts about the dataset as a whole that no table holds: names, license, keys, repo id."""

from __future__ import annotations

import os
from collections.abc import Collection

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

# Contract tables in the order documents list them; extra tables follow, sorted by name.
TABLE_ORDER = ("articles", "footnotes", "mentions", "rejects")
ROW_MEANING = {
    "articles": "distinct post",
    "footnotes": "numbered note",
    "mentions": "entity occurrence",
    "rejects": "page, block or row set aside",
}
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "footnotes": ("article_id", "note_number"),
    "mentions": ("article_id", "field", "start", "end"),
}
# child table -> (column, parent table, parent column)
FOREIGN_KEYS: dict[str, tuple[str, str, str]] = {
    "footnotes": ("article_id", "articles", "article_id"),
    "mentions": ("article_id", "articles", "article_id"),
}


def present_key(name: str, columns: Collection[str]) -> tuple[str, ...] | None:
    """The table's primary key, when every one of its columns is in the table."""
    key = PRIMARY_KEYS.get(name)
    return key if key and all(column in columns for column in key) else None


def present_reference(
    name: str, columns: Collection[str], tables: Collection[str]
) -> tuple[str, str, str] | None:
    """(column, parent table, parent column) of the table's foreign key, when both exist."""
    reference = FOREIGN_KEYS.get(name)
    if reference and reference[0] in columns and reference[1] in tables:
        return reference
    return None


REPO_ENV = "CORPUS_HF_REPO"
DEFAULT_REPO_ID = "commentary-corpus/commentary-corpus"
TOKEN_ENV = "HF_TOKEN"


def default_repo_id() -> str:
    """The Hub dataset repo: $CORPUS_HF_REPO, else DEFAULT_REPO_ID."""
    return os.environ.get(REPO_ENV) or DEFAULT_REPO_ID


def dataset_url(repo_id: str) -> str:
    return f"https://huggingface.co/datasets/{repo_id}"


def ordered_tables(names: list[str] | tuple[str, ...]) -> list[str]:
    """Contract tables first in contract order, then any extra tables by name."""
    known = [name for name in TABLE_ORDER if name in names]
    return known + sorted(name for name in names if name not in TABLE_ORDER)
