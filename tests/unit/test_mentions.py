"""Tier 1: mention spans and canonical names on short inline strings."""

from __future__ import annotations

import csv

import pytest

from pipelines.mentions.extract import extract_mentions, load_model, trim_span
from pipelines.mentions.kb import KB_PATH, LABELS, default_kb


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _mentions(nlp, text: str) -> list[tuple[str, str, str]]:
    found = extract_mentions(nlp, [text])[0]
    for m in found:
        assert text[m.start : m.end] == m.surface
    return [(m.surface, m.label, m.entity) for m in found]


@pytest.mark.parametrize(
    ("text", "label", "surface"),
    [
        ("President Xi Jinping", "PERSON", "Xi Jinping"),
        ("Foreign Minister Wang Yi", "PERSON", "Wang Yi"),
        ("the SCO", "ORG", "SCO"),
        ("China’s", "GPE", "China"),
        ("Kazakh13", "NORP", "Kazakh"),
        ("U.S.", "GPE", "U.S."),
        ("“Beijing,", "GPE", "Beijing"),
    ],
)
def test_trim_span(text, label, surface):
    start, end = trim_span(text, 0, len(text), label)
    assert text[start:end] == surface


def test_titles_stay_outside_and_demonyms_are_norp(nlp):
    got = _mentions(nlp, "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev.")
    assert ("Chinese", "NORP", "Chinese") in got
    assert ("Xi Jinping", "PERSON", "Xi Jinping") in got
    assert ("Kassym-Jomart Tokayev", "PERSON", "Kassym-Jomart Tokayev") in got
    assert not any(s == "China" for s, _, _ in got)


def test_aliases_share_one_entity(nlp):
    got = _mentions(
        nlp,
        "The Shanghai Cooperation Organization met in Nur-Sultan; the SCO later met in Astana "
        "and the U.S. and the United States watched.",
    )
    entities = {s: e for s, _, e in got}
    assert entities["SCO"] == entities["Shanghai Cooperation Organization"]
    assert entities["Nur-Sultan"] == entities["Astana"]
    assert entities["U.S."] == entities["United States"]


def test_glued_marker_and_capital_as_government(nlp):
    got = _mentions(nlp, "The Uzbek,12 Kazakh13 and Kyrgyz14 governments sent aid; Beijing agreed.")
    surfaces = [(s, lab) for s, lab, _ in got]
    assert ("Kazakh", "NORP") in surfaces and ("Kyrgyz", "NORP") in surfaces
    assert ("Beijing", "GPE") in surfaces


def test_back_references_are_not_mentions(nlp):
    got = _mentions(nlp, "The Republic’s officials went to the Summit with PPE and COVID-19 tests.")
    assert got == []


def test_knowledge_base_is_well_formed():
    with KB_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [r["entity"] for r in rows]
    assert len(names) == len(set(names))
    assert {r["label"] for r in rows} <= set(LABELS)
    assert all(not r["qid"] or (r["qid"][0] == "Q" and r["qid"][1:].isdigit()) for r in rows)
    owners: dict[str, str] = {}
    for entity in default_kb().entities:
        for alias in entity.aliases:
            assert owners.setdefault(alias, entity.entity) == entity.entity, alias
