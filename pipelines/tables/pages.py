"""The raw pages table: one row per input file, decoded or with the reason it could not be."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from pipelines.parsing.header import locate_header
from pipelines.parsing.text import PageDecodeError, decode_page

PAGE_GLOB = "*.txt"
PAGES_SCHEMA = {
    "page": pl.String,
    "n_bytes": pl.Int64,
    "sha256": pl.String,
    "encoding": pl.String,
    "decode_notes": pl.List(pl.String),
    "header_kind": pl.String,
    "header_value": pl.String,
    "text": pl.String,
    "error": pl.String,
    "duplicate_of": pl.String,
}


def list_pages(raw_dir: Path) -> list[Path]:
    """Input files in name order, so that nothing depends on directory listing order."""
    return sorted(p for p in raw_dir.glob(PAGE_GLOB) if p.is_file())


def read_page(path: Path) -> dict[str, object]:
    """Decode one file; a bad file yields a row with `error` set instead of raising."""
    data = path.read_bytes()
    row: dict[str, object] = {
        "page": path.name,
        "n_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "encoding": None,
        "decode_notes": [],
        "header_kind": None,
        "header_value": None,
        "text": None,
        "error": None,
        "duplicate_of": None,
    }
    try:
        decoded = decode_page(data)
    except PageDecodeError as err:
        row["error"] = f"{path.name}: {err}"
        return row
    row.update(encoding=decoded.encoding, decode_notes=list(decoded.notes), text=decoded.text)
    found = locate_header(decoded.text.split("\n"))
    header = found.header if found else None  # an unknown one: the posts stage rejects it
    row["header_kind"] = header.kind if header else "front"
    row["header_value"] = header.value if header else None
    return row


def pages_frame(paths: list[Path]) -> pl.DataFrame:
    """All pages; a byte-identical copy of an earlier page (by name) is flagged, not re-read."""
    rows = [read_page(p) for p in paths]
    first_by_hash: dict[str, str] = {}
    for row in rows:
        digest = str(row["sha256"])
        if digest in first_by_hash:
            row["duplicate_of"] = first_by_hash[digest]
        else:
            first_by_hash[digest] = str(row["page"])
    return pl.DataFrame(rows, schema=PAGES_SCHEMA)
