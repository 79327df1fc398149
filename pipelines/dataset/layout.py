"""The release layout, in one place: the file names of a release, the Parquet options, the
release folders and the atomic `.current` flip.

A run writes every file into a fresh release folder `outputs/.releases/<run>/` and then flips
one symlink, `outputs/.current`, to it with `os.replace` (atomic on POSIX). The published
names (`outputs/articles.parquet`, …) are fixed symlinks through `.current`, so a reader, or a
run killed at any moment, sees either the previous complete release or the new one, never a
mix. Older releases are pruned after the flip. Both the release writer and publish use this.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

import polars as pl

RELEASES = ".releases"
CURRENT = ".current"
KEEP_RELEASES = 1  # besides the current one, kept for readers still holding old files
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 9, "statistics": True}
DUCKDB_NAME = "corpus.duckdb"
README = "README.md"
DATAPACKAGE = "datapackage.json"
CROISSANT = "croissant.json"
CHANGELOG = "CHANGELOG.md"
CHART_NAME = "corpus_at_a_glance.png"
SHA256SUMS = "SHA256SUMS"
TEMP_LINK = re.compile(r"^\..+-[0-9a-f]{32}$")


def parquet_name(table: str) -> str:
    return f"{table}.parquet"


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet(frame: pl.DataFrame, path: Path) -> None:
    frame.write_parquet(path, **PARQUET_OPTIONS)  # type: ignore[arg-type]
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    """The bytes `write_parquet` would write for `frame`."""
    buffer = io.BytesIO()
    frame.write_parquet(buffer, **PARQUET_OPTIONS)  # type: ignore[arg-type]
    return buffer.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
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


def new_release_folder(out_dir: Path) -> Path:
    """A fresh, empty release folder under `out_dir`, after clearing a killed run's leftovers."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out_dir)
    releases = out_dir / RELEASES
    releases.mkdir(exist_ok=True)
    folder = releases / uuid.uuid4().hex
    folder.mkdir()
    return folder


def flip(out_dir: Path, folder: Path, names: list[str]) -> None:
    """Flip `.current` to the new release, then make sure every published name links to it."""
    fsync_dir(folder)
    tmp_link = out_dir / f".current-{uuid.uuid4().hex}"
    os.symlink(Path(RELEASES) / folder.name, tmp_link)
    os.replace(tmp_link, out_dir / CURRENT)
    link_published(out_dir, names)
    _unpublish_missing(out_dir, names)
    fsync_dir(out_dir)
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
