"""The raw pages table: one row per input file, decoded or with the reason it could not be."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from pipelines.parsing.header import LocatedHeader, PageHeader
from pipelines.parsing.page import PageText, page_text
from pipelines.parsing.text import PageDecodeError, decode_page
from pipelines.resources import DEFAULT_MAX_PAGE_BYTES
from pipelines.tables.inputs import RefusedInput, admitted_path, read_admitted

PAGE_GLOB = "*.txt"
PAGES_SCHEMA = {
    "page": pl.String,
    "n_bytes": pl.Int64,
    "sha256": pl.String,
    "encoding": pl.String,
    "decode_notes": pl.List(pl.String),
    "header_kind": pl.String,
    "header_value": pl.String,
    "header_line": pl.Int64,  # of a known or an unknown header; null on a front page
    "header_error": pl.String,  # an unknown header: why (the posts stage rejects it)
    "text": pl.String,
    "error": pl.String,
    "duplicate_of": pl.String,
}


def list_pages(raw_dir: Path) -> list[Path]:
    """Every entry named like a page, in name order (so that nothing depends on directory
    listing order): links, folders and pipes too, which `pages_frame` refuses with a reason
    rather than leaving out unsaid."""
    return sorted(raw_dir.glob(PAGE_GLOB))


def _empty_row(name: str) -> dict[str, object]:
    return {
        "page": name,
        "n_bytes": None,
        "sha256": None,
        "encoding": None,
        "decode_notes": [],
        "header_kind": None,
        "header_value": None,
        "header_line": None,
        "header_error": None,
        "text": None,
        "error": None,
        "duplicate_of": None,
    }


def refused_row(name: str, reason: str) -> dict[str, object]:
    """The row of a file that was not read (see `inputs`): its name and why, no content."""
    return {**_empty_row(name), "error": f"{name}: {reason}"}


def page_row(name: str, data: bytes) -> dict[str, object]:
    """The one door of a page: decode it and locate its header, once. A file that cannot be
    decoded yields a row with `error` set instead of raising."""
    row = _empty_row(name)
    row.update(n_bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    try:
        decoded = decode_page(data)
    except PageDecodeError as err:
        row["error"] = f"{name}: {err}"
        return row
    row.update(encoding=decoded.encoding, decode_notes=list(decoded.notes), text=decoded.text)
    found = page_text(name, decoded.text).header
    header = found.header if found else None
    row["header_kind"] = header.kind if header else "front"
    row["header_value"] = header.value if header else None
    row["header_line"] = found.line if found else None
    row["header_error"] = found.error if found else None
    return row


def page_source(row: dict[str, object]) -> PageText:
    """A decoded row of the pages table back as the `PageText` parsing takes (the header as
    `page_row` located it: nothing is read twice)."""
    found = None
    if isinstance(line := row["header_line"], int):
        error = row["header_error"] if isinstance(row["header_error"], str) else None
        value = row["header_value"] if isinstance(row["header_value"], str) else None
        header = None if error else PageHeader(str(row["header_kind"]), value, line)
        found = LocatedHeader(line, header, error)
    notes = row["decode_notes"]
    return PageText(
        str(row["page"]),
        str(row["text"]),
        found,
        str(row["encoding"]),
        tuple(str(note) for note in notes) if isinstance(notes, list) else (),
    )


def _read_row(raw_dir: Path, path: Path, max_bytes: int) -> dict[str, object]:
    try:
        data = read_admitted(path, admitted_path(raw_dir, path, max_bytes), max_bytes)
    except RefusedInput as refused:
        return refused_row(path.name, str(refused))
    return page_row(path.name, data)


def pages_frame(
    paths: list[Path], max_bytes: int = DEFAULT_MAX_PAGE_BYTES, raw_dir: Path | None = None
) -> pl.DataFrame:
    """All pages of `raw_dir` (by default the folder of each path); a file that may not be
    read is a row with its reason, and a byte-identical copy of an earlier page (by name) is
    flagged, not re-read."""
    rows = [_read_row(raw_dir or p.parent, p, max_bytes) for p in paths]
    first_by_hash: dict[str, str] = {}
    for row in rows:
        digest = row["sha256"]
        if not isinstance(digest, str):  # refused: nothing was read
            continue
        if digest in first_by_hash:
            row["duplicate_of"] = first_by_hash[digest]
        else:
            first_by_hash[digest] = str(row["page"])
    return pl.DataFrame(rows, schema=PAGES_SCHEMA)
