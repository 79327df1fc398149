"""Subheadings inside a body: Title Case makes every word look like a name to the model.

A body's subheading ("Digitalisation: China Builds and Builds") capitalises verbs and
common nouns, and the model reads them as names ("China Builds" ORG). A name the model
finds only in such a heading, and nowhere in the running text around it, is dropped; the
knowledge base's names in the heading stay, and a name the text repeats stays too.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from pipelines.mentions.shapes import SMALL_WORDS, Ent, doc_text

MAX_HEADING_TOKENS = 14
PARAGRAPH_BREAK = re.compile(r"\n\n")
SENTENCE_STOPS = frozenset({".", "!", ";"})


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between paragraph breaks (a whitespace token or gap with a blank line)."""
    ranges: list[tuple[int, int]] = []
    text = doc_text(doc)
    if "\n\n" not in text:
        return [(0, len(doc))] if len(doc) else []
    starts = [int(i) for i in doc.to_array("IDX")]
    start = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        k = bisect_right(starts, m.start()) - 1  # the token at or before the break
        if k < start:
            continue
        tok = doc[k]
        if tok.is_space and tok.idx <= m.start() < tok.idx + len(tok):
            ranges.append((start, k))
        else:
            ranges.append((start, k + 1))
        start = k + 1
    ranges.append((start, len(doc)))
    return [(a, b) for a, b in ranges if b > a]


def is_heading(doc: Doc, start: int, end: int) -> bool:
    """Short, with no sentence stop, and every word of four letters or more capitalised."""
    toks = [t for t in doc[start:end] if not t.is_space]
    words = [t for t in toks if t.is_alpha]
    return (
        0 < len(toks) <= MAX_HEADING_TOKENS
        and len(words) >= 2
        and not any(t.text in SENTENCE_STOPS or t.like_num for t in toks)  # a caption's date
        and all(t.text[:1].isupper() for t in words if len(t) >= 4 or t.lower_ not in SMALL_WORDS)
    )


def heading_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The subheadings of a text of several paragraphs (a lone title is not one)."""
    paragraphs = _paragraphs(doc)
    if len(paragraphs) < 2:
        return []
    return [(a, b) for a, b in paragraphs[1:] if is_heading(doc, a, b)]  # not a text's title


def drop_unattested_heading_names(doc: Doc, model: list[Ent]) -> list[Ent]:
    """The model's spans inside a subheading whose last word the running text never has."""
    headings = heading_ranges(doc)
    if not headings:
        return model
    text = doc_text(doc)
    pieces, last = [], 0
    for a, b in headings:
        pieces.append(text[last : doc[a].idx])
        last = doc[b - 1].idx + len(doc[b - 1])
    pieces.append(text[last:])
    running = "\n".join(pieces)
    inside = {t for a, b in headings for t in range(a, b)}
    # A name counts as repeated when its last word is ("Keir Starmer" ... "Starmer said").
    return [
        e
        for e in model
        if not inside.intersection(range(e.start, e.end))
        or re.search(rf"\b{re.escape(doc[e.end - 1].text)}\b", running)
    ]
