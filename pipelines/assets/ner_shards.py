"""ner_shard_k: NER over one shard of the articles (by a hash of the article id), so that on
a cluster the shards run on as many `ner` workers at once; in one process they run in turn,
each over every core."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import timed
from pipelines.cache import cache_path, read_cache, write_frame
from pipelines.executors import NER_QUEUE, QUEUE_TAG
from pipelines.mentions.extract import load_model
from pipelines.resources import CorpusSettings
from pipelines.tables.footnotes import marker_spans
from pipelines.tables.mention_cache import NER_CACHE_SCHEMA, cached_mentions, ner_version
from pipelines.tables.mentions import ner_shard

NER_SHARDS = 4  # enough to keep a small pool of `ner` workers busy; each shard has its cache
NER_CACHE = "mentions_by_content"


def shard_name(shard: int) -> str:
    return f"ner_shard_{shard}"


def in_shard(articles: pl.DataFrame, shard: int, shards: int = NER_SHARDS) -> pl.DataFrame:
    """The articles whose id hashes to `shard` (of `shards`)."""
    keep = [ner_shard(a, shards) == shard for a in articles["article_id"]]
    return articles.filter(pl.Series(keep, dtype=pl.Boolean))


def _ner_shard_asset(shard: int) -> dg.AssetsDefinition:
    @dg.asset(
        name=shard_name(shard),
        group_name="enrich",
        kinds={"spacy", "polars"},
        op_tags={QUEUE_TAG: NER_QUEUE},  # on a cluster, NER runs on the workers serving `ner`
        description=(
            f"Entity mentions of the articles in NER shard {shard} of {NER_SHARDS} (by a hash "
            "of the article id), before validation; NER runs only for changed text."
        ),
    )
    def _asset(
        context: dg.AssetExecutionContext,
        settings: CorpusSettings,
        articles: pl.DataFrame,
        footnotes: pl.DataFrame,
    ) -> pl.DataFrame:
        metadata: dict[str, object] = {}
        with timed(metadata):
            where = cache_path(settings.storage_path(), f"{NER_CACHE}/{shard}-of-{NER_SHARDS}")
            mine = in_shard(articles, shard)
            notes = footnotes.filter(pl.col("article_id").is_in(mine["article_id"].implode()))
            found = cached_mentions(
                load_model,
                mine,
                marker_spans(notes),
                read_cache(where, NER_CACHE_SCHEMA),
                ner_version(),
                workers=settings.worker_count(),
            )
            write_frame(where, found.cache)
        metadata.update(
            articles_recognised=found.recognised,
            articles_reused=found.reused,
            mentions=len(found.mentions),
        )
        context.add_output_metadata(metadata)
        return found.mentions

    return _asset


NER_SHARD_ASSETS: tuple[dg.AssetsDefinition, ...] = tuple(
    _ner_shard_asset(shard) for shard in range(NER_SHARDS)
)
SHARD_INPUTS: tuple[str, ...] = tuple(shard_name(s) for s in range(NER_SHARDS))
