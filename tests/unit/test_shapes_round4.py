"""Tier 1: shapes blind sets 18-21 showed, each on inline strings or a made-up page."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.parsing import shapes
from pipelines.parsing.classify_names import is_person_name_line
from pipelines.parsing.credits import read_byline
from pipelines.parsing.dates import parse_date
from pipelines.parsing.front import is_caption_repeat
from pipelines.parsing.gazetteer import outlet_for_domain
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.notes import is_note_opener
from pipelines.parsing.paragraphs import closes_post, is_headline_shape
from pipelines.parsing.units import Unit
from pipelines.parsing.venues import find_outlet


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Publié le 24 août 2021 à 06h00", date(2021, 8, 24)),
        ("Pubblicato il 3 marzo 2017 alle 10:30", date(2017, 3, 3)),
        ("3 December 2019 • 6:00am", date(2019, 12, 3)),
        ("Published online: 18 Jun 2019", date(2019, 6, 18)),
        ("Fri 17 Jul 2015 07.00 BST", date(2015, 7, 17)),
    ],
)
def test_date_lines_of_other_languages_journals_and_newspapers(text, day):
    assert shapes.is_date_line(text)
    assert parse_date(text) == day


def test_a_sentence_with_a_foreign_date_is_no_date_line():
    assert not shapes.is_date_line("Le 24 août 2021, les talibans entraient dans Kaboul")


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        (
            "A comment piece for the Telegraph on the young Britons heading to Syria.",
            "The Telegraph",
        ),
        # the listed journal wins over its owner, read in the owner's place
        (
            "A new piece, this time for the Central Asia-Caucasus Institute’s Central "
            "Asia-Caucasus Analyst, looking at the SCO.",
            "Central Asia-Caucasus Analyst",
        ),
        # "this time" after the name; an earlier piece "followed on from" is in passing
        (
            "Something shorter, for the ISN Security Watch website this time, on Kabul. It "
            "follows on from the longer piece I did for the Guardian’s Comment is Free.",
            "ISN Security Watch",
        ),
        (
            "A piece in today’s Sunday Business Post on why Pakistan matters.",
            "Sunday Business Post",
        ),
        ("A short piece for the 9DashLine website, on the Belt and Road.", "9DashLine"),
        ("For Italian readers, a piece in Il Foglio on the Kunming attack.", "Il Foglio"),
        (
            "A piece for Prospect with Hannah. It follows an earlier and much shorter version of "
            "the argument that appeared in the Telegraph in July.",
            "Prospect",
        ),
    ],
)
def test_outlets_named_in_running_text(intro, outlet):
    assert find_outlet(intro) == outlet


def test_a_name_that_is_the_subject_of_a_clause_is_no_outlet():
    text = "This article sketches how China’s goals for the SCO are being realised online."
    assert find_outlet(text) is None


def test_a_byline_naming_its_paper_and_date():
    byline = read_byline("By Raffaello Pantucci, Sunday Business Post, June 10, 2012")
    assert byline.names == ["Raffaello Pantucci"]
    assert byline.outlet == "Sunday Business Post"
    assert byline.date == date(2012, 6, 10)


def test_an_affiliation_alone_is_not_the_paper():
    assert read_byline("By Raffaello Pantucci, RUSI").outlet is None


@pytest.mark.parametrize("name", ["Sunday Business Post", "Asia Times Online", "After Beijing"])
def test_publications_and_prepositions_are_no_person_names(name):
    assert not is_person_name_line(name)


def test_a_two_sentence_newspaper_headline():
    assert is_headline_shape(
        "Releasing terrorists is not the problem. Letting them go unwatched is"
    )
    assert not is_headline_shape("He was released. Then he struck again.")


def test_a_headline_with_an_acronym_is_no_signature():
    assert not shapes.is_signature("After Beijing, the SCO and Afghanistan")
    assert shapes.is_signature("Raffaello Pantucci, Royal United Services Institute")


@pytest.mark.parametrize(
    "text",
    [
        "On Channel NewsAsia’s Asia First this morning, talking about the Kabul evacuations.",
        "Was at SOAS last week for the launch of Tom Reid’s edited volume, and chaired a panel.",
        "Had a chat with the good people at the Monocle 24 Globalist programme this morning.",
    ],
)
def test_notes_of_appearances(text):
    assert is_note_opener(text)


def test_a_government_programme_is_no_appearance():
    text = (
        "Old subject, new venue: the government’s Prevent programme and whether it has quietly "
        "turned into surveillance, this time for The Times."
    )
    assert not is_note_opener(text)


def test_a_disclaimer_closes_a_post():
    assert closes_post("The views expressed in this Commentary are the author’s, and not RUSI’s.")


def test_a_caption_printed_twice_with_a_credit_in_another_language():
    bare = "Soldati dell’Esercito di pattuglia in piazza del Duomo a Milano"
    units = [Unit(bare, 1, 1, 0), Unit(f"{bare} (foto LaPresse)", 3, 3, 1)]
    assert is_caption_repeat(bare, units, 0, [])
    assert is_caption_repeat(units[1].text, units, 1, [bare])


def test_a_bare_tags_label_keeps_its_list():
    text = "A title\nPosted: June 13, 2012 in Articles\nTags:\nAfghanistan, China, SCO\n"
    paragraphs = page_paragraphs(text)
    assert [p.text for p in paragraphs][-1] == "Tags: Afghanistan, China, SCO"


def test_a_two_part_wordpress_byline():
    byline = read_byline("by Raffaello Pantucci / July 3, 2015")
    assert (byline.names, byline.date) == (["Raffaello Pantucci"], date(2015, 7, 3))


def test_posted_by_a_name_on_a_date():
    match = shapes.POSTED_LINE.match("Posted by Raffaello on July 8, 2010")
    assert match is not None and parse_date(match["date"]) == date(2010, 7, 8)


@pytest.mark.parametrize(
    ("host", "outlet"),
    [("thediplomat.com", "The Diplomat"), ("www.guardian.co.uk", "The Guardian")],
)
def test_a_site_address_names_a_listed_outlet(host, outlet):
    assert outlet_for_domain(host) == outlet
    assert find_outlet(f"Over at {host}, a longer look at the Arctic.") == outlet


def test_an_unknown_site_names_no_outlet():
    assert outlet_for_domain("example.org") is None


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        (
            "A short one for the good folks at Registan, picking up where my Guardian piece on "
            "the summit left off.",
            "Registan",
        ),
        (
            "A longer essay in Standpoint magazine, on a story I first tried to tell in a RUSI "
            "paper some years back.",
            "Standpoint",
        ),
        ("On China and Russia, in my Nikkei Asia column this month.", "Nikkei Asia"),
    ],
)
def test_venues_named_by_people_or_a_noun(intro, outlet):
    assert find_outlet(intro) == outlet
