"""Tier 1: shape 5 of issue 20, the label of an unknown name read from its own words.

Each rule is tested alone on a tokenised string with hand-placed spans, so the tests do not
depend on what the model predicts.
"""

from __future__ import annotations

import pytest
import spacy

from pipelines.mentions.shapes_labels import (
    add_acronyms,
    add_surnames,
    imprint_publishers,
    label_of_shape,
    relabel_by_shape,
    spread_labels,
)
from tests.unit.mention_spans import ent_at, labelled

TOKENIZER = spacy.blank("en")
NO_PLACES: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The verdict at Woolwich Crown Court came late.", "Woolwich Crown Court", "ORG"),
        ("He studied at the University of Leeds for years.", "University of Leeds", "ORG"),
        ("The Muslim Council of Britain objected.", "Muslim Council of Britain", "ORG"),
        ("She joined the Liberal Democrat Party in 2005.", "Liberal Democrat Party", "ORG"),
        ("It was reported in the Yorkshire Post that day.", "Yorkshire Post", "ORG"),
        ("Operation Overt was a large effort.", "Operation Overt", "EVENT"),
        ("After the Tulip Revolution nothing changed.", "Tulip Revolution", "EVENT"),
        ("The Battle of Fallujah was fought twice.", "Battle of Fallujah", "EVENT"),
        ("The Second Chechen War began in 1999.", "Second Chechen War", "EVENT"),
        ("The Swat Valley fell to them.", "Swat Valley", "LOC"),
        ("Pirates roam the Gulf of Aden.", "Gulf of Aden", "LOC"),
        ("The Horn of Africa is poor.", "Horn of Africa", "LOC"),
        ("Lashkar-e-Taiba trained the attackers.", "Lashkar-e-Taiba", "ORG"),
        ("Jemaah Islamiyah bombed Bali.", "Jemaah Islamiyah", "ORG"),
        ("Ansar al-Sharia spread fast.", "Ansar al-Sharia", "ORG"),
        ("Osama bin Laden hid there.", "Osama bin Laden", "PERSON"),
        ("Abu Hamza preached at the mosque.", "Abu Hamza", "PERSON"),
        ("Doku Umarov claimed it.", "Doku Umarov", "PERSON"),  # a surname's ending
        ("Later Umarov’s men denied it.", "Umarov’s", "PERSON"),
        ("General Petraeus arrived.", "General Petraeus", "PERSON"),  # a title and a name
        ("The TTP claimed it.", "TTP", "ORG"),
        ("The Dutch AIVD warned of it.", "AIVD", "ORG"),
        ("MI5 had watched him.", "MI5", "ORG"),
        ("The UAE said nothing.", "UAE", "GPE"),
    ],
)
def test_the_words_of_a_name_give_its_label(text: str, name: str, label: str) -> None:
    doc = TOKENIZER(text)
    assert label_of_shape(doc, ent_at(doc, name, "GPE")) == label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alex Younger met Prime Minister Cameron.", "Alex Younger"),  # no telling head
        ("The Chief Constable spoke.", "Chief Constable"),
        ("Beijing is watching.", "Beijing"),
        ("“CHINA IS WATCHING” ran the headline.", "CHINA"),  # a headline, not an acronym
        ("the secretary general", "secretary general"),  # not a name at all
        ("The Home Secretary spoke.", "Home Secretary"),  # an office, not a body
    ],
)
def test_names_whose_words_say_nothing_keep_the_models_label(text: str, name: str) -> None:
    doc = TOKENIZER(text)
    assert label_of_shape(doc, ent_at(doc, name, "PERSON")) is None


def test_the_base_and_the_gazetteer_keep_their_labels() -> None:
    doc = TOKENIZER("The TTP met in Kismayo Council and in the Abu Dhabi office.")
    ents = [
        ent_at(doc, "TTP", "PERSON", ent_id="Tehrik-i-Taliban Pakistan"),
        ent_at(doc, "Kismayo Council", "GPE"),
        ent_at(doc, "Abu Dhabi", "GPE"),
    ]
    got = relabel_by_shape(doc, ents, frozenset({"Abu Dhabi"}))
    assert labelled(doc, got) == [
        ("TTP", "PERSON"),  # the base's reviewed label stands
        ("Kismayo Council", "ORG"),  # a body named after its town
        ("Abu Dhabi", "GPE"),  # a place, not a kunya
    ]


