"""The corpus at a glance: small summary tables and one chart, computed from the tables."""

from __future__ import annotations

import io
from collections.abc import Mapping

import polars as pl
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

UNKNOWN = "unknown"
TOP_N = 15
CHART_DPI = 100


def _frame(tables: Mapping[str, pl.DataFrame], name: str, *columns: str) -> pl.DataFrame | None:
    """The table if it has every column needed, else None (extra or partial tables)."""
    frame = tables.get(name)
    if frame is None or any(column not in frame.columns for column in columns):
        return None
    return frame


def articles_per_outlet(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """outlet, articles; most articles first, a missing outlet counted as 'unknown'."""
    articles = _frame(tables, "articles", "outlet")
    if articles is None:
        return pl.DataFrame(schema={"outlet": pl.String, "articles": pl.Int64})
    return (
        articles.select(pl.col("outlet").cast(pl.String).fill_null(UNKNOWN))
        .group_by("outlet")
        .agg(pl.len().cast(pl.Int64).alias("articles"))
        .sort(["articles", "outlet"], descending=[True, False])
    )


def articles_per_year(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """year (published_date's year, or 'unknown' last), articles."""
    articles = _frame(tables, "articles", "published_date")
    if articles is None:
        return pl.DataFrame(schema={"year": pl.String, "articles": pl.Int64})
    year = pl.col("published_date").dt.year().cast(pl.String).fill_null(UNKNOWN)
    return (
        articles.select(year.alias("year"))
        .group_by("year")
        .agg(pl.len().cast(pl.Int64).alias("articles"))
        .sort([pl.col("year") == UNKNOWN, "year"])
    )


def top_entities(tables: Mapping[str, pl.DataFrame], n: int = TOP_N) -> pl.DataFrame:
    """entity, label, entity_id, mentions, articles for the n most mentioned entities."""
    mentions = _frame(tables, "mentions", "entity", "label", "entity_id", "article_id")
    if mentions is None:
        return pl.DataFrame(
            schema={
                "entity": pl.String,
                "label": pl.String,
                "entity_id": pl.String,
                "mentions": pl.Int64,
                "articles": pl.Int64,
            }
        )
    return (
        mentions.group_by("entity")
        .agg(
            pl.col("label").mode().sort().first().alias("label"),
            pl.col("entity_id").drop_nulls().sort().first().alias("entity_id"),
            pl.len().cast(pl.Int64).alias("mentions"),
            pl.col("article_id").n_unique().cast(pl.Int64).alias("articles"),
        )
        .sort(["mentions", "entity"], descending=[True, False])
        .head(n)
    )


def top_domains(tables: Mapping[str, pl.DataFrame], n: int = TOP_N) -> pl.DataFrame:
    """domain, citations, articles for the n most cited registered domains."""
    footnotes = _frame(tables, "footnotes", "domains", "article_id")
    if footnotes is None:
        return pl.DataFrame(
            schema={"domain": pl.String, "citations": pl.Int64, "articles": pl.Int64}
        )
    return (
        footnotes.select("article_id", pl.col("domains").alias("domain"))
        .explode("domain")
        .drop_nulls("domain")
        .group_by("domain")
        .agg(
            pl.len().cast(pl.Int64).alias("citations"),
            pl.col("article_id").n_unique().cast(pl.Int64).alias("articles"),
        )
        .sort(["citations", "domain"], descending=[True, False])
        .head(n)
    )


def chart_png(tables: Mapping[str, pl.DataFrame]) -> bytes:
    """Articles per year and per outlet side by side, as PNG bytes (Agg canvas, no pyplot)."""
    years = articles_per_year(tables)
    outlets = articles_per_outlet(tables).sort(["articles", "outlet"], descending=[False, True])
    height = max(3.0, 0.26 * outlets.height + 1.2)
    figure = Figure(figsize=(10, height), dpi=CHART_DPI, layout="constrained")
    by_year, by_outlet = figure.subplots(1, 2, width_ratios=[1, 1.6])
    year_colors = ["#999999" if year == UNKNOWN else "#4c72b0" for year in years["year"]]
    by_year.bar(years["year"].to_list(), years["articles"].to_list(), color=year_colors)
    by_year.set_title("Articles per year (published_date)")
    by_year.set_ylabel("articles")
    by_year.tick_params(axis="x", labelrotation=45)
    by_outlet.barh(outlets["outlet"].to_list(), outlets["articles"].to_list(), color="#55a868")
    by_outlet.set_title("Articles per outlet")
    by_outlet.set_xlabel("articles")
    by_outlet.tick_params(axis="y", labelsize=8)
    by_year.yaxis.set_major_locator(MaxNLocator(integer=True))
    by_outlet.xaxis.set_major_locator(MaxNLocator(integer=True))
    for axes in (by_year, by_outlet):
        axes.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
