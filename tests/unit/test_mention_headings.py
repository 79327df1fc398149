"""Tier 1: a body's Title Case subheadings, where the model takes verbs for names."""

from __future__ import annotations

import spacy

from pipelines.mentions.shapes import Ent
from pipelines.mentions.shapes_headings import (
    drop_unattested_heading_names,
    heading_ranges,
    is_heading,
)

NLP = spacy.blank("en")
BODY = (
    "The SCO grew fast after 2001.\n\n"
    "Digitalisation: China Builds and Builds\n\n"
    "Then Alibaba and the SCO signed a deal in Tashkent."
)


def _span(doc, surface: str, label: str, nth: int = 0) -> Ent:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    span = doc.char_span(start, start + len(surface))
    assert span is not None
    return Ent(span.start, span.end, label)


def test_a_short_title_case_paragraph_is_a_heading_and_a_sentence_is_not():
    doc = NLP(BODY)
    ((a, b),) = heading_ranges(doc)
    assert doc[a:b].text == "Digitalisation: China Builds and Builds"
    sentence = NLP("Then Alibaba and the SCO Signed.")
    assert not is_heading(sentence, 0, len(sentence))


def test_a_lone_title_has_no_headings():
    assert heading_ranges(NLP("China Builds and Builds")) == []


def test_a_name_only_the_heading_has_goes_and_a_repeated_one_stays():
    doc = NLP(BODY.replace("Builds and Builds", "Builds in Tashkent"))
    model = [
        _span(doc, "China Builds", "ORG"),
        _span(doc, "Tashkent", "GPE"),  # in the heading and again in the text
        _span(doc, "Alibaba", "ORG"),
    ]
    kept = [doc[e.start : e.end].text for e in drop_unattested_heading_names(doc, model)]
    assert kept == ["Tashkent", "Alibaba"]
