"""mentions: one row per occurrence of a named entity."""

from __future__ import annotations

from typing import ClassVar

import pandera.polars as pa
import polars as pl

from schemas.common import FIELDS, LABELS, QID


class MentionsSchema(pa.DataFrameModel):
    """One row per entity occurrence; offsets index the named field's text."""

    article_id: str = pa.Field(description="The article, in articles.")
    field: str = pa.Field(
        isin=list(FIELDS),
        description="title, subtitle, blog_note, body or caption (captions joined by a newline).",
    )
    start: pl.Int64 = pa.Field(ge=0, description="Character offset of the first character.")
    end: pl.Int64 = pa.Field(gt=0, description="Character offset after the last character.")
    paragraph: pl.Int64 = pa.Field(
        ge=0,
        description=(
            "0-based index, within the field, of the paragraph holding the mention: paragraphs "
            "are separated by a blank line; in caption, each caption is one paragraph."
        ),
    )
    sentence: pl.Int64 = pa.Field(
        ge=0,
        description=(
            "0-based index, within the field (not reset at each paragraph), of the sentence "
            "holding the mention (spaCy's rule-based sentencizer; never crosses a paragraph)."
        ),
    )
    surface: str = pa.Field(str_length={"min_value": 1}, description="The text as written.")
    label: str = pa.Field(isin=list(LABELS), description="spaCy / OntoNotes label.")
    entity: str = pa.Field(str_length={"min_value": 1}, description="Canonical name.")
    entity_id: str = pa.Field(nullable=True, str_matches=QID, description="Wikidata QID.")

    class Config:
        strict = False
        unique = ("article_id", "field", "start", "end")
        metadata: ClassVar[dict[str, object]] = {
            "row": "entity occurrence",
            "references": ("article_id", "articles", "article_id"),
        }

    @pa.dataframe_check(description="end - start equals the surface length")
    def span_length(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("end") - pl.col("start")) == pl.col("surface").str.len_chars()
        )

    @pa.dataframe_check(description="paragraph <= sentence (every paragraph has a sentence)")
    def sentence_after_paragraph(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("paragraph") <= pl.col("sentence"))