def test_labels_outside_the_six_other_than_facilities_are_left() -> None:
    doc = TOKENIZER("In 2008 Court it was.")
    assert relabel_by_shape(doc, [ent_at(doc, "2008 Court", "DATE")], NO_PLACES)[0].label == "DATE"


def test_a_surname_takes_the_full_names_label() -> None:
    doc = TOKENIZER("Mohammed Sidique Khan led them. Later Khan recorded a video.")
    ents = [ent_at(doc, "Mohammed Sidique Khan", "PERSON"), ent_at(doc, "Khan", "ORG", nth=1)]
    assert labelled(doc, spread_labels(doc, ents, NO_PLACES))[1] == ("Khan", "PERSON")


def test_the_commonest_label_wins_only_when_strictly_commonest() -> None:
    doc = TOKENIZER("Shabaab fought. Shabaab won. Shabaab lost. Hizbul came, Hizbul went.")
    ents = [
        ent_at(doc, "Shabaab", "ORG"),
        ent_at(doc, "Shabaab", "GPE", nth=1),
        ent_at(doc, "Shabaab", "ORG", nth=2),
        ent_at(doc, "Hizbul", "PERSON"),
        ent_at(doc, "Hizbul", "GPE", nth=1),
    ]
    got = [e.label for e in spread_labels(doc, ents, NO_PLACES)]
    # Hizbul's shape (a word for a movement) is not outvoted by the model's two readings.
    assert got == ["ORG", "ORG", "ORG", "PERSON", "GPE"]


def test_a_known_name_is_not_outvoted() -> None:
    doc = TOKENIZER("Georgia voted. Georgia won. Georgia lost.")
    ents = [
        ent_at(doc, "Georgia", "GPE", ent_id="Georgia"),
        ent_at(doc, "Georgia", "PERSON", nth=1),
        ent_at(doc, "Georgia", "PERSON", nth=2),
    ]
    assert spread_labels(doc, ents, NO_PLACES)[0].label == "GPE"


def test_a_surname_left_untagged_after_the_full_name_is_added() -> None:
    doc = TOKENIZER("Tanvir Hussain was convicted. Hussain denied it, as did Hussain Academy.")
    ents = [ent_at(doc, "Tanvir Hussain", "PERSON")]
    got = labelled(doc, add_surnames(doc, ents))
    assert got == [("Tanvir Hussain", "PERSON"), ("Hussain", "PERSON")]


def test_a_surname_before_its_full_name_is_not_added() -> None:
    doc = TOKENIZER("Hussain spoke. Tanvir Hussain was convicted.")
    ents = [ent_at(doc, "Tanvir Hussain", "PERSON")]
    assert labelled(doc, add_surnames(doc, ents)) == [("Tanvir Hussain", "PERSON")]


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Descent into Chaos (London: Allen Lane, 2008) is long.", "Allen Lane"),
        ("The Looming Tower (New York: W. W. Norton, 2006) won.", "W. W. Norton"),
        ("It was published by Hurst & Company in London.", "Hurst & Company"),
    ],
)
def test_a_cited_books_publisher_is_one_org(text: str, publisher: str) -> None:
    doc = TOKENIZER(text)
    first = publisher.split()[0]
    ents = [ent_at(doc, first, "PERSON")]  # the model's reading of part of it
    got = labelled(doc, imprint_publishers(doc, ents))
    assert (publisher, "ORG") in got and (first, "PERSON") not in got


def test_a_known_publisher_keeps_the_bases_reading() -> None:
    doc = TOKENIZER("(Oxford: Oxford University Press, 2010)")
    ents = [ent_at(doc, "Oxford", "GPE"), ent_at(doc, "Oxford University Press", "ORG", "OUP")]
    assert imprint_publishers(doc, ents) == ents


def test_an_acronym_nobody_tagged_is_an_org_unless_it_names_a_thing() -> None:
    doc = TOKENIZER("Links to AQIM and the ICSR worried the UAE; an IED, B2 and PHOTO II did not.")
    got = labelled(doc, add_acronyms(doc, []))
    assert got == [("AQIM", "ORG"), ("ICSR", "ORG"), ("UAE", "GPE")]


def test_a_headline_is_no_acronym() -> None:
    doc = TOKENIZER("“CHINA IS WATCHING” ran the headline.")
    assert add_acronyms(doc, []) == []
