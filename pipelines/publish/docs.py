"""The documents published next to the data, and the checksums of a release folder.

Two entry points. `write_release_documents(folder, …)` is what a release calls: the Parquet
files (and corpus.duckdb) are already in `folder`, so the documents can carry the real sizes
and sha256 of those files, and SHA256SUMS, written last, covers every other file.
`release_documents(tables, …)` is the pure part, returning name -> bytes; without `files`
it hashes the tables serialised with the release writer's Parquet options, which matches the
written files only as long as both sides use the same options and polars version.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path

import polars as pl

from pipelines.dataset.layout import (
    CHANGELOG,
    CHART_NAME,
    CROISSANT,
    DATAPACKAGE,
    README,
    SHA256SUMS,
    parquet_bytes,
    parquet_name,
    release_files,
    write_atomic,
)
from pipelines.publish import glance
from pipelines.publish.card import dataset_card
from pipelines.publish.card_header import bibtex, card_metadata
from pipelines.publish.croissant import croissant
from pipelines.publish.datapackage import data_package
from pipelines.publish.metadata import ordered_tables
from pipelines.publish.version import CHANGELOG_FILE, current_version
from pipelines.resources import DEFAULT_REPO_ID

DOCUMENTS = (README, DATAPACKAGE, CROISSANT, CHART_NAME)
CHUNK = 1 << 20


def sha256_of(data: bytes | Path) -> str:
    """Hex sha256 of bytes or of a file (read in chunks, following symlinks)."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with Path(data).open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def size_of(data: bytes | Path) -> int:
    return len(data) if isinstance(data, bytes) else Path(data).stat().st_size


def sha256sums(files: Mapping[str, bytes | Path]) -> bytes:
    """SHA256SUMS in `sha256sum -c` format (hash, two spaces, name), sorted by name."""
    lines = [f"{sha256_of(files[name])}  {name}\n" for name in sorted(files)]
    return "".join(lines).encode("utf-8")


def _json(document: object) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def release_documents(
    tables: Mapping[str, pl.DataFrame],
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    *,
    files: Mapping[str, bytes | Path] | None = None,
    repo_id: str = DEFAULT_REPO_ID,
    released: datetime.date | None = None,
    other_files: list[str] | None = None,
) -> dict[str, bytes]:
    """README.md, datapackage.json, croissant.json and the chart, from the tables alone.

    `files` maps `<table>.parquet` to the written file (path or bytes) so the metadata can
    carry its size and sha256; see the module docstring for what happens without it.
    `other_files` lists the release's non-table files, for the card's file list.
    """
    released = released or datetime.date.today()
    parquet = dict(files or {})
    for name, frame in tables.items():
        parquet.setdefault(parquet_name(name), parquet_bytes(frame))
    sizes = {name: size_of(data) for name, data in parquet.items()}
    hashes = {name: sha256_of(data) for name, data in parquet.items()}
    languages = list(card_metadata(tables)["language"])  # type: ignore[call-overload]
    card = dataset_card(tables, version, comments, repo_id, released, other_files)
    package = data_package(tables, version, comments, repo_id, released, hashes)
    metadata = croissant(
        tables,
        version,
        comments,
        repo_id,
        released,
        sizes,
        hashes,
        bibtex(version, repo_id, released),
        languages,
    )
    return {
        README: card.encode("utf-8"),
        DATAPACKAGE: _json(package),
        CROISSANT: _json(metadata),
        CHART_NAME: glance.chart_png(tables),
    }


def write_release_documents(
    folder: Path,
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    *,
    tables: Mapping[str, pl.DataFrame] | None = None,
    repo_id: str = DEFAULT_REPO_ID,
    released: datetime.date | None = None,
    changelog: str | None = None,
) -> list[str]:
    """Write the documents into a release folder holding the Parquet files; return their names.

    The documents are rendered from `tables` (the frames in memory, as the release writer
    has them) or else from every `*.parquet` in `folder`, with the sizes and hashes of the
    files in the folder. Writes README.md, datapackage.json, croissant.json,
    the chart and CHANGELOG.md (`changelog`, else the project's CHANGELOG.md if there is
    one), and last SHA256SUMS over every other file in the folder, corpus.duckdb included.
    Call it after everything else is in the folder and before the release is published.
    """
    if changelog is None and CHANGELOG_FILE.is_file():
        changelog = CHANGELOG_FILE.read_text(encoding="utf-8")
    parquet = {path.stem: path for path in folder.glob("*.parquet") if path.is_file()}
    names = ordered_tables(list(parquet))
    if tables is None:
        tables = {name: pl.read_parquet(parquet[name]) for name in names}
    else:
        tables = {name: tables[name] for name in names}
    other = set(release_files(folder)) | set(DOCUMENTS) | {SHA256SUMS}
    if changelog is not None:
        other.add(CHANGELOG)
    other -= {parquet_name(name) for name in names}
    documents = release_documents(
        tables,
        version,
        comments,
        files={parquet_name(name): parquet[name] for name in names},
        repo_id=repo_id,
        released=released,
        other_files=sorted(other),
    )
    if changelog is not None:
        documents[CHANGELOG] = changelog.encode("utf-8")
    for name, data in documents.items():
        write_atomic(folder / name, data)
    covered = {name: path for name, path in release_files(folder).items() if name != SHA256SUMS}
    write_atomic(folder / SHA256SUMS, sha256sums(covered))
    return [*documents, SHA256SUMS]


def documents_step(
    comments: Mapping[str, Mapping[str, str]],
    *,
    repo_id: str = DEFAULT_REPO_ID,
    version: str | None = None,
) -> Callable[[Path, Mapping[str, pl.DataFrame]], list[str]]:
    """The release writer's last step before the flip (`write_release(..., documents=…)`):
    the documents of the release, rendered from the tables in memory, at `version` (by
    default the project's current one)."""

    def write(folder: Path, tables: Mapping[str, pl.DataFrame]) -> list[str]:
        return write_release_documents(
            folder, version or current_version(), comments, tables=tables, repo_id=repo_id
        )

    return write
