"""Tier 2: the parser on the real seed pages against hand-checked expectations.

`tests/fixtures/expected_posts.json` was written by reading the raw pages (titles, line spans,
outlets, authors, standfirsts, headings, dates, captions and note counts), not from the
parser's output.
"""

from __future__ import annotations

import pytest

from pipelines.footnotes import split_notes


def _pairs(expected_posts: dict, parsed_pages: dict):
    for page, spec in expected_posts["pages"].items():
        parsed = parsed_pages[page]
        yield page, spec, parsed


def test_every_seed_page_is_parsed(expected_posts, parsed_pages):
    assert set(parsed_pages) == set(expected_posts["pages"])
    for page, parsed in parsed_pages.items():
        assert parsed.error is None, page
        assert [r.reason for r in parsed.rejects] == [], page


def test_page_headers(expected_posts, parsed_pages):
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        assert (parsed.header.kind, parsed.header.value) == (
            spec["header_kind"],
            spec["header_value"],
        ), page


def test_posts_found_once_each_with_exact_spans(expected_posts, parsed_pages):
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        got = [(p.title, p.first_line, p.last_line, p.title_line) for p in parsed.posts]
        want = [
            (p["title"], p["first_line"], p["last_line"], p["title_line"]) for p in spec["posts"]
        ]
        assert got == want, page


FIELDS = ("outlet", "subtitle", "headings", "published_date")


@pytest.mark.parametrize("field", FIELDS)
def test_post_parts(expected_posts, parsed_pages, field):
    mismatches = []
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        for want, got in zip(spec["posts"], parsed.posts, strict=True):
            value = getattr(got, field)
            if field == "published_date" and value is not None:
                value = value.isoformat()
            if value != want[field]:
                mismatches.append((page, want["title_line"], value, want[field]))
    assert mismatches == []


def test_authors(expected_posts, parsed_pages):
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        for want, got in zip(spec["posts"], parsed.posts, strict=True):
            assert sorted(got.authors) == sorted(want["authors"]), (page, want["title"])


def test_blog_notes_and_captions(expected_posts, parsed_pages):
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        for want, got in zip(spec["posts"], parsed.posts, strict=True):
            paragraphs = got.blog_note.split("\n\n") if got.blog_note else []
            assert len(paragraphs) == want["blog_note_paragraphs"], (page, want["title"])
            assert len(got.captions) == want["distinct_captions"], (page, want["title"])


def test_bios_found_where_printed(expected_posts, parsed_pages):
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        for want, got in zip(spec["posts"], parsed.posts, strict=True):
            assert (got.author_bio is not None) == bool(want["bio_lines"]), (page, want["title"])


def test_note_counts(expected_posts, parsed_pages):
    for page, spec, parsed in _pairs(expected_posts, parsed_pages):
        for want, got in zip(spec["posts"], parsed.posts, strict=True):
            notes = split_notes(got.notes_block) if got.notes_block else []
            numbers = [n.number for n in notes]
            assert len(numbers) == want["notes_count"], (page, want["title"])
            if numbers:
                assert (numbers[0], numbers[-1]) == (
                    want["first_note_number"],
                    want["last_note_number"],
                ), (page, want["title"])


def test_body_holds_article_text_only(parsed_pages):
    for page, parsed in parsed_pages.items():
        for post in parsed.posts:
            assert post.body, (page, post.title)
            assert "<!" not in post.body, (page, post.title)
            assert post.title not in post.body.split("\n\n")[:1], (page, post.title)
            if post.author_bio:
                for bio in post.author_bio.split("\n\n"):
                    assert bio not in post.body, (page, post.title)
            for caption in post.captions:
                assert caption not in post.body.split("\n\n"), (page, post.title)
            if post.blog_note:
                assert post.blog_note.split("\n\n")[0] not in post.body, (page, post.title)
