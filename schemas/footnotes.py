"""footnotes: one row per numbered note."""

from __future__ import annotations

from typing import Annotated, ClassVar

import pandera.polars as pa
import polars as pl

from schemas.common import today


class FootnotesSchema(pa.DataFrameModel):
    """One row per numbered note of an article."""

    article_id: str = pa.Field(description="The article, in articles.")
    note_number: pl.Int64 = pa.Field(gt=0, description="As printed; unique per article.")
    text: str = pa.Field(str_length={"min_value": 1}, description="The note without its number.")
    urls: Annotated[pl.List, pl.String] = pa.Field(description="Every URL, cleaned of wrapping <>.")
    domains: Annotated[pl.List, pl.String] = pa.Field(
        description="Registered domain of each URL or bare site name."
    )
    accessed_date: pl.Date = pa.Field(nullable=True, description="'accessed 14 August 2022'.")
    cited_title: str = pa.Field(nullable=True, description="Quoted title of the cited work.")
    marker_count: pl.Int64 = pa.Field(ge=0, description="Times the body cites this note.")
    same_as_note: pl.Int64 = pa.Field(
        nullable=True, gt=0, description="Earlier note of the same article citing the same work."
    )
    markers: Annotated[pl.List, pl.Int64] = pa.Field(
        description="Character offsets in articles.body where this note is cited."
    )

    class Config:
        strict = False
        unique = ("article_id", "note_number")
        metadata: ClassVar[dict[str, object]] = {
            "row": "numbered note",
            "references": ("article_id", "articles", "article_id"),
        }

    @pa.dataframe_check(description="same_as_note points at an earlier note")
    def same_as_earlier(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("same_as_note").is_null() | (pl.col("same_as_note") < pl.col("note_number"))
        )

    @pa.dataframe_check(description="accessed_date is not in the future")
    def accessed_not_future(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("accessed_date").is_null() | (pl.col("accessed_date") <= today())
        )
