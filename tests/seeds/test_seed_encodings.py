"""Tier 2: a seed page with CRLF line endings or a byte-order mark parses exactly like it."""

from __future__ import annotations

import pytest

from tests.conftest import RAW_DIR
from tests.pages import parse_file

PAGE = "003_438df8717fa9cb3f.txt"


@pytest.mark.parametrize(
    "transform",
    [
        lambda b: b.replace(b"\n", b"\r\n"),
        lambda b: b"\xef\xbb\xbf" + b,
        lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"),
    ],
    ids=["crlf", "bom", "bom+crlf"],
)
def test_crlf_and_bom_parse_exactly_like_the_clean_page(transform):
    clean = (RAW_DIR / PAGE).read_bytes()
    expected = parse_file(PAGE, clean)
    got = parse_file(PAGE, transform(clean))
    assert got.posts == expected.posts
    assert got.rejects == expected.rejects and got.header == expected.header
    assert got.decode_notes  # the repair is reported
