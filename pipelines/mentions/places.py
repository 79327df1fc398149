"""Shape 5 of issue 20: a place the base does not know, which the model labels otherwise.

The knowledge base was built from four pages; the blog names many more towns and provinces.
The gazetteer (`gazetteer.py`: GeoNames towns and countries, ISO 3166-2 regions) says which
spans are places; how much evidence is needed depends on the model's label:

* ORG or NORP, and the whole span a country, a town of MIN_POPULATION or a region: GPE
  ("Kismayo", "Khyber Pakhtunkhwa", "Lahore" as NORP). A NORP spelled like a demonym stays
  ("Somali" is also an Ethiopian region).
* PERSON, and the whole span a country, used nowhere in the document as part of a person's
  name and not after a title: GPE ("Chad"). A town or province needs a spatial word before
  it (below): "Hamilton", "Victoria" or "Lincoln" alone stay people.
* After a locative ("in", "from", "near"), a town of TOWN_POPULATION is enough for any
  label but PERSON ("riots in Luton"); a PERSON moves only after a spatial word.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.gazetteer import (
    TOWN_POPULATION,
    countries,
    looks_like_demonym,
    regions,
    towns,
)
from pipelines.mentions.shapes import OFFICE_WORDS, POSSESSIVE, Ent, token_texts

MIN_POPULATION = 50_000  # below this, town names collide with brands and clubs more often
SPATIAL = frozenset({"in", "near", "outside", "across", "around", "throughout", "into"})
LOCATIVES = SPATIAL | {"from", "to", "via", "towards", "toward", "between"}
DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ics)$")


@cache
def place_names() -> frozenset[str]:
    """Countries, towns of MIN_POPULATION people or more, and administrative regions."""
    return towns(MIN_POPULATION) | regions()


@cache
def person_places(min_population: int) -> frozenset[str]:
    """Places that may undo a model PERSON: no city's other names ("Ahmad") and no small
    units ("Paul", a municipality), which are people's names too."""
    return towns(min_population, aliases=False) | regions(major_only=True)


@cache
def any_places() -> frozenset[str]:
    """Countries, towns of TOWN_POPULATION people or more, and all regions."""
    return towns(TOWN_POPULATION) | regions()


def _person_parts(doc: Doc, ents: list[Ent]) -> set[str]:
    """Words of the document's names of two words or more tagged PERSON."""
    return {
        doc[t].text
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1
        for t in range(e.start, e.end)
    }


def _goes_on(doc: Doc, e: Ent) -> bool:
    """A capitalised word or a possessive after the span: the name is longer, or an owner's."""
    after = doc[e.end].text if e.end < len(doc) else ""
    return after[:1].isupper() or after in POSSESSIVE


def _is_place(
    doc: Doc, e: Ent, known: frozenset[str], big: frozenset[str], people: set[str]
) -> bool:
    """Whether a model span is a place, by its label's evidence (see the module)."""
    text = doc[e.start : e.end].text
    if e.label == "ORG":
        return text in known
    if e.label == "NORP":
        return text in known and not DEMONYM.search(text)
    if e.label != "PERSON" or text not in big or text in people or _goes_on(doc, e):
        return False
    return not (e.start and OFFICE_WORDS.match(doc[e.start - 1].text))


def relabel_known_places(
    doc: Doc,
    ents: list[Ent],
    places: frozenset[str] | None = None,
    cities: frozenset[str] | None = None,
) -> list[Ent]:
    """Model spans (not the base's) whose whole text is a place become GPE (see the module);
    `places` answer for a model ORG or NORP, `cities` for a model PERSON."""
    known = place_names() if places is None else places
    big = countries() if cities is None else cities
    people = _person_parts(doc, ents)
    return [
        replace(e, label="GPE") if not e.ent_id and _is_place(doc, e, known, big, people) else e
        for e in ents
    ]


