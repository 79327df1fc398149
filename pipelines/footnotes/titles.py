"""The quoted title of the work a note cites."""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.footnotes.memo import CACHE_SIZE

# A closing single quote ends a title only when punctuation or a bracket follows it;
# otherwise it is an apostrophe ("China’s") or a soft sign ("perenyat’ u").
SINGLE_CLOSE_STRICT = re.compile(r"’(?=\s*[\[(]|[,.;:!?\])”\"]|\s*$)")
# An opening single quote: at the start or after a space or bracket, before a non-space.
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[“]))‘(?=\S)")
TITLE_TRAILING = " ,;:"


def _clean_title(title: str) -> str | None:
    title = title.strip().rstrip(TITLE_TRAILING).strip()
    return title or None


def _double_quoted(text: str, start: int) -> str | None:
    """Text of the “…” pair opening at `start`, counting nested “…” pairs."""
    depth = 0
    first_close = -1
    for i in range(start, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if first_close < 0:
                first_close = i
            if depth == 0:
                return _clean_title(text[start + 1 : i])
    if first_close >= 0:
        return _clean_title(text[start + 1 : first_close])
    return None


def _single_quoted(text: str, start: int) -> str | None:
    """Text of the ‘…’ pair opening at `start`.

    A ’ followed by punctuation closes it. A ’ followed by a space closes it only when
    no better close comes before the next opening ‘. Without any close the title runs to
    the end of the note (a short form missing its closing quote).
    """
    strict = SINGLE_CLOSE_STRICT.search(text, start + 1)
    following = SINGLE_OPEN.search(text, start + 1)
    loose = text.find("’ ", start + 1)
    if strict and (following is None or strict.start() < following.start()):
        return _clean_title(text[start + 1 : strict.start()])
    if loose >= 0 and (following is None or loose < following.start()):
        return _clean_title(text[start + 1 : loose])
    if strict:
        return _clean_title(text[start + 1 : strict.start()])
    return _clean_title(text[start + 1 :].rstrip(". "))


@lru_cache(maxsize=CACHE_SIZE)  # pure; read for a note by the row and by link_same_as
def cited_title(text: str) -> str | None:
    """The quoted title of the cited work: the first ‘…’ or “…” pair, or None."""
    single = SINGLE_OPEN.search(text) if "‘" in text else None
    double = text.find("“")
    straight = text.find('"')
    starts = [
        (pos, kind)
        for pos, kind in (
            (single.start() if single else -1, "single"),
            (double, "double"),
            (straight, "straight"),
        )
        if pos >= 0
    ]
    if not starts:
        return None
    pos, kind = min(starts)
    if kind == "single":
        return _single_quoted(text, pos)
    if kind == "double":
        return _double_quoted(text, pos)
    end = text.find('"', pos + 1)
    return _clean_title(text[pos + 1 : end]) if end > 0 else None
