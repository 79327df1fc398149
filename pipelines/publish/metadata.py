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
# Hugging Face task categories and their sub-tasks (the `PIPELINE_DATA` table of
# huggingface.js, packages/tasks/src/pipelines.ts): the mentions are entity spans with labels
# (token-classification / named-entity-recognition) and the articles a searchable collection
# (text-retrieval / document-retrieval, with the DuckDB full-text search macro).
TASK_CATEGORIES = ("token-classification", "text-retrieval")
TASK_IDS = ("named-entity-recognition", "document-retrieval")

# Who answers questions and removal requests; a placeholder until the curator is named.
CURATOR_CONTACT = "[curator contact: name and e-mail to be filled in before publication]"
# The analyst's site as one author bio in the corpus prints it ("Much of his work can be
# found at: …", page 002_fbd602585b3c64db.txt); the dumps print no other address of the blog.
SOURCE_SITE = "http://www.raffaellopantucci.com"

TOKEN_ENV = "HF_TOKEN"


def dataset_url(repo_id: str) -> str:
    return f"https://huggingface.co/datasets/{repo_id}"


def ordered_tables(names: list[str] | tuple[str, ...]) -> list[str]:
    """Contract tables first in contract order, then any extra tables by name."""
    known = [name for name in TABLES if name in names]
    return known + sorted(name for name in names if name not in TABLES)
