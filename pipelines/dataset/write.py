"""Writing a release of the dataset: Parquet files and one DuckDB file, replaced atomically.

A run writes every file into a fresh release folder `outputs/.releases/<run>/`, checks it,
and then flips one symlink, `outputs/.current`, to it with `os.replace` (atomic on POSIX).
The published names (`outputs/articles.parquet`, …) are fixed symlinks through `.current`,
so a reader, or a run killed at any moment, sees either the previous complete release or
the new one, never a mix. Older releases are pruned after the flip.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from pipelines.publish import current_version, write_release_documents

RELEASES = ".releases"
CURRENT = ".current"
KEEP_RELEASES = 1  # besides the current one, kept for readers still holding old files
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 9, "statistics": True}
DUCKDB_NAME = "corpus.duckdb"
TEMP_LINK = re.compile(r"^\..+-[0-9a-f]{32}$")


@dataclass(frozen=True)
class Release:
    folder: Path
    files: dict[str, Path]  # published name -> path inside the release folder


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_parquet(frame: pl.DataFrame, path: Path) -> None:
    frame.write_parquet(path, **PARQUET_OPTIONS)  # type: ignore[arg-type]
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _write_duckdb(
    tables: Mapping[str, Path],
    path: Path,
    comments: Mapping[str, Mapping[str, str]],
    views: Mapping[str, str],
) -> None:
    con = duckdb.connect(str(path))
    try:
        for name, parquet in tables.items():
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [str(parquet)])
            table_comment = comments.get(name, {}).get("", "")
            if table_comment:
                con.execute(f"COMMENT ON TABLE \"{name}\" IS '{_sql_str(table_comment)}'")
            for column, text in comments.get(name, {}).items():
                if column:
                    con.execute(f'COMMENT ON COLUMN "{name}"."{column}" IS \'{_sql_str(text)}\'')
        for name, sql in views.items():
            con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _sql_str(text: str) -> str:
    return text.replace("'", "''")


def write_release(
    out_dir: Path,
    tables: Mapping[str, pl.DataFrame],
    comments: Mapping[str, Mapping[str, str]] | None = None,
    views: Mapping[str, str] | None = None,
    extra_files: Mapping[str, bytes] | None = None,
    with_documents: bool = True,
) -> Release:
    """Write all tables (+ DuckDB, + extra files) as one release and publish it atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out_dir)
    releases = out_dir / RELEASES
    releases.mkdir(exist_ok=True)
    folder = releases / uuid.uuid4().hex
    folder.mkdir()
    files: dict[str, Path] = {}
    for name, frame in tables.items():
        files[f"{name}.parquet"] = folder / f"{name}.parquet"
        _write_parquet(frame, files[f"{name}.parquet"])
    parquet_paths = {name: folder / f"{name}.parquet" for name in tables}
    files[DUCKDB_NAME] = folder / DUCKDB_NAME
    _write_duckdb(parquet_paths, files[DUCKDB_NAME], comments or {}, views or {})
    for name, data in (extra_files or {}).items():
        files[name] = folder / name
        files[name].write_bytes(data)
    if with_documents:  # dataset card, metadata files and SHA256SUMS, written last
        for name in write_release_documents(folder, current_version(), comments or {}):
            files[name] = folder / name
    _fsync_dir(folder)
    _publish(out_dir, folder, list(files))
    return Release(folder, files)


def _publish(out_dir: Path, folder: Path, names: list[str]) -> None:
    """Flip `.current` to the new release, then make sure every published name links to it."""
    tmp_link = out_dir / f".current-{uuid.uuid4().hex}"
    os.symlink(Path(RELEASES) / folder.name, tmp_link)
    os.replace(tmp_link, out_dir / CURRENT)
    link_published(out_dir, names)
    _unpublish_missing(out_dir, names)
    _fsync_dir(out_dir)
    _prune(out_dir, folder.name)


def link_published(out_dir: Path, names: Sequence[str]) -> None:
    """Make `out_dir/<name>` a symlink to `.current/<name>` (atomically, if it is not already)."""
    for name in names:
        target = Path(CURRENT) / name
        link = out_dir / name
        if link.is_symlink() and os.readlink(link) == str(target):
            continue
        tmp = out_dir / f".{name}-{uuid.uuid4().hex}"
        os.symlink(target, tmp)
        os.replace(tmp, link)  # a plain file from an older layout is replaced atomically too


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary links a killed run left between creating and renaming them."""
    for path in out_dir.iterdir():
        if path.is_symlink() and TEMP_LINK.match(path.name):
            path.unlink(missing_ok=True)


def _unpublish_missing(out_dir: Path, names: Sequence[str]) -> None:
    """A published name the new release no longer has must not dangle."""
    for path in out_dir.iterdir():
        if path.is_symlink() and path.name not in names and not path.name.startswith("."):
            target = os.readlink(path)
            if target.startswith(f"{CURRENT}/") and not path.exists():
                path.unlink(missing_ok=True)


def _prune(out_dir: Path, current: str) -> None:
    releases = sorted(
        (p for p in (out_dir / RELEASES).iterdir() if p.name != current),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in releases[KEEP_RELEASES:]:
        shutil.rmtree(old, ignore_errors=True)
