"""Tier 1: shapes blind sets 30-33 showed (site furniture, hard-wrapped dumps, short posts)."""

from __future__ import annotations

import pytest

from pipelines.parsing import shapes
from pipelines.parsing.credits import split_names
from pipelines.parsing.layout import page_paragraphs, wrap_width
from pipelines.parsing.notes import is_note_opener
from pipelines.parsing.page import page_text, parse_page
from pipelines.parsing.paragraphs import closes_paragraph, closes_post
from pipelines.parsing.text import Paragraph, split_paragraphs
from pipelines.parsing.venues import find_outlet

BODY = (
    "Officials in the region have spent the past year weighing what the change means for "
    "them, and the answers they give in private are more cautious than those they give in "
    "public. Trade has grown, but so has the unease about how much of it runs one way."
)


@pytest.mark.parametrize(
    "line",
    [
        "Page 2 of 14",
        "« Older Entries",
        "Newer Entries »",
        "Blog at WordPress.com.",
        "Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree.",
        "© 2023 Raffaello Pantucci",
    ],
)
def test_the_sites_pagination_and_footer(line):
    assert shapes.PAGE_FOOTER.match(line)


def test_the_footer_under_the_last_post_is_set_aside_with_its_lines():
    page = (
        "A new piece for the Diplomat on the Pamirs.\n\n"
        "China in the Pamirs\n\n"
        f"{BODY}\n\n{BODY}\n\n{BODY}\n\n"
        "Page 2 of 14\n« Older Entries\n\n"
        "Blog at WordPress.com.\n"
    )
    parsed = parse_page(page_text("footer.txt", page))
    (post,) = parsed.posts
    assert post.last_line == 9
    footer = [r for r in parsed.rejects if r.reason.startswith("the site's pagination")]
    assert [(r.first_line, r.last_line) for r in footer] == [(11, 14)]
    assert footer[0].raw_text == "Page 2 of 14\n« Older Entries\n\nBlog at WordPress.com."


@pytest.mark.parametrize(
    "line", ["Follow me on Twitter", "Search for:", "Recent Posts", "May 2023", "Top Posts & Pages"]
)
def test_sidebar_widget_lines(line):
    assert shapes.SIDEBAR.search(line)


def test_a_related_entry_closes_its_post_and_is_no_headline():
    entry = Paragraph(("Pakistan’s Chinese problem", "April 27, 2022", "In “China”"), 10, 12)
    assert shapes.is_related_entry(entry.lines)
    assert closes_paragraph(entry)


def test_sharing_buttons_on_one_line():
    assert shapes.CLOSING_FURNITURE.match("Like Loading…")


def test_a_mixed_case_section_label_is_a_kicker():
    assert shapes.SECTION_KICKER.match("Commentary")
    assert not shapes.SECTION_KICKER.match("Commentary on China")


def test_a_hard_wrapped_dump_reads_paragraphs_by_where_the_wrap_falls():
    text = (
        "Tags: China\n"
        "The difficulty is that measures presented as counter-terrorism are experienced\n"
        "by ordinary Uighurs as restrictions on their faith, their language and their\n"
        "movement. None of this excuses the killing of police officers or passers-by.\n"
        "But if European governments wish to help, as you suggest, they would do\n"
        "better to press Beijing on how it distinguishes militants from the others.\n"
        "A short last line.\n"
        "What Urumqi changed, a year later\n"
        "July 6, 2010\n"
    )
    assert wrap_width(split_paragraphs(text)) is not None
    spans = [(p.first_line, p.last_line) for p in page_paragraphs(text)]
    assert (2, 5) in spans or (2, 6) in spans  # the wrapped paragraph stays one
    assert (8, 8) in spans and (9, 9) in spans  # the headline and its date stand alone


def test_prose_in_long_lines_is_no_hard_wrapped_dump():
    lines = [f"{BODY} {BODY}" for _ in range(10)]
    assert wrap_width(split_paragraphs("\n".join(lines))) is None


def test_a_letters_signature_closes_it():
    assert closes_paragraph(Paragraph(("Raffaello Pantucci,", "London WC2, UK"), 5, 6))


@pytest.mark.parametrize(
    "text",
    [
        "A shorter version of this appeared in Asia Times Online.",
        "This article first appeared in Prospect on 25 May 2017.",
        "Published in ISN Security Watch, 24 March 2009",
    ],
)
def test_a_closing_credit_closes_a_post_and_is_no_note(text):
    assert closes_post(text)
    assert not is_note_opener(text)


@pytest.mark.parametrize(
    "text",
    [
        "Presented some early work on the Europeans in Syria at a closed workshop this week.",
        "Very pleased to say that the book is finally out. More on the launch soon.",
    ],
)
def test_notes_of_a_presentation_or_a_book(text):
    assert is_note_opener(text)


@pytest.mark.parametrize(
    ("intro", "outlet"),
    [
        ("For the Evening Standard, on Norway.", "Evening Standard"),
        (
            "The kind people at Transitions Online sent over a long list of questions.",
            "Transitions Online",
        ),
        (
            "Over at Switzerland’s grand old paper of record, the Neue Zürcher Zeitung, a piece.",
            "Neue Zürcher Zeitung",
        ),
    ],
)
def test_outlets_opening_a_sentence_or_behind_their_people(intro, outlet):
    assert find_outlet(intro) == outlet


def test_a_byline_of_two_names_is_not_a_name_and_its_institution():
    assert split_names("Raffaello Pantucci, Emil Dall") == ["Raffaello Pantucci", "Emil Dall"]
    assert split_names("Raffaello Pantucci, RUSI") == ["Raffaello Pantucci"]
