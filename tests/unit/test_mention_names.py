"""Tier 1: names the text defines itself (acronyms, compass points, peoples' plurals)."""

from __future__ import annotations

import pytest
import spacy

from pipelines.mentions.kb import default_kb
from pipelines.mentions.shapes_names import (
    define_acronyms,
    drop_laws,
    extend_orgs_leftwards,
    join_compass_points,
    join_landforms,
    join_place_events,
    peoples_by_language,
    peoples_plurals,
)
from tests.unit.mention_spans import ent_at, labelled

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        ("He led al-Qaeda in Iraq (AQI) for years.", "al-Qaeda in Iraq", "AQI"),
        ("It became al-Qaeda in Iraq, or AQI, in 2004.", "al-Qaeda in Iraq", "AQI"),
        (
            "The Coalition Provisional Authority (CPA) ruled.",
            "Coalition Provisional Authority",
            "CPA",
        ),
        (
            "The Islamic State of Iraq and the Levant (ISIL) grew.",
            "Islamic State of Iraq and the Levant",
            "ISIL",
        ),
    ],
)
def test_a_name_spelled_out_before_its_acronym_is_one_org(text, name, acronym):
    doc = NLP(text)
    ents = [ent_at(doc, "Iraq", "GPE")] if "Iraq" in name else []
    got = labelled(doc, define_acronyms(doc, ents))
    assert (name, "ORG") in got and (acronym, "ORG") in got


def test_words_that_do_not_spell_the_acronym_define_nothing():
    doc = NLP("Talks in Kabul (AQI) went on.")
    assert define_acronyms(doc, [ent_at(doc, "Kabul", "GPE")]) == [ent_at(doc, "Kabul", "GPE")]


def test_a_name_the_base_knows_with_its_modifier_stays():
    doc = NLP("the Nunn-Lugar Cooperative Threat Reduction (CTR) initiative")
    known = ent_at(doc, "Nunn-Lugar Cooperative Threat Reduction", "ORG", "Nunn-Lugar")
    assert define_acronyms(doc, [known])[0] == known


@pytest.mark.parametrize(
    ("text", "place", "label", "expected"),
    [
        ("Fighters from the North Caucasus came.", "Caucasus", "LOC", "North Caucasus"),
        ("Drones hit South Waziristan again.", "Waziristan", "GPE", "South Waziristan"),
        ("Recruits from Western Europe came.", "Europe", "LOC", "Western Europe"),
        ("Troops entered Northern Mali.", "Mali", "GPE", "Mali"),  # an adjective, a country
    ],
)
def test_a_compass_point_before_a_place_joins_its_name(text, place, label, expected):
    doc = NLP(text)
    (got,) = join_compass_points(doc, [ent_at(doc, place, label)])
    assert doc[got.start : got.end].text == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Many Chechens fought there.", "Chechens", "NORP"),  # a known people's plural
        ("Dagestanis joined them.", "Dagestanis", "NORP"),  # a place's people
        ("Two Frenchmen were held.", "Frenchmen", "NORP"),
        ("The Athens talks failed.", "Athens", "GPE"),  # "Athen" is nobody
    ],
)
def test_a_peoples_plural_is_norp(text, word, expected):
    doc = NLP(text)
    places = frozenset({"Dagestan"})
    (got,) = peoples_plurals(doc, [ent_at(doc, word, "GPE")], default_kb(), places)
    assert got.label == expected


def test_a_language_name_the_model_calls_a_place_is_its_people():
    doc = NLP("The Kanuri and the Manchu live there; Hausa traders too.")
    ents = [
        ent_at(doc, "Kanuri", "GPE"),
        ent_at(doc, "Manchu", "ORG"),
        ent_at(doc, "Hausa", "NORP"),
    ]
    assert [e.label for e in peoples_by_language(doc, ents)] == ["NORP", "NORP", "NORP"]


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("Boats on Lake Chad sank.", "Chad", "Lake Chad"),
        ("Oil in the Niger Delta leaks.", "Niger", "Niger Delta"),
        ("Fighters in the Pankisi Gorge hid.", "Pankisi", "Pankisi Gorge"),
    ],
)
def test_a_place_with_a_landform_word_is_the_landform(text, place, expected):
    doc = NLP(text)
    (got,) = join_landforms(doc, [ent_at(doc, place, "GPE")])
    assert (doc[got.start : got.end].text, got.label) == (expected, "LOC")


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        (
            "Exiles in the World Uyghur Congress said so.",
            "Uyghur Congress",
            "World Uyghur Congress",
        ),
        (
            "A report by the New America Foundation came.",
            "America Foundation",
            "New America Foundation",
        ),
        ("Yesterday Security Council members met.", "Security Council", "Security Council"),
        ("The Egyptian Security Council met.", "Security Council", "Security Council"),
    ],
)
def test_a_bodys_name_takes_back_its_first_words(text, model, expected):
    doc = NLP(text)
    (got,) = extend_orgs_leftwards(doc, [ent_at(doc, model, "ORG")], default_kb())
    assert doc[got.start : got.end].text == expected


def test_laws_and_treaties_are_no_mentions():
    doc = NLP("The Frontier Crimes Regulation and the Daily Express and the Warsaw Pact.")
    ents = [
        ent_at(doc, "Frontier Crimes Regulation", "ORG"),
        ent_at(doc, "Daily Express", "ORG"),
        ent_at(doc, "Warsaw Pact", "ORG"),
    ]
    kept = [("Daily Express", "ORG"), ("Warsaw Pact", "ORG")]
    assert labelled(doc, drop_laws(doc, ents)) == kept


def test_the_bases_western_before_a_region_is_part_of_its_name():
    doc = NLP("Recruits from Western Europe came.")
    ents = [
        ent_at(doc, "Western", "NORP", "Western world"),
        ent_at(doc, "Europe", "LOC", "Europe"),
    ]
    got = join_compass_points(doc, ents)
    assert labelled(doc, got) == [("Western Europe", "LOC")]


@pytest.mark.parametrize(
    ("text", "place", "label", "expected"),
    [
        (
            "Security for the Beijing Olympics was tight.",
            "Beijing",
            "GPE",
            ("Beijing Olympics", "EVENT"),
        ),
        ("He ran the London Marathon twice.", "London", "GPE", ("London Marathon", "EVENT")),
        ("After the Bonn Conference nothing changed.", "Bonn Conference", "ORG", ("Bonn", "GPE")),
    ],
)
def test_a_place_with_an_events_word_is_the_event_and_with_a_meetings_the_place(
    text, place, label, expected
):
    doc = NLP(text)
    (got,) = join_place_events(doc, [ent_at(doc, place, label)], frozenset({"Bonn"}))
    assert (doc[got.start : got.end].text, got.label) == expected


def test_a_body_named_like_a_meeting_stays():
    doc = NLP("At the World Economic Forum he spoke.")
    ents = [ent_at(doc, "World Economic Forum", "ORG")]
    assert join_place_events(doc, ents, frozenset({"Davos"})) == ents
