"""The one way anything is set aside: a `Reject` with its stage, reason and raw text, and the
rejects table they make. Every stage hands what it drops here; nothing is dropped elsewhere."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import polars as pl

from schemas import RejectsSchema
from schemas.catalog import polars_schema

REJECTS_SCHEMA = polars_schema(RejectsSchema)


@dataclass(frozen=True)
class Reject:
    """Something the pipeline could not use, kept with its reason and raw text."""

    page: str
    stage: str
    reason: str
    raw_text: str
    first_line: int | None = None
    last_line: int | None = None
    article_id: str | None = None


def rejects_frame(rejects: Iterable[Reject]) -> pl.DataFrame:
    """The rejects table (REJECTS_SCHEMA) of these rejects, in their order."""
    return pl.DataFrame([asdict(r) for r in rejects], schema=REJECTS_SCHEMA)


def row_reject(
    row: dict[str, object], reason: str, page: str | None = None, stage: str = "validate"
) -> Reject:
    """A table row set aside whole, as JSON, with its article and page (by default the first
    page it was read from)."""
    article_id = row.get("article_id")
    return Reject(
        page=_first_page(row) if page is None else page,
        stage=stage,
        reason=reason,
        raw_text=row_json(row),
        article_id=None if article_id is None else str(article_id),
    )


def row_json(row: dict[str, object]) -> str:
    """A rejected row as JSON, whole: what was set aside can be read back."""
    return json.dumps(row, ensure_ascii=False, default=str, sort_keys=True)


def _first_page(row: dict[str, object]) -> str:
    sources = row.get("sources")
    if isinstance(sources, list) and sources:
        return str(sources[0]["page"])
    return ""
