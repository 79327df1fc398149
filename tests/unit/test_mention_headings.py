"""Tier 1: a body's Title Case subheadings, where the model takes verbs for names."""

from __future__ import annotations

import spacy

from pipelines.mentions.shapes_headings import (
    drop_unattested_heading_names,
    heading_ranges,
    is_heading,
)
from tests.unit.mention_spans import ent_at

NLP = spacy.blank("en")
BODY = (
    "The SCO grew fast after 2001.\n\n"
    "Digitalisation: China Builds and Builds\n\n"
    "Then Alibaba and the SCO signed a deal in Tashkent."
)


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
        ent_at(doc, "China Builds", "ORG"),
        ent_at(doc, "Tashkent", "GPE"),  # in the heading and again in the text
        ent_at(doc, "Alibaba", "ORG"),
    ]
    kept = [doc[e.start : e.end].text for e in drop_unattested_heading_names(doc, model)]
    assert kept == ["Tashkent", "Alibaba"]
