"""Tier 1: pipelines.footnotes on the real notes blocks and bodies of the seed pages."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from pipelines.footnotes import (
    cited_title,
    extract_domains,
    extract_urls,
    find_markers,
    link_same_as,
    notes_region,
    parse_accessed_date,
    split_notes,
)
from tests.unit.footnotes_helpers import numbers

ROOT = Path(__file__).resolve().parents[2]
PAGE_DIRS = (ROOT / "data" / "raw", ROOT.parent / "shared" / "seeds")


# --- the real notes blocks of the seed pages -------------------------------------------


def page_lines(name: str) -> list[str]:
    for folder in PAGE_DIRS:
        path = folder / name
        if path.exists():
            return path.read_text(encoding="utf-8").splitlines()
    pytest.skip(f"page {name} not found in {PAGE_DIRS}")


def lines_text(name: str, first: int, last: int) -> str:
    """Lines first..last of a page, 1-based and inclusive."""
    return "\n".join(page_lines(name)[first - 1 : last])


# Counted by reading the pages: 000 prints notes 1..89 one per paragraph after 'Notes';
# 003 prints 1..63 on consecutive lines with none missing (3/4, 5/6/7, 8/9, 27/28, 45/46,
# 49/50, 51/52 and 53/54 share a line); 002 prints 651..687, 669 being a bare URL.
REAL_BLOCKS = [
    ("000_efb1e64e7f4b2eee.txt", 482, 658, list(range(1, 90))),
    ("003_438df8717fa9cb3f.txt", 61, 114, list(range(1, 64))),
    ("002_fbd602585b3c64db.txt", 453, 526, list(range(651, 688))),
]


@pytest.mark.parametrize(("name", "first", "last", "expected"), REAL_BLOCKS)
def test_real_notes_blocks(name, first, last, expected):
    block = lines_text(name, first, last)
    notes = split_notes(block)
    assert numbers(notes) == expected
    assert all(note.text for note in notes)
    assert all(block[note.offset :].startswith(str(note.number)) for note in notes)


def test_real_block_details():
    notes = {n.number: n for n in split_notes(lines_text("003_438df8717fa9cb3f.txt", 61, 114))}
    assert notes[27].text.endswith("uzdaily.uz, April 6, 2020.")
    assert notes[28].text.startswith("“Chinese universities compile")
    assert extract_domains(notes[13].text, []) == ["inform.kz"]
    assert cited_title(notes[35].text).startswith("WeChat responds to the article “Multi")
    notes = {n.number: n for n in split_notes(lines_text("000_efb1e64e7f4b2eee.txt", 482, 658))}
    assert extract_urls(notes[76].text) == ["http://uzdaily.com/en/post/60623"]
    assert parse_accessed_date(notes[3].text) == datetime.date(2022, 9, 12)
    links = link_same_as(list(notes.values()))
    assert {n: links[n] for n in (26, 45, 57, 58, 59, 71, 77)} == {
        26: 25,
        45: 41,
        57: 39,
        58: 53,
        59: 55,
        71: 41,
        77: 74,
    }


REAL_POSTS = [
    # page, body lines, notes lines
    ("000_efb1e64e7f4b2eee.txt", (370, 466), (482, 658)),
    ("003_438df8717fa9cb3f.txt", (9, 59), (61, 114)),
    ("002_fbd602585b3c64db.txt", (300, 445), (453, 526)),
]


@pytest.mark.parametrize(("name", "body_lines", "notes_lines"), REAL_POSTS)
def test_real_bodies_cite_every_note_once(name, body_lines, notes_lines):
    body = lines_text(name, *body_lines)
    wanted = numbers(split_notes(lines_text(name, *notes_lines)))
    markers = find_markers(body, wanted)
    assert {n: len(offsets) for n, offsets in markers.items()} == dict.fromkeys(wanted, 1)


def test_real_marker_glued_to_year():
    body = lines_text("000_efb1e64e7f4b2eee.txt", 370, 466)
    assert find_markers(body, list(range(1, 90)))[65] == [body.index("201665") + 4]


@pytest.mark.parametrize(
    ("name", "first", "last", "expected"),
    [
        # 'Paving the Digital Silk Road' to the next post; bios sit before 'Notes'.
        ("000_efb1e64e7f4b2eee.txt", 368, 662, (1, 89)),
        # 'Beijing Binds' up to the next post: one paragraph of consecutive notes.
        ("003_438df8717fa9cb3f.txt", 5, 118, (1, 63)),
        # The 651..687 notes follow the authors' bios; the next post opens with '2022'.
        ("002_fbd602585b3c64db.txt", 365, 531, (651, 687)),
    ],
)
def test_real_notes_region(name, first, last, expected):
    text = lines_text(name, first, last)
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    region = notes_region(paragraphs)
    assert region is not None
    start, end = region
    notes = split_notes("\n\n".join(paragraphs[start:end]))
    assert (notes[0].number, notes[-1].number) == expected
    # The region stops before what follows the notes (next post's intro).
    assert end < len(paragraphs)
    assert not paragraphs[end][:1].isdigit()
