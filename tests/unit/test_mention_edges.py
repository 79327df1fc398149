"""Tier 1: where the model's spans start and end (owners, tails, prefixes, Arabic names)."""

from __future__ import annotations

import pytest
import spacy

from pipelines.mentions.shapes_edges import (
    cut_lowercase_tail,
    extend_arabic_names,
    split_at_commas,
    split_at_owner,
    split_town_in_region,
    take_capital_prefix,
)
from pipelines.mentions.shapes_names import join_compass_points
from tests.unit.mention_spans import ent_at, labelled

NLP = spacy.blank("en")


def test_an_owner_and_what_it_owns_are_two_names():
    doc = NLP("Paul Bremer’s Coalition Provisional Authority ruled.")
    got = split_at_owner(doc, [ent_at(doc, "Paul Bremer’s Coalition Provisional Authority", "ORG")])
    assert labelled(doc, got) == [
        ("Paul Bremer", "ORG"),
        ("Coalition Provisional Authority", "ORG"),
    ]


def test_an_owned_part_that_says_nothing_is_left_to_the_base():
    doc = NLP("Thomas Hegghammer’s Jihad in Saudi Arabia is a classic.")
    got = split_at_owner(doc, [ent_at(doc, "Thomas Hegghammer’s Jihad", "PERSON")])
    assert labelled(doc, got) == [("Thomas Hegghammer", "PERSON")]


@pytest.mark.parametrize("name", ["Jane’s Intelligence Review", "King’s College London"])
def test_a_one_word_owner_is_part_of_the_name(name: str):
    doc = NLP(f"He wrote in {name} often.")
    assert split_at_owner(doc, [ent_at(doc, name, "ORG")]) == [ent_at(doc, name, "ORG")]


def test_a_comma_ends_a_name():
    doc = NLP("He studied in Cambridge, Massachusetts, for years.")
    got = split_at_commas(doc, [ent_at(doc, "Cambridge, Massachusetts", "GPE")])
    assert labelled(doc, got) == [("Cambridge", "GPE"), ("Massachusetts", "GPE")]


def test_a_lower_case_tail_is_cut():
    doc = NLP("Oil from Neuquén province flows.")
    (got,) = cut_lowercase_tail(doc, [ent_at(doc, "Neuquén province", "GPE")])
    assert doc[got.start : got.end].text == "Neuquén"


def test_a_capitalised_prefix_glued_by_a_hyphen_starts_the_name():
    doc = NLP("Loans from the Inter-American Development Bank rose.")
    (got,) = take_capital_prefix(doc, [ent_at(doc, "American Development Bank", "ORG")])
    assert doc[got.start : got.end].text == "Inter-American Development Bank"


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("Then Abu Ayyub al-Masri took over.", "Masri", "Abu Ayyub al-Masri"),
        ("Abu Muhammad al-Maqdisi wrote it.", "Abu Muhammad", "Abu Muhammad al-Maqdisi"),
        ("The cleric Yusuf al-Qaradawi said so.", "Qaradawi", "Yusuf al-Qaradawi"),
        ("Meanwhile al-Masri fled.", "Masri", "al-Masri"),  # an opener is no given name
        ("The Egyptian Abu Ayyub al-Masri", "Masri", "Abu Ayyub al-Masri"),
    ],
)
def test_an_arabic_name_takes_its_article_surname_and_kunya(text, model, expected):
    doc = NLP(text)
    (got,) = extend_arabic_names(doc, [ent_at(doc, model, "PERSON")])
    assert doc[got.start : got.end].text == expected


def test_a_one_word_person_after_a_compass_point_is_a_place():
    doc = NLP("Police in East Java said so.")
    (got,) = join_compass_points(doc, [ent_at(doc, "Java", "PERSON")])
    assert (doc[got.start : got.end].text, got.label) == ("East Java", "GPE")


def test_a_town_in_a_province_is_two_places_and_a_body_in_a_country_is_left():
    doc = NLP("Fighting in Jaar in Abyan and Jemaah Islamiyah in Indonesia went on.")
    ents = [
        ent_at(doc, "Jaar in Abyan", "ORG"),
        ent_at(doc, "Jemaah Islamiyah in Indonesia", "ORG"),
    ]
    got = labelled(doc, split_town_in_region(doc, ents))
    assert got == [
        ("Jaar", "GPE"),
        ("Abyan", "GPE"),
        ("Jemaah Islamiyah in Indonesia", "ORG"),
    ]
