"""Tier 1: shapes the later blind sets showed, each on inline strings or a made-up page."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.parsing import shapes
from pipelines.parsing.dates import parse_date
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.notes import is_note_opener
from pipelines.parsing.page import page_text, parse_page
from pipelines.parsing.paragraphs import content_words, talks_about_pieces
from pipelines.parsing.venues import find_outlet

BODY = (
    "Beijing has long insisted that its interest in the region is purely economic. Yet the "
    "pattern of recent visits by security officials suggests something more, and it is worth "
    "asking what that means for the neighbours."
)
OTHER_BODY = (
    "London has spent a decade building a counter-terrorism machine that few other countries "
    "can match. Its weakness is not capacity but attention, and the next government will have "
    "to decide what it is for."
)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("18.08.2021", date(2021, 8, 18)),
        ("2018年5月14日", date(2018, 5, 14)),
        ("12 luglio 2018", date(2018, 7, 12)),
    ],
)
def test_numeric_and_foreign_dates_are_date_lines(text, day):
    assert shapes.is_date_line(text)
    assert parse_date(text) == day


def test_impossible_dotted_date_is_none():
    assert parse_date("31.02.2021") is None


def test_published_in_line_gives_outlet_and_date():
    match = shapes.PUBLISHED_IN.match("Published in The Straits Times on 29 September 2014")
    assert match is not None
    assert match["name"] == "The Straits Times"
    assert shapes.is_date_line("First published in the Guardian, 3 May 2012")
    assert not shapes.is_date_line("Published in a hurry on 3 May 2012")


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        ("My latest for Jane’s Intelligence Review, a longer look.", "Jane’s Intelligence Review"),
        ("My first piece for openDemocracy, on the new government.", "openDemocracy"),
        ("In Italian for once, for Corriere della Sera, on the ports.", "Corriere della Sera"),
        (
            "Something for the Jamestown Foundation on the Islamic Movement of Uzbekistan.",
            "Jamestown Foundation",
        ),
        (
            "A piece for the Council on Foreign Relations about Xinjiang.",
            "Council on Foreign Relations",
        ),
        ("This one for the Financial Times’ beyondbrics blog.", "Financial Times"),
    ],
)
def test_unlisted_outlet_names_keep_their_whole_name(intro, outlet):
    assert find_outlet(intro) == outlet


def test_lower_case_byline_of_names_is_not_a_hard_wrap():
    post = "Au Tadjikistan, la Chine avance\npar Alexandre Dubois et Raffaello Pantucci\n"
    lines = [p.text for p in page_paragraphs((post + BODY + "\n") * 3)]
    assert "par Alexandre Dubois et Raffaello Pantucci" in lines
    wrapped = "China’s interest in the region is\nby no means new, and the reasons are many."
    assert not shapes.NAMES_BYLINE.match(wrapped.split("\n")[1])


def test_footnote_is_no_note_of_an_appearance():
    assert not is_note_opener("[1] Personal interview, Norwegian security official, Oslo.")
    assert is_note_opener("Was on BBC Radio 4 this morning talking about the Kabul attack.")


def test_presenting_a_piece_is_blog_voice_an_opinion_is_not():
    assert talks_about_pieces("I was pleased to be asked by Il Foglio to write this piece.")
    assert not talks_about_pieces("I think Beijing will find the region harder than it hopes.")


def test_content_words_leave_out_short_and_common_words():
    assert content_words("The Chinese delegation was there with them") == {
        "chinese",
        "delegation",
    }


def test_note_between_a_bio_and_an_intro_is_set_aside_and_the_post_found():
    page = "\n\n".join(
        [
            "A new piece for the Diplomat, on Beijing’s view of the region.",
            "Beijing’s Quiet Security Push",
            BODY,
            BODY,
            "Raffaello Pantucci is a Senior Associate Fellow at RUSI.",
            "Was on BBC Newsnight last night talking about the airport attack in Kabul.",
            "Another for the Spectator, on what London should do next.",
            "London’s Counter-Terrorism Choices",
            OTHER_BODY,
            OTHER_BODY,
        ]
    )
    parsed = parse_page(page_text("p.txt", page))
    assert [p.title for p in parsed.posts] == [
        "Beijing’s Quiet Security Push",
        "London’s Counter-Terrorism Choices",
    ]
    assert parsed.posts[1].blog_note.startswith("Another for the Spectator")
    assert any(r.reason.startswith("note-only post") for r in parsed.rejects)


def test_issue_line_between_intro_and_headline_of_an_older_theme_post():
    page = "\n".join(
        [
            "Kyrgyzstan and the view from Beijing",
            "Posted: June 28, 2010 in Articles",
            "Tags: China, Kyrgyzstan",
            "A new piece for the Jamestown Foundation’s China Brief, looking at how Beijing has "
            "responded to the violence in Osh. The evacuation flights got the headlines.",
            "China Brief Volume: 10 Issue: 13",
            "Beijing Watches Osh with Unease",
            "By: Raffaello Pantucci",
            BODY,
            BODY,
            "Filed under: Articles",
        ]
    )
    (post,) = parse_page(page_text("p.txt", page)).posts
    assert (post.first_line, post.title) == (1, "Beijing Watches Osh with Unease")
    assert post.outlet == "Jamestown Foundation"
    assert post.published_date == date(2010, 6, 28)
