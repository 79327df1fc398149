"""How a paragraph is worded: its word count, its capitals and its sentence punctuation."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!…:;,]$")
INNER_SENTENCE = re.compile(r"[a-z0-9)”’][.!] +[A-Z“‘]")
CAPITALISED = re.compile(r"^[A-Z0-9“‘\"'¿(]")


def words(text: str, cap: int | None = None) -> int:
    """Whitespace-separated words; with `cap`, counting stops at cap + 1 (enough to compare)."""
    return len(text.split(None, cap)) if cap is not None else len(text.split())