def relabel_places_in_context(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A model span after a locative whose whole text is a town of TOWN_POPULATION or a
    region is a GPE, unless the name goes on; a PERSON only after a spatial word and for a
    city of MIN_POPULATION or a region."""
    small, cities = any_places(), person_places(MIN_POPULATION)
    out: list[Ent] = []
    for e in ents:
        before = doc[e.start - 1].lower_ if e.start else ""
        text = doc[e.start : e.end].text
        person = e.label == "PERSON" and before in SPATIAL and text in cities
        other = e.label in {"ORG", "NORP", "LOC"} and before in LOCATIVES and text in small
        if not e.ent_id and (person or other) and not _goes_on(doc, e):
            e = replace(e, label="GPE")
        out.append(e)
    return out


LIST_WORDS = frozenset({",", "and", "or"})


def add_places_in_context(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A capitalised word no span covers, after a spatial word ("in", "near") or after a
    place and "and", "or" or a comma, that is a town of TOWN_POPULATION or a province, is a
    GPE the model missed ("protests in Talas", "In Luton, Portsmouth and Cardiff"); not
    after "from" or "to" ("from Reform to Green"), nor a word that reads as a people's."""
    places = person_places(TOWN_POPULATION)
    label_at: dict[int, str] = {t: e.label for e in ents for t in range(e.start, e.end)}
    added: list[Ent] = []
    for i, text in enumerate(token_texts(doc)):
        if i == 0 or i in label_at or text not in places or not text.istitle():
            continue
        tok = doc[i]
        if not tok.is_alpha or _peoples_word(text):
            continue
        if _goes_on(doc, Ent(i, i + 1, "GPE")):
            continue
        before = doc[i - 1].lower_
        listed = before in LIST_WORDS and label_at.get(i - 2) == "GPE"
        if before in SPATIAL or listed:
            added.append(Ent(i, i + 1, "GPE"))
            label_at[i] = "GPE"
    return sorted(ents + added, key=lambda e: e.start) if added else ents


# Nouns of an administrative place: "the town of Fnideq", "Helmand province".
ADMIN_NOUNS = frozenset(
    {"town", "towns", "city", "cities", "village", "villages", "province", "provinces"}
    | {"district", "districts", "governorate", "governorates", "county", "state", "oblast"}
    | {"prefecture", "municipality", "suburb", "suburbs", "neighbourhood", "neighborhood"}
)


ADJECTIVE_ENDING = re.compile(r"(?:ian|ean|ese|ish)$")


def _peoples_word(text: str) -> bool:
    """ "Siberian", "Egyptian", "Kurdish": an adjective of a place, not the place ("Dalian"
    and "Tetouan" are towns)."""
    if looks_like_demonym(text):
        return True
    return bool(ADJECTIVE_ENDING.search(text)) and text not in towns(TOWN_POPULATION)


REGION_NOUNS = frozenset({"province", "district", "governorate", "oblast", "prefecture"})


def _admin_context(doc: Doc, start: int, end: int) -> bool:
    """ "the town of X", "the towns of X and Y", or "X province" (lower case)."""
    before = [doc[t].lower_ for t in range(max(0, start - 4), start)]
    after = doc[end].text if end < len(doc) else ""
    of_noun = len(before) >= 2 and before[-1] == "of" and before[-2] in ADMIN_NOUNS
    listed = len(before) >= 4 and before[-1] in LIST_WORDS and before[-3:-2] == ["of"]
    listed = listed and before[-4] in ADMIN_NOUNS
    # "Swat district"; but "a Reform town", "a Tory county" name no place.
    named = after in REGION_NOUNS or (after in ADMIN_NOUNS and doc[start:end].text in any_places())
    return of_noun or listed or (named and after.islower())


def places_by_admin_words(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A name called a town, village, district or province is a GPE: a model span the base
    does not know is relabelled, and a capitalised word nobody tagged is added ("the towns
    of Tetouan and Fnideq", "Swat district")."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out = [
        replace(e, label="GPE")
        if not e.ent_id
        and e.label in {"ORG", "PERSON"}  # a people before "city" stays one ("Siberian city")
        and not _peoples_word(doc[e.end - 1].text)
        and _admin_context(doc, e.start, e.end)
        else e
        for e in ents
    ]
    for i, text in enumerate(token_texts(doc)):
        if i in taken or not (text.istitle() and text.isalpha()):
            continue
        tok = doc[i]
        free = tok.is_alpha and tok.is_title and tok.lower_ not in STOP_WORDS
        free = free and not _peoples_word(tok.text)
        if free and _admin_context(doc, i, i + 1) and not _goes_on(doc, Ent(i, i + 1, "GPE")):
            out.append(Ent(i, i + 1, "GPE"))
    return sorted(out, key=lambda e: e.start)
