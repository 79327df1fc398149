"""Tier 1: shapes blind sets 34-41 showed (typical pages of every era), on inline strings."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.parsing import shapes
from pipelines.parsing.dates import parse_date
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.notes import is_note_opener
from pipelines.parsing.page import page_text, parse_page
from pipelines.parsing.paragraphs import closes_post, intro_eligible
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import paragraph_units
from pipelines.parsing.venues import find_outlet

BODY = (
    "Officials in the region have spent the past year weighing what the change means for "
    "them, and the answers they give in private are more cautious than those they give in "
    "public. Trade has grown, but so has the unease about how much of it runs one way."
)


def test_a_posted_by_line_may_give_the_time_after_at():
    match = shapes.POSTED_LINE.match("Posted by Raffaello Pantucci on April 19, 2013 at 6:15 PM")
    assert match is not None and parse_date(match["date"]) == date(2013, 4, 19)


def test_the_outlets_lines_over_a_headline_stand_apart_from_it():
    text = "The Guardian\nOctober 7, 2009 Wednesday\nKashgar’s old town is coming down\n"
    assert [(p.first_line, p.last_line) for p in page_paragraphs(text)] == [(1, 2), (3, 3)]


def test_a_related_entry_is_not_split_as_an_outlets_lines():
    text = "Pakistan’s Chinese problem\nApril 27, 2022\nIn “China”\n"
    assert [(p.first_line, p.last_line) for p in page_paragraphs(text)] == [(1, 3)]


def test_titles_under_a_related_heading_are_no_posts():
    page = (
        "A new piece for the Diplomat on the Pamirs.\n\n"
        "China in the Pamirs\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n\n"
        "Related\n\n"
        "Gwadar’s long wait\nThe Belt and Road after Xi’s second term\n"
    )
    assert len(parse_page(page_text("related.txt", page)).posts) == 1


def test_a_journal_post_under_its_issue_line_date_line_and_image_name():
    page = (
        "Uzbek militants and the German connection\n"
        "Posted: March 28, 2011 in Articles\n\n"
        "A longer piece for the Jamestown Foundation on the Uzbek groups in Germany.\n\n"
        "Terrorism Monitor Volume: 9 Issue: 12\n"
        "March 25, 2011 04:12 PM Age: 3 days\n\n"
        "IMG_2231\n\n"
        "The Islamic Jihad Union’s European Pipeline\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n"
    )
    (post,) = parse_page(page_text("issue.txt", page)).posts
    assert post.title == "The Islamic Jihad Union’s European Pipeline"
    assert post.first_line == 1
    assert "IMG_2231" in post.captions


def test_a_byline_under_a_caption_is_not_the_captions_credit():
    paragraph = Paragraph(
        ("Tokayev at his inauguration on June 12. © Reuters", "Raffaello Pantucci"), 1, 2
    )
    assert [u.text for u in paragraph_units(paragraph, 0)] == [
        "Tokayev at his inauguration on June 12. © Reuters",
        "Raffaello Pantucci",
    ]


def test_a_standfirst_of_two_sentences_over_a_caption_and_byline():
    page = (
        "My latest for Nikkei Asia, on the attacks on Chinese nationals in Pakistan.\n\n"
        "Pakistan’s militants have made Chinese workers a target\n\n"
        "Beijing wants its own security presence. Islamabad is running out of reasons\n\n"
        "Security personnel at the site of an attack in Karachi in April. © Reuters\n"
        "Raffaello Pantucci\n"
        "October 18, 2022 05:00 JST\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n"
    )
    (post,) = parse_page(page_text("standfirst.txt", page)).posts
    assert post.published_date == date(2022, 10, 18)
    assert post.subtitle.startswith("Beijing wants")


@pytest.mark.parametrize(
    "text",
    [
        "Will be on a panel at the IISS in London next Tuesday evening, on China.",
        "On a panel at the Frontline Club next Thursday evening, talking about Xinjiang.",
        "A few words from me in a Reuters piece today on the Uighur fighters.",
    ],
)
def test_appearances_announced_without_the_first_person(text):
    assert is_note_opener(text)


def test_an_outlets_copyright_closes_a_post_and_opens_no_introduction():
    text = "(Copyright 2010 Asia Times Online (Holdings) Ltd. All rights reserved.)"
    assert closes_post(text)
    assert not intro_eligible(text)


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        ("Some thoughts on the Bangkok shrine bombing and the Uyghur connection.", None),
        (
            "Having written about Kunming for the Guardian, I have now tried to pull the "
            "threads together for the CTC Sentinel.",
            "CTC Sentinel",
        ),
        ("Up on EurActiv.com, a shorter and crosser piece on the home front.", "EurActiv"),
        (
            "Hamza Durrani, who co-wrote last year’s RUSI paper with me, had this in Dawn.",
            "Dawn",
        ),
        (
            "A follow-up to what we wrote for The Diplomat in the spring, now in the South "
            "China Morning Post.",
            "South China Morning Post",
        ),
    ],
)
def test_where_this_piece_ran_and_what_is_only_its_subject_or_an_older_piece(intro, outlet):
    assert find_outlet(intro) == outlet


def test_a_short_sentence_naming_the_outlet_introduces_the_headline_under_it():
    page = (
        "For the Straits Times, on Beijing’s Ukraine problem.\n\n"
        "So much for a friendship without limits!\n\n"
        "Raffaello Pantucci\n\n"
        f"{BODY}\n\n{BODY}\n"
    )
    (post,) = parse_page(page_text("short_intro.txt", page)).posts
    assert (post.title, post.first_line, post.outlet) == (
        "So much for a friendship without limits!",
        1,
        "The Straits Times",
    )


def test_an_older_themes_figure_date_with_its_age():
    assert shapes.is_date_line("14/10/2019 09:12 Age: 6 days")
    assert parse_date("14/10/2019 09:12 Age: 6 days") == date(2019, 10, 14)


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        ("Spoke at some length to Ayesha Tanveer from Dawn about China in Pakistan.", "Dawn"),
        (
            "A short e-note for the Foreign Policy Research Institute in Philadelphia.",
            "Foreign Policy Research Institute",
        ),
    ],
)
def test_a_journalists_paper_and_a_longer_name_than_a_listed_one(intro, outlet):
    assert find_outlet(intro) == outlet


def test_a_speaker_announced_without_the_first_person():
    assert is_note_opener("Will be one of the speakers at a Chatham House roundtable on Tuesday.")


def test_an_introduction_under_a_note_starts_the_next_post():
    page = (
        "A new piece for the Diplomat on the SCO.\n\n"
        "The SCO after Ufa\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n\n"
        "Was on the World Service’s Newshour on Tuesday evening talking about Bishkek.\n\n"
        "Old subject, new venue: China’s footprint in the Pamirs, for the Central Asia-Caucasus "
        "Analyst.\n\n"
        "China’s soldiers in the Pamirs\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n"
    )
    posts = parse_page(page_text("under_a_note.txt", page)).posts
    assert [(p.title, p.first_line) for p in posts] == [
        ("The SCO after Ufa", 1),
        ("China’s soldiers in the Pamirs", 13),
    ]
