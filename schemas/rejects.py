"""rejects: what the pipeline could not use, with where, why and the raw text."""

from __future__ import annotations

from typing import ClassVar

import pandera.polars as pa
import polars as pl

from schemas.common import STAGES


class RejectsSchema(pa.DataFrameModel):
    """One row per page, block or row that was set aside."""

    page: str = pa.Field(description="Source page file name.")
    stage: str = pa.Field(isin=list(STAGES), description="Stage that set it aside.")
    reason: str = pa.Field(str_length={"min_value": 1}, description="Why, in words.")
    first_line: pl.Int64 = pa.Field(nullable=True, ge=1, description="1-based first line.")
    last_line: pl.Int64 = pa.Field(nullable=True, ge=1, description="1-based last line.")
    article_id: str = pa.Field(nullable=True, description="Article, for rejected rows.")
    raw_text: str = pa.Field(description="The raw text (or row) that was set aside.")

    class Config:
        strict = False
        metadata: ClassVar[dict[str, object]] = {"row": "page, block or row set aside"}
