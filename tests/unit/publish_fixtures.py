"""Tier 1: the synthetic release the publish tests build, and the helpers they share.

Every publish test runs on a small synthetic release written by the real release writer; the
document checks also run on a copy of the built outputs/ when there is one (the `release`
fixture in this folder's conftest.py).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.dataset.describe import VIEWS, column_comments
from pipelines.dataset.write import write_release
from pipelines.publish import write_release_documents
from pipelines.publish.upload import link_published

ROOT = Path(__file__).resolve().parents[2]
# The built release the document checks also run on; CORPUS_OUTPUTS_DIR points them at a
# build in another folder (as scripts/build.sh writes it there).
BUILT_OUTPUTS = ROOT / os.environ.get("CORPUS_OUTPUTS_DIR", "outputs")
RELEASED = datetime.date(2026, 1, 15)
VERSION = "1.2.3"
REPO = "someone/commentary-corpus-test"
TABLES = ("articles", "footnotes", "mentions", "rejects")

SOURCE = pl.Struct({"page": pl.String, "first_line": pl.Int64, "last_line": pl.Int64})


def synthetic_tables(orphan_footnote: bool = False) -> dict[str, pl.DataFrame]:
    """Three articles, their notes and mentions, one reject: the contract's columns and types."""
    bodies = [
        "China and Kazakhstan signed a deal.1 The SCO met in Astana.2",
        "Russian officials visited Tashkent.",
        "The Taliban took Kabul.",
    ]
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "title": ["Roads east", "Moscow's view", "After Kabul"],
            "subtitle": ["A standfirst", None, None],
            "blog_note": ["A new piece for a paper.", None, "An older one."],
            "outlet": ["The Diplomat", "Nikkei Asia", None],
            "authors": [["Raffaello Pantucci"], ["Raffaello Pantucci", "Co Author"], ["X Y"]],
            "published_date": [datetime.date(2020, 6, 1), None, datetime.date(2021, 8, 20)],
            "archive_months": [["2020-06"], [], []],
            "tags": [["SCO"], [], []],
            "categories": [[], ["Nikkei Asia Review"], []],
            "headings": [[], [], ["Notes"]],
            "captions": [["A road. © Reuters"], [], []],
            "body": bodies,
            "author_bio": [None, "A bio.", None],
            "word_count": [len(body.split()) for body in bodies],
            "language": ["en", "en", "en"],
            "footnote_count": [2, 0, 1],
            "sources": [
                [{"page": "p1.txt", "first_line": 1, "last_line": 9}],
                [
                    {"page": "p1.txt", "first_line": 10, "last_line": 20},
                    {"page": "p2.txt", "first_line": 3, "last_line": 13},
                ],
                [{"page": "p2.txt", "first_line": 14, "last_line": 30}],
            ],
            "content_sha256": [hashlib.sha256(body.encode()).hexdigest() for body in bodies],
            "editor_note": [None, "Editor's note. — Ed.", None],
            "bullets": [[], ["One point"], []],
            "keywords": [["SCO"], [], []],
            "is_qa": [False, False, True],
            "sightings": [1, 2, 1],
            "source_similarity": [[1.0], [1.0, 0.93], [1.0]],
            "min_similarity": [1.0, 0.93, None],
        },
        schema_overrides={
            "sources": pl.List(SOURCE),
            "published_date": pl.Date,
            "editor_note": pl.String,
            "min_similarity": pl.Float64,
        },
    )
    footnotes = pl.DataFrame(
        {
            "article_id": ["a1", "a1", "zz" if orphan_footnote else "a3"],
            "note_number": [1, 2, 1],
            "text": ["See ‘Deal’, https://example.org/x.", "Ibid.", "rferl.org, accessed 1 May"],
            "urls": [["https://example.org/x"], [], []],
            "domains": [["example.org"], [], ["rferl.org"]],
            "accessed_date": [None, None, datetime.date(2022, 5, 1)],
            "cited_title": ["Deal", None, None],
            "marker_count": [1, 1, 0],
            "same_as_note": [None, 1, None],
            "markers": [[34], [58], []],
        },
        schema_overrides={
            "accessed_date": pl.Date,
            "same_as_note": pl.Int64,
            "markers": pl.List(pl.Int64),
        },
    )
    mentions = pl.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3"],
            "field": ["body", "body", "body", "body"],
            "start": [0, 10, 0, 4],
            "end": [5, 20, 7, 11],
            "paragraph": [0, 0, 0, 0],
            "sentence": [0, 0, 0, 1],  # China and Kazakhstan share a sentence
            "surface": ["China", "Kazakhstan", "Russian", "Taliban"],
            "label": ["GPE", "GPE", "NORP", "ORG"],
            "entity": ["China", "Kazakhstan", "Russian", "Taliban"],
            "entity_id": ["Q148", "Q232", None, None],
        }
    )
    rejects = pl.DataFrame(
        {
            "page": ["p2.txt"],
            "stage": ["segment"],
            "reason": ["text after the notes"],
            "first_line": [31],
            "last_line": [33],
            "article_id": [None],
            "raw_text": ["Share this: Twitter"],
        },
        schema_overrides={"article_id": pl.String},
    )
    return {"articles": articles, "footnotes": footnotes, "mentions": mentions, "rejects": rejects}


def comments_for(tables: dict[str, pl.DataFrame]) -> dict[str, dict[str, str]]:
    """The project's descriptions of the columns these tables have (the writer needs that)."""
    return {
        table: {k: v for k, v in texts.items() if not k or k in tables[table].columns}
        for table, texts in column_comments().items()
    }


def build_outputs(outputs: Path, tables: dict[str, pl.DataFrame]) -> Path:
    """A release as the wired pipeline makes it: release writer, then the documents, linked."""
    comments = comments_for(tables)
    release = write_release(outputs, tables, comments, VIEWS)
    names = write_release_documents(
        release.folder, VERSION, comments, repo_id=REPO, released=RELEASED
    )
    link_published(outputs, names)
    return release.folder


def copy_built_release(target: Path) -> Path:
    """The built outputs/ files (tables and DuckDB only) copied into a fresh folder."""
    target.mkdir()
    for name in [*(f"{t}.parquet" for t in TABLES), "corpus.duckdb"]:
        shutil.copyfile(BUILT_OUTPUTS / name, target / name)
    write_release_documents(target, VERSION, column_comments(), repo_id=REPO, released=RELEASED)
    return target


def parquet_columns(folder: Path, table: str) -> list[str]:
    return list(pl.read_parquet_schema(folder / f"{table}.parquet"))


class FakeHub:
    """Records the Hub calls publish makes; the real HfApi is never constructed in tests."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def create_repo(self, repo_id: str, **kwargs: Any) -> str:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))
        return f"https://huggingface.co/datasets/{repo_id}"

    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any:
        self.calls.append(
            ("create_commit", {"repo_id": repo_id, "operations": operations, **kwargs})
        )
        return type("CommitInfo", (), {"oid": "f" * 40})()

    def create_tag(self, repo_id: str, **kwargs: Any) -> None:
        self.calls.append(("create_tag", {"repo_id": repo_id, **kwargs}))
