"""Frames kept between runs under the storage root, and the version that keys build caches.

A cache entry is keyed by a hash of its input and of the code that made it: any change to the
pipeline's code or rules (every file under `pipelines/` and `schemas/`) gives new keys, so a
build after such a change recomputes everything rather than trusting an old result.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

import polars as pl
from upath import UPath

from pipelines.dataset.layout import write_atomic

CODE_ROOTS = ("pipelines", "schemas")
CODE_SUFFIXES = (".py", ".json", ".jsonl", ".csv", ".txt", ".tsv", ".yaml")
CACHES = "cache"
SOURCE_ROOT = Path(__file__).resolve().parents[1]
STAGE_COMPRESSION = "zstd"
STAGE_COMPRESSION_LEVEL = 1  # written and read again soon: speed over size


def is_local(path: UPath) -> bool:
    return path.protocol in ("", "file", "local")


def write_frame(path: UPath, frame: pl.DataFrame) -> None:
    """Write `frame` as Parquet at `path`; a reader never sees half a file.

    Locally the file is written beside its target and renamed over it; an object store's
    single PUT is atomic already.
    """
    buffer = io.BytesIO()
    frame.write_parquet(
        buffer, compression=STAGE_COMPRESSION, compression_level=STAGE_COMPRESSION_LEVEL
    )
    data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_local(path):
        write_atomic(Path(path.path), data)
    else:
        path.write_bytes(data)


def read_frame(path: UPath) -> pl.DataFrame:
    return pl.read_parquet(io.BytesIO(path.read_bytes()))


def cache_path(root: UPath, name: str) -> UPath:
    return root.joinpath(CACHES, f"{name}.parquet")


def read_cache(path: UPath, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The cache at `path`, or an empty one; a cache of another shape counts as empty."""
    if not path.exists():
        return pl.DataFrame(schema=schema)
    frame = read_frame(path)
    return frame if dict(frame.schema) == dict(schema) else pl.DataFrame(schema=schema)


@cache
def code_version(root: Path = SOURCE_ROOT) -> str:
    """A hash of every source and rules file of the pipeline (names and bytes)."""
    digest = hashlib.sha256()
    for folder in CODE_ROOTS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def content_key(version: str, *parts: str) -> str:
    """A key for one cache entry: the code version and the entry's input, unambiguously."""
    digest = hashlib.sha256(version.encode())
    for part in parts:
        digest.update(len(part.encode()).to_bytes(8, "little"))
        digest.update(part.encode())
    return digest.hexdigest()
