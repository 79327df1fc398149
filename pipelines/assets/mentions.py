"""mentions: every entity occurrence, pinned to its characters, validated."""

import dagster as dg
import polars as pl

from pipelines.assets.stage import Stage, stage_asset
from pipelines.cache import cache_path, read_cache, write_frame
from pipelines.executors import NER_QUEUE, QUEUE_TAG
from pipelines.mentions.extract import load_model
from pipelines.resources import CorpusSettings
from pipelines.tables.footnotes import marker_spans
from pipelines.tables.mention_cache import NER_CACHE_SCHEMA, cached_mentions, ner_version
from pipelines.tables.mentions import set_aside_misfits
from schemas import MentionsSchema

TOP_ENTITIES = 10
NER_CACHE = "mentions_by_content"


def _entities(mentions: pl.DataFrame) -> dict[str, object]:
    top = mentions.group_by("entity").len().sort(["len", "entity"], descending=[True, False])
    return {
        "top_entities": dg.MetadataValue.md(
            "\n".join(f"- {e}: {n}" for e, n in top.head(TOP_ENTITIES).iter_rows())
        ),
        "linked_share": round(float(mentions["entity_id"].is_not_null().mean() or 0), 3),
    }


@stage_asset(
    table="mentions",
    description="One row per named-entity occurrence, with offsets, label and entity.",
    rejects="mention_rejects",
    rejects_description="Mentions that failed validation or whose offsets do not fit the text.",
    what="mentions",
    inputs=["articles", "footnotes"],
    preview=["article_id", "field", "surface", "label", "entity"],
    rejects_preview=["article_id", "reason"],
    group="enrich",
    model=MentionsSchema,
    describe=_entities,
    kinds=frozenset({"spacy"}),
    op_tags={QUEUE_TAG: NER_QUEUE},  # on a cluster, NER runs on the workers serving `ner`
)
def mentions(settings: CorpusSettings, articles: pl.DataFrame, footnotes: pl.DataFrame) -> Stage:
    """Find entity mentions with the knowledge base and the packaged spaCy model."""
    where = cache_path(settings.storage_path(), NER_CACHE)
    found = cached_mentions(
        load_model,
        articles,
        marker_spans(footnotes),
        read_cache(where, NER_CACHE_SCHEMA),
        ner_version(),
        workers=settings.worker_count(),
    )
    write_frame(where, found.cache)
    fitting, misfits = set_aside_misfits(found.mentions, articles)
    metadata: dict[str, object] = {
        "articles_recognised": found.recognised,
        "articles_reused": found.reused,
    }
    return Stage(fitting, misfits, metadata)
