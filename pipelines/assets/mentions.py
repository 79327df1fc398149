"""mentions: every entity occurrence, pinned to its characters, validated."""

import dagster as dg
import polars as pl

from pipelines.assets.metadata import (
    outputs_with_rejects,
    outs_with_rejects,
    table_metadata,
    timed,
)
from pipelines.mentions.extract import load_model
from pipelines.tables.footnotes import marker_spans
from pipelines.tables.mentions import build_mentions, set_aside_misfits
from pipelines.validation import validate_rows
from schemas import MentionsSchema


@dg.multi_asset(
    group_name="enrich",
    outs=outs_with_rejects(
        "mentions",
        "One row per named-entity occurrence, with offsets, label and entity.",
        "mention_rejects",
        "Mentions that failed validation or whose offsets do not fit the text.",
        kinds=frozenset({"spacy"}),
    ),
)
def mentions(context: dg.AssetExecutionContext, articles: pl.DataFrame, footnotes: pl.DataFrame):
    """Find entity mentions with the knowledge base and the packaged spaCy model."""
    metadata: dict[str, object] = {}
    with timed(metadata):
        nlp = load_model()
        frame = build_mentions(nlp, articles, marker_spans(footnotes))
        fitting, offset_rejects = set_aside_misfits(frame, articles)
        checked = validate_rows(fitting, MentionsSchema, "mentions")
        rejects = pl.concat([offset_rejects, checked.rejects])
    valid = checked.valid
    top = valid.group_by("entity").len().sort(["len", "entity"], descending=[True, False]).head(10)
    metadata.update(table_metadata(valid, ["article_id", "field", "surface", "label", "entity"]))
    metadata["top_entities"] = dg.MetadataValue.md(
        "\n".join(f"- {e}: {n}" for e, n in top.iter_rows())
    )
    metadata["linked_share"] = round(float(valid["entity_id"].is_not_null().mean() or 0), 3)
    metadata["rejected"] = len(rejects)
    yield from outputs_with_rejects(
        context,
        ("mentions", valid, metadata),
        ("mention_rejects", rejects, ["article_id", "reason"]),
        "mentions",
    )
