"""Tier 1: the page parser's pieces on short inline strings."""

from __future__ import annotations

import random
import re
import sys

import pytest

from pipelines.parsing import classify
from pipelines.parsing.header import UnknownHeaderError, parse_header
from pipelines.parsing.text import PageDecodeError, decode_page, split_paragraphs
from tests.pages import parse_file

INTRO = "A new piece for the Financial Times this time looking at terrorism, catch up posting."
INTRO_2 = "Another piece for the excellent Diplomat, this time with my colleague on the SCO."
BODY = (
    "It is tempting to ignore the tweets. But his declaration will empower those around the "
    "world inclined to see any threat as terrorism, and that matters a great deal."
)
PAGE = f"""Posts Tagged ‘SCO’

{INTRO}

Drifting definitions of terrorism

Threats to outlaw groups could criminalise dissent

Protesters in the street © AFP via Getty Images

The writer is a senior fellow at the S. Rajaratnam School of International Studies

{BODY}

A Heading Here

{BODY}

{INTRO_2}

Can China Assert Itself in Afghanistan?

Beijing needs to play a stronger role.

By Raffaello Pantucci and Kane Luo for The Diplomat

{BODY}
"""


def test_decode_strips_bom_and_crlf_without_moving_lines():
    clean = decode_page(PAGE.encode())
    messy = decode_page(b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode())
    assert messy.text == clean.text
    assert set(messy.notes) == {"removed a byte-order mark", "converted CRLF line endings"}


def test_decode_falls_back_to_windows_1252():
    decoded = decode_page("Beijing’s caf\u00e9".encode("cp1252"))
    assert decoded.text == "Beijing’s café" and decoded.encoding == "cp1252"


@pytest.mark.parametrize("data", [b"", b"  \n\n", b"\x00\x01\x02binary\xff\xfe"])
def test_decode_refuses_empty_and_binary(data):
    with pytest.raises(PageDecodeError):
        decode_page(data)


def test_paragraph_line_spans_and_more_tag():
    paragraphs = split_paragraphs("a\nb\n\n<!–more–>\n\nc\n<!–\nmore–>\nd")
    assert [(p.first_line, p.last_line) for p in paragraphs] == [(1, 2), (6, 6), (9, 9)]


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Posts Tagged ‘SCO’", "tag", "SCO"),
        ("Archive for the ‘Nikkei Asia Review’ Category", "category", "Nikkei Asia Review"),
        ("Archive for June, 2020", "month", "2020-06"),
    ],
)
def test_headers(line, kind, value):
    header = parse_header(line, 1)
    assert header is not None and (header.kind, header.value) == (kind, value)


def test_front_page_and_unknown_header():
    assert parse_header("A new piece for the FT", 1) is None
    with pytest.raises(UnknownHeaderError):
        parse_header("Archive for Smarch, 2020", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin met with other presidents in Astana.   © Reuters",
        "Nato soldiers near Kabul. PHOTO: REUTERS",
        "The fire service sprays disinfectant (Turar Kazangapov/Asian Development Bank/Flickr)",
        "Screen Shot 2020-06-30 at 07.32.11",
        "Image credit: iStock/Sohrab Omar",
    ],
)
def test_captions(text):
    assert classify.is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "By Raffaello Pantucci and Kane Luo for The Diplomat",
        "Author: Raffaello Pantucci, RUSI",
        "by Raffaello Pantucci / June 11, 2020 / Leave a comment",
    ],
)
def test_bylines(text):
    assert classify.is_byline(text)


@pytest.mark.parametrize(
    "text", ["PUBLISHED : Monday, 18 June, 2018, 8:45am", "29 May 2020", "June 11, 2020"]
)
def test_datelines(text):
    assert classify.is_dateline(text)


def test_bio_and_blog_voice():
    assert classify.is_bio("The writer is senior fellow at the S Rajaratnam School")
    assert classify.is_bio("Niva Yau is a Senior Researcher at the OSCE Academy in Bishkek.")
    assert classify.blog_voice_score(INTRO) >= 3
    assert classify.blog_voice_score(BODY) < 3
    assert classify.blog_voice_score("Q: I think my piece was right?") == 0


