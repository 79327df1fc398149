"""The corpus at a glance: small summary tables and one chart, computed from the tables."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

UNKNOWN = "unknown"
TOP_N = 15
CHART_DPI = 100
YEAR_SCHEMA = {"year": pl.String, "articles": pl.Int64}
DATED_COLOR = "#4c72b0"
UNDATED_COLOR = "#999999"


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


@dataclass(frozen=True)
class YearBars:
    """Articles per year on a real axis: every year from the first to the last, then undated."""

    years: list[int]
    counts: list[int]
    undated: int


def year_bars(tables: Mapping[str, pl.DataFrame]) -> YearBars:
    """Counts for each year from the first dated article to the last (0 where none), and the
    undated count apart, so that 2018 and 2020 are never drawn side by side."""
    articles = _frame(tables, "articles", "published_date")
    if articles is None:
        return YearBars([], [], 0)
    dated = articles["published_date"].drop_nulls().dt.year().value_counts()
    per_year = dict(zip(dated[dated.columns[0]].to_list(), dated["count"].to_list(), strict=True))
    years = list(range(min(per_year), max(per_year) + 1)) if per_year else []
    counts = [int(per_year.get(year, 0)) for year in years]
    return YearBars(years, counts, int(articles["published_date"].null_count()))


def articles_per_year(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """year (every year from the first to the last, then 'unknown' if any), articles."""
    bars = year_bars(tables)
    labels = [str(year) for year in bars.years] + ([UNKNOWN] if bars.undated else [])
    counts = bars.counts + ([bars.undated] if bars.undated else [])
    return pl.DataFrame({"year": labels, "articles": counts}, schema=YEAR_SCHEMA)


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
    """Articles per year (a real year axis, undated apart) and per outlet, as PNG bytes
    (Agg canvas, no pyplot)."""
    bars = year_bars(tables)
    outlets = articles_per_outlet(tables).sort(["articles", "outlet"], descending=[False, True])
    height = max(3.0, 0.26 * outlets.height + 1.2)
    figure = Figure(figsize=(11, height), dpi=CHART_DPI, layout="constrained")
    by_year, undated, by_outlet = figure.subplots(1, 3, width_ratios=[1, 0.15, 1.6])
    dated = by_year.bar(bars.years, bars.counts, width=0.8, color=DATED_COLOR)
    by_year.bar_label(dated, fontsize=8)
    if bars.years:
        by_year.set_xlim(bars.years[0] - 0.6, bars.years[-1] + 0.6)
    else:
        by_year.text(0.5, 0.5, "no dated articles", ha="center", transform=by_year.transAxes)
    by_year.xaxis.set_major_locator(MaxNLocator(integer=True))
    total = sum(bars.counts) + bars.undated
    by_year.set_title(f"Articles per year ({sum(bars.counts):,} of {total:,} dated)")
    by_year.set_ylabel("articles")
    by_year.tick_params(axis="x", labelrotation=45)
    # The undated bar gets an axis of its own, so it is not read as one more year.
    undated.bar_label(undated.bar([0], [bars.undated], width=0.8, color=UNDATED_COLOR), fontsize=8)
    undated.set_xlim(-0.6, 0.6)
    undated.set_xticks([0], ["no date"])
    undated.set_title("undated", fontsize=9)
    undated.set_ylim(0, max([bars.undated, *bars.counts, 1]) * 1.05)
    by_year.set_ylim(undated.get_ylim())
    undated.yaxis.set_major_locator(MaxNLocator(integer=True))
    by_outlet.barh(outlets["outlet"].to_list(), outlets["articles"].to_list(), color="#55a868")
    by_outlet.set_title("Articles per outlet")
    by_outlet.set_xlabel("articles")
    by_outlet.tick_params(axis="y", labelsize=8)
    by_year.yaxis.set_major_locator(MaxNLocator(integer=True))
    by_outlet.xaxis.set_major_locator(MaxNLocator(integer=True))
    for axes in (by_year, undated, by_outlet):
        axes.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
