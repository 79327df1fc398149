"""The mentions table: every entity occurrence in an article's text fields."""

from __future__ import annotations

import polars as pl
from spacy.language import Language

from pipelines.mentions.extract import extract_mentions
from pipelines.rejects import rejects_frame, row_reject
from schemas import MentionsSchema
from schemas.catalog import polars_schema
from schemas.common import FIELDS
from schemas.integrity import field_text, mention_offset_errors

MENTIONS_SCHEMA = polars_schema(MentionsSchema)


def field_texts(article: dict[str, object]) -> list[tuple[str, str]]:
    """(field, text) pairs of the fields that have text, in the contract's field order."""
    return [(f, text) for f in FIELDS if (text := field_text(article, f)) is not None]


def build_mentions(
    nlp: Language, articles: pl.DataFrame, markers: dict[str, list[tuple[int, int]]]
) -> pl.DataFrame:
    keys: list[tuple[str, str]] = []
    texts: list[str] = []
    masks: list[list[tuple[int, int]]] = []
    for article in articles.iter_rows(named=True):
        for field, text in field_texts(article):
            keys.append((article["article_id"], field))
            texts.append(text)
            masks.append(markers.get(article["article_id"], []) if field == "body" else [])
    rows = []
    for (article_id, field), found in zip(keys, extract_mentions(nlp, texts, masks), strict=True):
        rows.extend(
            {
                "article_id": article_id,
                "field": field,
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "label": m.label,
                "entity": m.entity,
                "entity_id": m.entity_id,
            }
            for m in found
        )
    return pl.DataFrame(rows, schema=MENTIONS_SCHEMA).sort("article_id", "field", "start", "end")


def set_aside_misfits(
    mentions: pl.DataFrame, articles: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split mentions into those whose offsets fit their field and rejects for the others."""
    reasons = mention_offset_errors(mentions, articles)
    pages = {a: s[0]["page"] for a, s in articles.select("article_id", "sources").iter_rows()}
    rejects = rejects_frame(
        row_reject(row, reason, page=pages.get(row["article_id"], ""))
        for reason, row in zip(reasons, mentions.iter_rows(named=True), strict=True)
        if reason
    )
    fits = pl.Series([reason is None for reason in reasons], dtype=pl.Boolean)
    return mentions.filter(fits), rejects