def test_page_parse_finds_posts_and_parts():
    parsed = parse_file("p.txt", PAGE.encode())
    assert parsed.header.kind == "tag" and parsed.rejects == []
    first, second = parsed.posts
    assert (first.first_line, first.title_line, first.title) == (
        3,
        5,
        "Drifting definitions of terrorism",
    )
    assert first.subtitle == "Threats to outlaw groups could criminalise dissent"
    assert first.captions == ["Protesters in the street © AFP via Getty Images"]
    assert first.author_bio.startswith("The writer is")
    assert first.headings == ["A Heading Here"]
    assert first.body == f"{BODY}\n\nA Heading Here\n\n{BODY}"
    assert first.outlet == "Financial Times"
    assert second.authors == ["Raffaello Pantucci", "Kane Luo"]
    assert second.outlet == "The Diplomat"
    assert second.last_line == PAGE.count("\n")


def test_text_before_first_post_is_rejected_not_glued():
    page = f"Some stray words of a page.\n\n{INTRO}\n\nA Title\n\n{BODY}\n"
    parsed = parse_file("p.txt", page.encode())
    assert len(parsed.posts) == 1
    assert [r.stage for r in parsed.rejects] == ["segment"]
    assert parsed.rejects[0].raw_text == "Some stray words of a page."


def test_page_without_posts_is_reported():
    parsed = parse_file("p.txt", b"Just one line of nothing.")
    assert parsed.posts == [] and parsed.error


def test_hard_wrapped_lines_are_rejoined():
    wrapped = "The most recent was the establishment by\nBeijing of a mechanism."
    page = f"{INTRO}\n\nA Title\n\n{BODY} {wrapped}\n"
    parsed = parse_file("p.txt", page.encode())
    assert parsed.posts[0].body.endswith("establishment by Beijing of a mechanism.")


BIO = "Raffaello Pantucci is a senior fellow at the S. Rajaratnam School of International Studies."


def test_post_without_introduction_after_a_closing_bio():
    page = (
        f"Archive for the ‘Nikkei Asia Review’ Category\n\n{INTRO}\n\nFirst Title\n\n{BODY}\n\n"
        f"{BIO}\n\nSecond Title Without Intro\n\nBy Raffaello Pantucci for The Diplomat\n\n"
        f"{BODY}\n"
    )
    parsed = parse_file("p.txt", page.encode())
    assert (parsed.header.kind, parsed.header.value) == ("category", "Nikkei Asia Review")
    assert [(p.title, p.first_line) for p in parsed.posts] == [
        ("First Title", 3),
        ("Second Title Without Intro", 11),
    ]
    assert parsed.posts[1].blog_note is None and parsed.posts[1].outlet == "The Diplomat"


def test_notes_shapes_and_text_after_notes_is_reported():
    body = f"{BODY} It thrived,1 and grew.2 Kazakh3 officials agreed."
    notes = "1. First source, 2020.\n\n2 Second source, 2021.\n\n3“Third source,” rferl.org."
    page = f"{INTRO}\n\nA Paper\n\n{body}\n\nNotes\n\n{notes}\n\nStray closing words here.\n"
    parsed = parse_file("p.txt", page.encode())
    post = parsed.posts[0]
    assert post.notes_block == notes and post.body == body
    assert [(r.stage, r.raw_text) for r in parsed.rejects] == [
        ("parse", "Stray closing words here.")
    ]


def test_truncated_page_keeps_what_it_has():
    page = f"{INTRO}\n\nA Title Cut Short\n\n{BODY} And then the page stops mid"
    parsed = parse_file("p.txt", page.encode())
    assert [p.title for p in parsed.posts] == ["A Title Cut Short"]
    assert parsed.posts[0].body.endswith("stops mid")


def test_outlet_not_in_the_reviewed_list_is_read_from_the_introduction():
    intro = "A new piece for the excellent Asia Society Policy Institute, this time on water."
    page = f"{intro}\n\nRivers of Central Asia\n\n{BODY}\n"
    assert parse_file("p.txt", page.encode()).posts[0].outlet == "Asia Society Policy Institute"
    intro = "A new column this time looking for China in Central Asia, catch up posting."
    page = f"{intro}\n\nRivers of Central Asia\n\n{BODY}\n"
    assert parse_file("p.txt", page.encode()).posts[0].outlet is None


