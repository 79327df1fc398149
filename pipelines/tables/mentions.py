"""The mentions table: every entity occurrence in an article's text fields."""

from __future__ import annotations

import zlib

import polars as pl
from spacy.language import Language

from pipelines.mentions.extract import Mention, extract_mentions
from pipelines.mentions.locate import layouts
from pipelines.rejects import rejects_frame, row_reject
from pipelines.tables.parallel import ordered_map
from schemas import MentionsSchema
from schemas.catalog import polars_schema
from schemas.common import FIELDS
from schemas.integrity import field_text, mention_offset_errors

MENTIONS_SCHEMA = polars_schema(MentionsSchema)
# Found from the text after NER, so the NER cache (keyed by text) neither holds nor needs them.
LOCATION_COLUMNS = ("paragraph", "sentence")
NER_SCHEMA = {k: v for k, v in MENTIONS_SCHEMA.items() if k not in LOCATION_COLUMNS}
MIN_TEXTS_PER_SHARD = 32  # below this a process costs more to start than its NER saves


def field_texts(article: dict[str, object]) -> list[tuple[str, str]]:
    """(field, text) pairs of the fields that have text, in the contract's field order."""
    return [(f, text) for f in FIELDS if (text := field_text(article, f)) is not None]


def ner_shard(article_id: str, shards: int) -> int:
    """The shard an article's NER runs in: a stable hash of its id, the same on any machine."""
    return zlib.crc32(article_id.encode()) % shards


def build_mentions(
    nlp: Language,
    articles: pl.DataFrame,
    markers: dict[str, list[tuple[int, int]]],
    workers: int = 1,
) -> pl.DataFrame:
    """Every mention in the articles' text fields; NER in `workers` shards by article id.

    Each shard runs in its own forked process (the model is loaded once, before the fork);
    texts are independent, so the rows do not depend on how they were sharded.
    """
    keys: list[tuple[str, str]] = []
    texts: list[str] = []
    masks: list[list[tuple[int, int]]] = []
    for article in articles.iter_rows(named=True):
        for field, text in field_texts(article):
            keys.append((article["article_id"], field))
            texts.append(text)
            masks.append(markers.get(article["article_id"], []) if field == "body" else [])
    shards = max(1, min(workers, len(texts) // MIN_TEXTS_PER_SHARD))
    members: list[list[int]] = [[] for _ in range(shards)]
    for i, (article_id, _) in enumerate(keys):
        members[ner_shard(article_id, shards)].append(i)

    def recognise(shard: list[int]) -> list[list[Mention]]:
        return extract_mentions(nlp, [texts[i] for i in shard], [masks[i] for i in shard])

    found_by_text: list[list[Mention]] = [[] for _ in texts]
    for shard, found in zip(members, ordered_map(recognise, members, shards, 2), strict=True):
        for i, mentions in zip(shard, found, strict=True):
            found_by_text[i] = mentions
    rows = []
    for (article_id, field), found in zip(keys, found_by_text, strict=True):
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
    return pl.DataFrame(rows, schema=NER_SCHEMA).sort("article_id", "field", "start", "end")


def locate_mentions(mentions: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The mentions with the paragraph and sentence of their field that hold them.

    Every mention's offsets must fit its field's text (see `set_aside_misfits`).
    """
    by_id = {row["article_id"]: row for row in articles.iter_rows(named=True)}
    pairs = mentions.select("article_id", "field").unique(maintain_order=True).rows()
    texts = [(field, field_text(by_id[article_id], field) or "") for article_id, field in pairs]
    layout = dict(zip(pairs, layouts(texts), strict=True))
    located = [
        layout[(article_id, field)].locate(start)
        for article_id, field, start in mentions.select("article_id", "field", "start").iter_rows()
    ]
    found = pl.DataFrame(located, schema=dict.fromkeys(LOCATION_COLUMNS, pl.Int64), orient="row")
    return pl.concat([mentions, found], how="horizontal").select(list(MENTIONS_SCHEMA))


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
