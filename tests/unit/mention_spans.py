"""Hand-placed spans for the mention rules' tier-1 tests, by surface rather than by token."""

from __future__ import annotations

from spacy.tokens import Doc

from pipelines.mentions.shapes import Ent


def ent_at(doc: Doc, surface: str, label: str, ent_id: str = "", nth: int = 0) -> Ent:
    """The span of `surface` (its nth occurrence) in `doc`, by characters."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    span = doc.char_span(start, start + len(surface))
    assert span is not None, surface
    return Ent(span.start, span.end, label, ent_id)


def labelled(doc: Doc, ents: list[Ent]) -> list[tuple[str, str]]:
    """(surface, label) of each span, in order."""
    return [(doc[e.start : e.end].text, e.label) for e in ents]
