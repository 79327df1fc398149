"""Tier 1: the shapes of lines and paragraphs the blog's two themes print, on inline strings."""

from __future__ import annotations

import pytest

from pipelines.parsing import shapes
from pipelines.parsing.header import parse_header
from pipelines.parsing.layout import page_paragraphs
from pipelines.parsing.page import page_text, parse_page
from pipelines.parsing.paragraphs import is_headline_shape
from pipelines.parsing.segment import NOTE_ONLY_REASON
from pipelines.parsing.venues import find_outlet

BODY = (
    "Beijing has long insisted that its interest in the region is purely economic. Yet the "
    "pattern of recent visits by security officials suggests something more, and it is worth "
    "asking what that means for the neighbours."
)


@pytest.mark.parametrize(
    "line",
    [
        "April 2, 2009 10:32 AM",
        "March 6, 2011 Sunday",
        "Thursday, April 23, 2009",
        "March 4, 2011 10:32 AM Age: 3 days",
        "guardian.co.uk, Sunday 11 March 2012 14.00 GMT",
        "Published Jan 15, 2019, 5:00 am SGT",
        "Analysis12 May 2016",
    ],
)
def test_date_lines_of_every_era(line):
    assert shapes.is_date_line(line)


@pytest.mark.parametrize("line", ["He left on 12 May 2016 for Kabul.", "The Sunday Times"])
def test_sentences_and_names_are_no_date_lines(line):
    assert not shapes.is_date_line(line)


def test_image_file_names_camera_style_or_lower_case_slugs():
    assert shapes.is_image_name("IMG_4521") and shapes.is_image_name("pantucci-raffaello")
    assert not shapes.is_image_name("China-Afghanistan")


def test_book_citation_headline_gives_the_title():
    line = "The Silk Road Trap. By Jane Doe. London: Hurst. 2015. 288pp. £25. ISBN 978-1-8490"
    match = shapes.BOOK_CITATION.match(line)
    assert match and match["title"] == "The Silk Road Trap"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Posted: March 4, 2011 in Articles", shapes.POSTED_LINE),
        ("Posted on May 12, 2016 by Raffaello Pantucci", shapes.POSTED_LINE),
        ("Tags: Afghanistan, China, SCO", shapes.FILING_LINE),
        ("Filed under: Articles", shapes.FILING_LINE),
        ("(more…)", shapes.CLOSING_FURNITURE),
        ("View more articles by Raffaello Pantucci", shapes.CLOSING_FURNITURE),
        ("Terrorism Monitor Volume: 9 Issue: 12", shapes.ISSUE_LINE),
        ("RT @someone: worth a read https://t.co/abc", shapes.SIDEBAR),
        ("Reviewed by Raffaello Pantucci", shapes.CREDIT_BYLINE),
    ],
)
def test_theme_lines(line, kind):
    assert kind.search(line)


@pytest.mark.parametrize(
    "text",
    [
        "La Cina e il vuoto lasciato in Afghanistan",
        "中国在中亚的安全存在",
        "why the west keeps getting central asia wrong",
        "Raffaello Pantucci: “Is China ready to police the world?”",
    ],
)
def test_headlines_that_are_not_title_cased_or_not_english(text):
    assert is_headline_shape(text)


@pytest.mark.parametrize(
    "text", ["(Also spoke to the BBC about this.)", "Continue reading", "By Raffaello Pantucci"]
)
def test_asides_furniture_and_bylines_are_no_headlines(text):
    assert not is_headline_shape(text)


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        ("My latest for the Jamestown Foundation’s Terrorism Monitor.", "Jamestown Foundation"),
        ("After my earlier piece in the Guardian, this time for the Sunday Business Post.",
         "Sunday Business Post"),
        ("A piece with the excellent Kabir Taneja for the Observer Research Foundation.",
         "Observer Research Foundation"),
        ("A piece in Italian for Il Foglio on China’s role in Afghanistan.", "Il Foglio"),
        ("This time for Chatham House’s The World Today magazine.", "Chatham House"),
        ("Something different, over at Prospect’s blog.", "Prospect"),
    ],
)  # fmt: skip
def test_outlet_is_the_best_placed_name_in_the_introduction(intro, outlet):
    assert find_outlet(intro) == outlet


def test_page_without_blank_lines_is_read_one_line_per_paragraph():
    text = (
        "A New Piece\nBy Raffaello Pantucci\nThe first paragraph is here and\ngoes on.\n"
        "A second paragraph.\nA third one.\nA fourth one.\nA fifth one.\n"
    )
    spans = [(p.first_line, p.last_line) for p in page_paragraphs(text)]
    assert spans == [(1, 1), (2, 2), (3, 4), (5, 5), (6, 6), (7, 7), (8, 8)]


def test_intro_with_implied_first_person_after_a_post_without_bio():
    page = (
        f"A new piece for The Diplomat on the SCO.\n\nThe SCO at Twenty\n\n{BODY}\n\n{BODY}\n\n"
        "Around the anniversary of the Madrid bombings, wrote a few things for the Guardian.\n\n"
        f"Europe’s Jihadists Look Different\n\n{BODY}\n\n{BODY}\n"
    )
    parsed = parse_page(page_text("p.txt", page))
    assert [(p.title, p.first_line, p.outlet) for p in parsed.posts] == [
        ("The SCO at Twenty", 1, "The Diplomat"),
        ("Europe’s Jihadists Look Different", 9, "The Guardian"),
    ]


def test_note_only_post_is_set_aside_not_merged():
    page = (
        f"A new piece for The Diplomat on the SCO.\n\nThe SCO at Twenty\n\n{BODY}\n\n{BODY}\n\n"
        "Was on BBC Radio 4 this morning talking about the arrests in Birmingham.\n\n"
        f"My latest for the Financial Times, on sanctions.\n\nSanctions Bite\n\n{BODY}\n"
    )
    parsed = parse_page(page_text("p.txt", page))
    assert [p.title for p in parsed.posts] == ["The SCO at Twenty", "Sanctions Bite"]
    assert [(r.reason, r.first_line) for r in parsed.rejects] == [(NOTE_ONLY_REASON, 9)]
    assert "BBC" not in parsed.posts[0].body


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Category Archives: Articles", "category", "Articles"),
        ("Posts Categorized ‘Op-eds’", "category", "Op-eds"),
        ("Tag Archives: Xinjiang", "tag", "Xinjiang"),
        ("Monthly Archives: June 2020", "month", "2020-06"),
    ],
)
def test_older_theme_archive_headers(line, kind, value):
    header = parse_header(line, 1)
    assert header is not None and (header.kind, header.value) == (kind, value)
