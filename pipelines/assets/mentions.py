"""mentions: every entity occurrence, pinned to its characters, validated (NER itself runs in
the shards of `ner_shards`)."""

import dagster as dg
import polars as pl

from pipelines.assets.ner_shards import SHARD_INPUTS
from pipelines.assets.stage import Stage, stage_asset
from pipelines.resources import CorpusSettings
from pipelines.tables.mentions import locate_mentions, set_aside_misfits
from schemas import MentionsSchema

TOP_ENTITIES = 10


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
    inputs=["articles", *SHARD_INPUTS],
    preview=["article_id", "field", "surface", "label", "entity"],
    rejects_preview=["article_id", "reason"],
    group="enrich",
    model=MentionsSchema,
    describe=_entities,
    kinds=frozenset({"spacy"}),
)
def mentions(settings: CorpusSettings, articles: pl.DataFrame, **shards: pl.DataFrame) -> Stage:
    """Gather the NER shards' mentions, set aside misfits, locate the rest in their text."""
    frame = pl.concat([shards[name] for name in SHARD_INPUTS]).sort(
        "article_id", "field", "start", "end"
    )
    fitting, misfits = set_aside_misfits(frame, articles)
    fitting = locate_mentions(fitting, articles)  # after NER, from the text: not in the cache
    per_shard = "\n".join(f"- {name}: {len(shards[name])}" for name in SHARD_INPUTS)
    return Stage(fitting, misfits, {"mentions_per_shard": dg.MetadataValue.md(per_shard)})
