"""Tier 1: shapes blind sets 26-29 showed, each on inline strings or a made-up page."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.parsing import shapes
from pipelines.parsing.dates import parse_date
from pipelines.parsing.front import issue_series
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.notes import is_note_opener
from pipelines.parsing.page import page_text, parse_page
from pipelines.parsing.paragraphs import (
    intro_eligible,
    is_headline_shape,
    prelude_role,
)
from pipelines.parsing.signals import REFERS_BACK
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import paragraph_units
from pipelines.parsing.venues import credited_outlet, find_outlet

BODY = (
    "Officials in the region have spent the past year weighing what the change means for "
    "them, and the answers they give in private are more cautious than those they give in "
    "public. Trade has grown, but so has the unease about how much of it runs one way."
)


def test_a_section_label_over_a_headline_is_a_kicker_not_a_headline():
    assert shapes.SECTION_KICKER.match("ANALYSIS")
    assert prelude_role("OPINION") == "kicker"
    assert not is_headline_shape("COMMENTARY")
    # two capitalised words are as often a byline's name
    assert not shapes.SECTION_KICKER.match("RAFFAELLO PANTUCCI")


def test_a_kicker_printed_on_the_headlines_line_above_it_stands_apart():
    text = "Intro for the folks at Eurasianet.\n\nANALYSIS\nBelgium’s problem is bigger\n"
    lines = [(p.first_line, p.last_line) for p in page_paragraphs(text)]
    assert lines == [(1, 1), (3, 3), (4, 4)]


def test_an_introduction_ending_in_a_colon_hands_over_to_the_headline_under_it():
    text = (
        "Belatedly, something from a fortnight ago in the South China Morning Post, on why "
        "the summit season matters:\nThe SCO’s security work deserves a closer look\n"
    )
    assert [(p.first_line, p.last_line) for p in page_paragraphs(text)] == [(1, 1), (2, 2)]


def test_tags_over_their_list_are_no_colon_introduction():
    text = "A blog post title\nPosted: June 13, 2012 in Articles\nTags:\nAfghanistan, China, SCO\n"
    spans = [(p.first_line, p.last_line) for p in page_paragraphs(text)]
    assert (3, 4) in spans


def test_an_epigraph_is_read_with_its_source_and_is_no_headline():
    assert shapes.EPIGRAPH.match(
        "“The mountains are high and the emperor is far away.” – Chinese saying"
    )
    assert not shapes.EPIGRAPH.match("“Is China ready?” asked the minister. He said no.")


@pytest.mark.parametrize("line", ["Share this: Twitter · Facebook · Email", "Twitter", "Loading…"])
def test_the_sharing_widget_is_closing_furniture(line):
    assert shapes.CLOSING_FURNITURE.match(line)


def test_a_theme_may_print_its_dates_day_first_with_slashes():
    match = shapes.POSTED_LINE.match("Posted by Raffaello Pantucci on 24/05/2010")
    assert match is not None and parse_date(match["date"]) == date(2010, 5, 24)
    assert parse_date("18.08.2021") == date(2021, 8, 18)
    assert parse_date("24/05.2010") is None  # one separator throughout


def test_an_announced_talk_is_a_note_and_research_trips_are_not():
    assert is_note_opener(
        "Next Tuesday evening I will be speaking at the Royal Society for Asian Affairs "
        "on China’s role in Kyrgyzstan."
    )
    assert not is_note_opener(
        "Spent a good chunk of the autumn talking to people in Brussels. Came away gloomier."
    )


def test_a_second_paragraph_speaking_of_the_piece_above_refers_back():
    assert REFERS_BACK.match("It ran in the South China Morning Post this morning.")
    assert REFERS_BACK.match("Written with my colleague X, it went up on War on the Rocks.")
    assert not REFERS_BACK.match("It’s been a while since I wrote about Kazakhstan.")


def test_a_bracketed_translation_is_no_part_of_its_headline():
    paragraph = Paragraph(
        ("La Cina e il nuovo fronte afghano", "[China and the new Afghan front]"), 5, 6
    )
    assert paragraph_units(paragraph, 0)[0].text == "La Cina e il nuovo fronte afghano"
    aside = Paragraph(
        ("China’s citizens in Kabul are a target", "(Belatedly posting this one.)"), 1, 2
    )
    assert len(paragraph_units(aside, 0)) == 2


def test_a_notes_heading_with_its_first_note_is_no_introduction():
    assert not intro_eligible("Citations [1] Authors’ dataset of statements, 2021 to 2023.")


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        ("Old subject, new venue: Xinjiang after Lukqun, for openDemocracy.net.", "openDemocracy"),
        ("Up on EurActiv.com, a shorter and rather crosser piece.", "EurActiv"),
        ("Belatedly, a review of a new book, this time for the IISS’s Survival.", "Survival"),
        ("A rare piece in Chinese, for Singapore’s Lianhe Zaobao, on the summit.", "Lianhe Zaobao"),
        (
            "A longer paper, this time for the Royal Society for Asian Affairs’ journal Asian "
            "Affairs, on China’s security footprint.",
            "Asian Affairs",
        ),
        # an older piece is named in passing: "last year", "also ran in"
        (
            "Something for openDemocracy.net. Readers will recognise bits from the Guardian "
            "piece last year, but things have moved on.",
            "openDemocracy",
        ),
        (
            "A review for Prospect of a new history, a shorter version of which also ran in "
            "the Straits Times.",
            "Prospect",
        ),
        ("Spoke with Martina Köhler of Deutsche Welle about the Taliban.", "Deutsche Welle"),
        ("A review, in the latest Asian Affairs, of a book on the steppe:", "Asian Affairs"),
    ],
)
def test_outlets_named_by_address_owner_or_issue(intro, outlet):
    assert find_outlet(intro) == outlet


def test_a_country_suffix_stays_part_of_a_sites_name():
    assert find_outlet("A piece for Vlast.kz on the protests.") == "Vlast.kz"


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        (
            f"{BODY}\n\n(This ran in today’s Wall Street Journal Asia, written with Alex.)",
            "Wall Street Journal",
        ),
        (f"{BODY}\n\nPublished in ISN Security Watch, 24 March 2009", "ISN Security Watch"),
    ],
)
def test_a_postscript_under_the_article_names_where_it_ran(body, outlet):
    assert credited_outlet(body) == outlet


def test_an_issue_line_names_its_series_listed_or_not():
    assert (
        issue_series("Jane’s Intelligence Review Volume: 22 Issue: 11")
        == "Jane’s Intelligence Review"
    )
    assert issue_series("Jane’s Intelligence Review, autumn") is None


def test_addresses_in_a_reading_list_are_not_the_articles_own():
    page = (
        "A new piece for RUSI on the neighbours.\n\n"
        "A Year On, the Neighbours Make Their Peace\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n\n"
        "Further reading from RUSI:\n"
        "The Taliban and the Region\n"
        "https://rusi.org/commentary/taliban-and-region\n"
    )
    (post,) = parse_page(page_text("reading_list.txt", page)).posts
    assert post.url is None
