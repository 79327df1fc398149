"""Vocabularies shared by the models."""

from __future__ import annotations

import datetime
from functools import cache

import pycountry

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT")
FIELDS = ("title", "subtitle", "blog_note", "body", "caption")
STAGES = ("read", "decode", "header", "segment", "parse", "validate")
YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
SHA256 = r"^[0-9a-f]{64}$"
QID = r"^Q[1-9]\d*$"


@cache
def iso_639_1() -> frozenset[str]:
    """Every two-letter ISO 639-1 code, from pycountry's bundled ISO tables."""
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def today() -> datetime.date:
    return datetime.date.today()
