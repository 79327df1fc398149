"""Pandera (polars) models of the published tables, following ../shared/DATASET.md."""

from schemas.articles import ArticlesSchema
from schemas.footnotes import FootnotesSchema
from schemas.mentions import MentionsSchema
from schemas.rejects import RejectsSchema

__all__ = ["ArticlesSchema", "FootnotesSchema", "MentionsSchema", "RejectsSchema"]