def test_wordpress_furniture_is_set_aside_not_glued_into_a_post():
    page = (
        f"{INTRO}\n\nFirst Title\n\n{BODY}\n\n{BIO}\n\nPosted in Uncategorized\n\n"
        f"Leave a comment\n\nSecond Title Without Intro\n\nBy Raffaello Pantucci for The Diplomat"
        f"\n\n{BODY}\n\nContinue reading →\n\n« Older Entries\n"
    )
    parsed = parse_file("p.txt", page.encode())
    assert [p.title for p in parsed.posts] == ["First Title", "Second Title Without Intro"]
    assert all("Posted" not in p.body and "Older" not in p.body for p in parsed.posts)
    assert sorted(r.raw_text for r in parsed.rejects) == sorted(
        ["Posted in Uncategorized", "Leave a comment", "Continue reading →", "« Older Entries"]
    )


def test_header_glued_to_the_first_post_and_unknown_headers():
    page = f"Posts Tagged ‘SCO’\n{INTRO}\n\nA Title\n\n{BODY}\n"
    parsed = parse_file("p.txt", page.encode())
    assert parsed.header.value == "SCO" and parsed.posts[0].first_line == 2
    page = f"Archive for category Things\n\n{INTRO}\n\nA Title\n\n{BODY}\n"
    parsed = parse_file("p.txt", page.encode())
    assert parsed.header.kind == "front" and [p.title for p in parsed.posts] == ["A Title"]
    assert [(r.stage, r.raw_text) for r in parsed.rejects] == [
        ("header", "Archive for category Things")
    ]


@pytest.mark.parametrize("text", ["", "one", "two words", " spaced  out\ttext \n", "a " * 50])
def test_capped_word_count_compares_like_the_full_count(text):
    full = classify.words(text)
    for cap in (0, 1, 2, 3, 40):
        assert (classify.words(text, cap) <= cap) == (full <= cap)
        assert classify.words(text, cap) == min(full, cap + 1)


@pytest.mark.parametrize(
    "text",
    [
        INTRO,
        INTRO_2,
        BODY,
        "My PIECE for the BLOG, an Article",
        "A \u212aelvin-sign piece: \u017fite",
    ],
)
def test_blog_cues_on_lower_cased_text_match_ignorecase(text):
    expected = {m.group().lower() for m in classify.BLOG_CUES.finditer(text)}
    assert classify._distinct_cues(text) == expected


def test_cue_words_grouped_by_first_letter_match_the_plain_alternation():
    plain = re.compile(rf"\b(?:{'|'.join(classify.BLOG_CUE_WORDS)})\b", re.IGNORECASE)
    words = [*classify.BLOG_CUE_WORDS, "apiece", "posters", "re-publishing", "catching up"]
    rng = random.Random(5)
    for _ in range(300):
        picked = rng.choices([w.replace("(?:ed|ing)?", "ed").replace("-?", "") for w in words], k=8)
        text = rng.choice(["", "a", "—", "_"]).join(f"{w}{rng.choice(' -,.x')}" for w in picked)
        assert classify.BLOG_CUES.findall(text) == plain.findall(text), text


@pytest.mark.parametrize(
    "text",
    ["I", "I’m here", "hmm, me", "Mine", "mine.", "Ime my", "_my", "my_", "1me", "éme", "Im", ""],
)
def test_has_first_person_matches_the_regex(text):
    for padded in (text, f"x {text}", f"{text} y", f"x{text}"):
        assert classify.has_first_person(padded) == bool(classify.FIRST_PERSON.search(padded))


def test_closes_sentence_matches_the_regex():
    from pipelines.parsing.post import SENTENCE_CLOSED, closes_sentence

    tails = ["", ".", "a.", "a.12", "a)3\n", "a\n", "a.\n\n", "12", ".\n", "“x”", "x?7y", ":٣"]
    for tail in tails:
        for text in (tail, f"Long text. More{tail}", f"Ends. {tail}4"):
            assert closes_sentence(text) == bool(SENTENCE_CLOSED.search(text)), repr(text)
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp < 0xE000:
            continue
        text = f"word.{chr(cp)}"
        assert closes_sentence(text) == bool(SENTENCE_CLOSED.search(text)), hex(cp)
