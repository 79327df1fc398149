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
import io
import json
import os
import uuid
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from pipelines.publish import glance
from pipelines.publish.card import bibtex, card_metadata, dataset_card
from pipelines.publish.croissant import croissant
from pipelines.publish.datapackage import data_package
from pipelines.publish.metadata import default_repo_id, ordered_tables
from pipelines.publish.version import CHANGELOG_FILE

README = "README.md"
DATAPACKAGE = "datapackage.json"
CROISSANT = "croissant.json"
CHANGELOG = "CHANGELOG.md"
SHA256SUMS = "SHA256SUMS"
DOCUMENTS = (README, DATAPACKAGE, CROISSANT, glance.CHART_NAME)
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


def _parquet_bytes(frame: pl.DataFrame) -> bytes:
    # Imported here: the release writer imports this package, so no import at module level.
    from pipelines.dataset.write import PARQUET_OPTIONS

    buffer = io.BytesIO()
    frame.write_parquet(buffer, **PARQUET_OPTIONS)  # type: ignore[arg-type]
    return buffer.getvalue()


def release_documents(
    tables: Mapping[str, pl.DataFrame],
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    *,
    files: Mapping[str, bytes | Path] | None = None,
    repo_id: str | None = None,
    released: datetime.date | None = None,
    other_files: list[str] | None = None,
) -> dict[str, bytes]:
    """README.md, datapackage.json, croissant.json and the chart, from the tables alone.

    `files` maps `<table>.parquet` to the written file (path or bytes) so the metadata can
    carry its size and sha256; see the module docstring for what happens without it.
    `other_files` lists the release's non-table files, for the card's file list.
    """
    repo_id = repo_id or default_repo_id()
    released = released or datetime.date.today()
    parquet = dict(files or {})
    for name, frame in tables.items():
        parquet.setdefault(f"{name}.parquet", _parquet_bytes(frame))
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
        glance.CHART_NAME: glance.chart_png(tables),
    }


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary name and rename, so a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}-{uuid.uuid4().hex}")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def release_files(folder: Path) -> dict[str, Path]:
    """Every regular file of a release folder (hidden temporaries excluded), by name."""
    return {
        path.name: path
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.startswith(".")
    }


def write_release_documents(
    folder: Path,
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    *,
    repo_id: str | None = None,
    released: datetime.date | None = None,
    changelog: str | None = None,
) -> list[str]:
    """Write the documents into a release folder holding the Parquet files; return their names.

    Reads every `*.parquet` in `folder`, writes README.md, datapackage.json, croissant.json,
    the chart and CHANGELOG.md (`changelog`, else the project's CHANGELOG.md if there is
    one), and last SHA256SUMS over every other file in the folder, corpus.duckdb included.
    Call it after everything else is in the folder and before the release is published.
    """
    if changelog is None and CHANGELOG_FILE.is_file():
        changelog = CHANGELOG_FILE.read_text(encoding="utf-8")
    parquet = {path.stem: path for path in folder.glob("*.parquet") if path.is_file()}
    names = ordered_tables(list(parquet))
    tables = {name: pl.read_parquet(parquet[name]) for name in names}
    other = set(release_files(folder)) | set(DOCUMENTS) | {SHA256SUMS}
    if changelog is not None:
        other.add(CHANGELOG)
    other -= {f"{name}.parquet" for name in names}
    documents = release_documents(
        tables,
        version,
        comments,
        files={f"{name}.parquet": parquet[name] for name in names},
        repo_id=repo_id,
        released=released,
        other_files=sorted(other),
    )
    if changelog is not None:
        documents[CHANGELOG] = changelog.encode("utf-8")
    for name, data in documents.items():
        _write_atomic(folder / name, data)
    covered = {name: path for name, path in release_files(folder).items() if name != SHA256SUMS}
    _write_atomic(folder / SHA256SUMS, sha256sums(covered))
    return [*documents, SHA256SUMS]
