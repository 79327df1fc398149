"""Writing a release of the dataset: Parquet files, one DuckDB file and the documents the
caller renders, then the atomic flip (see `pipelines.dataset.layout`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from pipelines.dataset.layout import (
    DUCKDB_NAME,
    flip,
    new_release_folder,
    parquet_name,
    write_parquet,
)
from pipelines.dataset.search import create_search
from pipelines.locks import RELEASE_LOCK, exclusive

# (release folder, tables in memory) -> names of the documents it wrote into the folder
DocumentWriter = Callable[[Path, Mapping[str, pl.DataFrame]], list[str]]


@dataclass(frozen=True)
class Release:
    folder: Path
    files: dict[str, Path]  # published name -> path inside the release folder


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
            if view_comment := comments.get(name, {}).get(""):  # a view's entry: its comment
                con.execute(f"COMMENT ON VIEW \"{name}\" IS '{_sql_str(view_comment)}'")
        create_search(con)  # FTS index + search_articles, when articles has its text
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
    documents: DocumentWriter | None = None,
) -> Release:
    """Write all tables (+ DuckDB, + extra files) as one release and publish it atomically.

    `documents`, called last before the flip with the folder and the tables in memory,
    writes the card, metadata files and checksums (the pipeline passes
    `pipelines.publish.write_release_documents`), so they cover every other file. Writers on
    one folder take turns (RELEASE_LOCK), so a release is never pruned while another writes.
    """
    with exclusive(out_dir / RELEASE_LOCK):
        return _write_release(out_dir, tables, comments, views, extra_files, documents)


def _write_release(
    out_dir: Path,
    tables: Mapping[str, pl.DataFrame],
    comments: Mapping[str, Mapping[str, str]] | None,
    views: Mapping[str, str] | None,
    extra_files: Mapping[str, bytes] | None,
    documents: DocumentWriter | None,
) -> Release:
    folder = new_release_folder(out_dir)
    files: dict[str, Path] = {}
    for name, frame in tables.items():
        files[parquet_name(name)] = folder / parquet_name(name)
        write_parquet(frame, files[parquet_name(name)])
    files[DUCKDB_NAME] = folder / DUCKDB_NAME
    parquet_paths = {name: folder / parquet_name(name) for name in tables}
    _write_duckdb(parquet_paths, files[DUCKDB_NAME], comments or {}, views or {})
    for name, data in (extra_files or {}).items():
        files[name] = folder / name
        files[name].write_bytes(data)
    if documents is not None:
        for name in documents(folder, tables):
            files[name] = folder / name
    flip(out_dir, folder, list(files))
    return Release(folder, files)
