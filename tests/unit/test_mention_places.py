"""Tier 1: shape 5 of issue 20, a town the base does not know that the model calls an ORG."""

from __future__ import annotations

import pytest
import spacy

from pipelines.mentions.places import (
    add_places_in_context,
    place_names,
    places_by_admin_words,
    relabel_known_places,
    relabel_places_in_context,
)
from pipelines.mentions.shapes import Ent
from tests.unit.mention_spans import ent_at

NLP = spacy.blank("en")


def test_the_gazetteer_names_countries_and_large_towns_only():
    names = place_names()
    assert {"Mogadishu", "Leeds", "Kismayo", "Somalia", "Italy"} <= names
    assert "Escaldes" not in names and "les Escaldes" not in names  # 16,000 people


def test_a_model_org_that_is_a_town_becomes_a_gpe_and_nothing_else_moves():
    doc = NLP("Officials in Kismayo met Lincoln and the Kismayo Council before Halal Foods left.")
    ents = [
        Ent(2, 3, "ORG"),  # Kismayo, a town the model took for a body
        Ent(4, 5, "PERSON"),  # a person who shares a town's name stays a person
        Ent(7, 9, "ORG"),  # a body named after its town stays the body
        Ent(10, 12, "ORG"),
        Ent(2, 3, "ORG", ent_id="Kismayo FC"),  # the base's reading is never overridden
    ]
    places = frozenset({"Kismayo", "Lincoln"})
    labels = [e.label for e in relabel_known_places(doc, ents, places, cities=frozenset())]
    assert labels == ["GPE", "PERSON", "ORG", "ORG", "ORG"]


@pytest.mark.parametrize(
    ("text", "word", "model", "expected"),
    [
        ("There were riots in Luton last year.", "Luton", "ORG", "GPE"),
        ("He drove from Dewsbury that night.", "Dewsbury", "NORP", "GPE"),
        ("Troops moved into Mogadishu at dawn.", "Mogadishu", "PERSON", "GPE"),
        ("A letter from Obama arrived.", "Obama", "PERSON", "PERSON"),  # not a spatial word
        ("The talks in Luton Town were short.", "Luton", "ORG", "ORG"),  # the name goes on
        ("It was in Hassan’s house.", "Hassan", "PERSON", "PERSON"),  # a possessive
        ("He spoke of Luton often.", "Luton", "ORG", "ORG"),  # no locative
    ],
)
def test_a_town_after_a_locative_is_a_gpe(text: str, word: str, model: str, expected: str):
    doc = NLP(text)
    assert relabel_places_in_context(doc, [ent_at(doc, word, model)])[0].label == expected


def test_a_known_name_after_a_locative_keeps_its_label():
    doc = NLP("It happened in Luton.")
    got = relabel_places_in_context(doc, [ent_at(doc, "Luton", "ORG", ent_id="Luton Airport")])
    assert got[0].label == "ORG"


def test_a_model_person_or_norp_that_is_a_large_place_becomes_a_gpe():
    doc = NLP("Talks in Abuja with Jos Bakker, while Lahore and Somali elders wait. Abuja won.")
    ents = [
        ent_at(doc, "Abuja", "PERSON"),  # a capital the model took for a person
        ent_at(doc, "Jos Bakker", "PERSON"),  # a person whose first name is a city
        ent_at(doc, "Lahore", "NORP"),
        ent_at(doc, "Somali", "NORP"),  # a demonym that is also a region's name stays
    ]
    places = frozenset({"Abuja", "Lahore", "Somali", "Jos"})
    got = relabel_known_places(doc, ents, places, cities=frozenset({"Abuja", "Jos"}))
    assert [e.label for e in got] == ["GPE", "PERSON", "GPE", "NORP"]


def test_a_person_named_in_full_elsewhere_keeps_a_citys_name():
    doc = NLP("Victoria Nuland spoke. Later Victoria said more.")
    ents = [Ent(0, 2, "PERSON"), Ent(5, 6, "PERSON")]
    got = relabel_known_places(doc, ents, frozenset(), cities=frozenset({"Victoria"}))
    assert [e.label for e in got] == ["PERSON", "PERSON"]


def test_the_gazetteer_has_regions_and_names_without_diacritics():
    names = place_names()
    assert {"Khyber Pakhtunkhwa", "Yobe", "Abyan", "Jalal-Abad", "Xinjiang"} <= names
    assert {"Jalalabad", "Maharashtra"} <= names  # folded from "Jalālābād", "Mahārāshtra"
    assert not {"Central", "Northern", "Unity", "Coast"} & names  # regions named by words


def test_a_town_the_model_missed_after_a_locative_or_in_a_list_of_places_is_added():
    doc = NLP(
        "Protests in Talas spread. In Luton, Portsmouth and Cardiff cells met. Reading helps."
    )
    ents = [ent_at(doc, "Luton", "GPE")]
    got = [doc[e.start : e.end].text for e in add_places_in_context(doc, ents)]
    assert got == ["Talas", "Luton", "Portsmouth", "Cardiff"]  # "Reading" opens a sentence


def test_a_name_called_a_town_or_province_is_a_gpe():
    doc = NLP("In the towns of Tetouan and Fnideq, and in Swat district, near the Siberian city.")
    ents = [ent_at(doc, "Tetouan", "PERSON"), ent_at(doc, "Siberian", "NORP")]
    got = [(doc[e.start : e.end].text, e.label) for e in places_by_admin_words(doc, ents)]
    assert got == [("Tetouan", "GPE"), ("Fnideq", "GPE"), ("Swat", "GPE"), ("Siberian", "NORP")]
