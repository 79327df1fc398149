"""Subheadings inside a body: Title Case makes every word look like a name to the model.

A body's subheading ("Digitalisation: China Builds and Builds") capitalises verbs and
common nouns, and the model reads them as names ("China Builds" ORG). A name the model
finds only in such a heading, and nowhere in the running text around it, is dropped; the
knowledge base's names in the heading stay, and a name the text repeats stays too.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipelines.mentions.shapes import SMALL_WORDS, Ent

MAX_HEADING_TOKENS = 14
SENTENCE_STOPS = frozenset({".", "!", ";"})


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges between paragraph breaks (a whitespace token or gap with a blank line)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for tok in doc:
        if tok.is_space and "\n\n" in tok.text:
            ranges.append((start, tok.i))
            start = tok.i + 1
        elif "\n\n" in tok.whitespace_:
            ranges.append((start, tok.i + 1))
            start = tok.i + 1
    ranges.append((start, len(doc)))
    return [(a, b) for a, b in ranges if b > a]


def is_heading(doc: Doc, start: int, end: int) -> bool:
    """Short, with no sentence stop, and every word of four letters or more capitalised."""
    toks = [t for t in doc[start:end] if not t.is_space]
    words = [t for t in toks if t.is_alpha]
    return (
        0 < len(toks) <= MAX_HEADING_TOKENS
        and len(words) >= 2
        and not any(t.text in SENTENCE_STOPS for t in toks)
        and all(t.text[:1].isupper() for t in words if len(t) >= 4 or t.lower_ not in SMALL_WORDS)
    )


def heading_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The subheadings of a text of several paragraphs (a lone title is not one)."""
    paragraphs = _paragraphs(doc)
    if len(paragraphs) < 2:
        return []
    return [(a, b) for a, b in paragraphs if is_heading(doc, a, b)]


def drop_unattested_heading_names(doc: Doc, model: list[Ent]) -> list[Ent]:
    """The model's spans inside a subheading whose text the running text never repeats."""
    headings = heading_ranges(doc)
    if not headings:
        return model
    text = doc.text
    pieces, last = [], 0
    for a, b in headings:
        pieces.append(text[last : doc[a].idx])
        last = doc[b - 1].idx + len(doc[b - 1])
    pieces.append(text[last:])
    running = "\n".join(pieces)
    inside = {t for a, b in headings for t in range(a, b)}
    return [
        e
        for e in model
        if not inside.intersection(range(e.start, e.end)) or doc[e.start : e.end].text in running
    ]
