"""articles: one row per distinct post."""

from __future__ import annotations

from typing import Annotated, ClassVar

import pandera.polars as pa
import polars as pl

from schemas.common import SHA256, YEAR_MONTH, iso_639_1, today

SOURCE = pl.Struct({"page": pl.String, "first_line": pl.Int64, "last_line": pl.Int64})


class ArticlesSchema(pa.DataFrameModel):
    """One row per distinct post, deduplicated across pages."""

    article_id: str = pa.Field(
        unique=True,
        str_length={"min_value": 1},
        description="Stable id: the same input gives the same id, "
        "whatever page a post was read from first.",
    )
    title: str = pa.Field(str_length={"min_value": 1}, description="Article title as printed.")
    subtitle: str = pa.Field(nullable=True, description="Standfirst.")
    blog_note: str = pa.Field(
        nullable=True, description="The blogger's introduction, paragraphs joined by a blank line."
    )
    outlet: str = pa.Field(
        nullable=True,
        description="Publication the article appeared in, one canonical name per outlet.",
    )
    authors: Annotated[pl.List, pl.String] = pa.Field(
        description="Article authors, canonical spelling; never empty."
    )
    published_date: pl.Date = pa.Field(nullable=True, description="Only where the post states it.")
    url: str = pa.Field(
        nullable=True,
        str_matches=r"^(?:https?://|www\.)\S+$",
        description="The original article's address, where the post prints it on a line of its "
        "own.",
    )
    archive_months: Annotated[pl.List, pl.String] = pa.Field(
        description="YYYY-MM of the month pages the post was on."
    )
    tags: Annotated[pl.List, pl.String] = pa.Field(description="Tags of the tag pages it was on.")
    categories: Annotated[pl.List, pl.String] = pa.Field(
        description="Categories of the category pages it was on."
    )
    headings: Annotated[pl.List, pl.String] = pa.Field(description="Section headings in order.")
    captions: Annotated[pl.List, pl.String] = pa.Field(description="Image captions, each once.")
    body: str = pa.Field(
        str_length={"min_value": 1},
        description="Article text only; paragraphs "
        "joined by a blank line; note markers left as printed.",
    )
    author_bio: str = pa.Field(nullable=True, description="Author bio(s) as printed.")
    word_count: pl.Int64 = pa.Field(ge=1, description="Whitespace-separated words in body.")
    language: str = pa.Field(isin=sorted(iso_639_1()), description="ISO 639-1 code of body.")
    footnote_count: pl.Int64 = pa.Field(ge=0, description="Rows in footnotes for this article.")
    sources: Annotated[pl.List, SOURCE] = pa.Field(
        description="Every place the post was found: page file name and 1-based line span."
    )
    content_sha256: str = pa.Field(
        str_matches=SHA256, description="SHA-256 of the normalised body used for exact dedupe."
    )
    # extras beyond the contract
    reviewed_work: str = pa.Field(
        nullable=True,
        description="For a book review printed under the book's citation: the citation as "
        "printed (title then holds the book's title).",
    )
    blog_title: str = pa.Field(
        nullable=True,
        description="The blog post's own title, where an older theme printed one above the "
        "article's headline.",
    )
    editor_note: str = pa.Field(
        nullable=True, description="Editor's note printed above the article, with its signature."
    )
    bullets: Annotated[pl.List, pl.String] = pa.Field(
        description="Bullet summary points printed under the title."
    )
    keywords: Annotated[pl.List, pl.String] = pa.Field(
        description="Keyword list printed by the outlet."
    )
    is_qa: bool = pa.Field(
        description="True when the body is an interview in question-and-answer turns."
    )
    sightings: pl.Int64 = pa.Field(
        ge=1, description="How many page sightings were merged into this article."
    )
    source_similarity: Annotated[pl.List, pl.Float64] = pa.Field(
        description="For each entry of sources, its shingle containment with the text of "
        "record (1.0 = identical after normalisation)."
    )
    min_similarity: pl.Float64 = pa.Field(
        description="Lowest shingle containment of a merged sighting with the text of record "
        "(1.0 = all sightings identical after normalisation)."
    )

    class Config:
        strict = False  # extra columns are welcome (DATASET.md)
        coerce = False
        metadata: ClassVar[dict[str, object]] = {"row": "distinct post"}

    @pa.dataframe_check(description="authors is never empty")
    def authors_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("authors").list.len() > 0)

    @pa.dataframe_check(description="sources is never empty and spans are 1-based, ordered")
    def sources_valid(cls, data: pa.PolarsData) -> pl.LazyFrame:
        first = pl.col("sources").list.eval(pl.element().struct.field("first_line")).list
        last = (
            pl.col("sources")
            .list.eval(
                pl.element().struct.field("last_line") - pl.element().struct.field("first_line")
            )
            .list
        )
        return data.lazyframe.select(
            (pl.col("sources").list.len() > 0) & (first.min() >= 1) & (last.min() >= 0)
        )

    @pa.dataframe_check(description="word_count equals the words in body")
    def word_count_matches_body(cls, data: pa.PolarsData) -> pl.LazyFrame:
        words = pl.col("body").str.count_matches(r"\S+").cast(pl.Int64)
        return data.lazyframe.select(pl.col("word_count") == words)

    @pa.dataframe_check(description="archive months are YYYY-MM")
    def months_well_formed(cls, data: pa.PolarsData) -> pl.LazyFrame:
        ok = pl.col("archive_months").list.eval(pl.element().str.contains(YEAR_MONTH)).list.all()
        return data.lazyframe.select(ok)

    @pa.dataframe_check(description="published_date is not in the future")
    def date_not_future(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("published_date").is_null() | (pl.col("published_date") <= today())
        )
