"""Tier 1: an alternation grouped by first character matches what the plain one matches."""

from __future__ import annotations

import random
import re

import pytest

from pipelines.parsing.alternation import by_first_character
from pipelines.parsing.gazetteer import outlets

ALPHABET = "ab.c’' -Ab_é"


def _random_texts(rng: random.Random, count: int, length: int) -> list[str]:
    return ["".join(rng.choices(ALPHABET, k=rng.randint(0, length))) for _ in range(count)]


def test_literal_alternatives_with_a_guard_match_the_plain_pattern():
    rng = random.Random(2)
    for _ in range(200):
        alternatives = sorted(set(_random_texts(rng, 6, 4)) - {""}, key=len, reverse=True)
        if not alternatives:
            continue
        plain = re.compile(rf"(?<![\w’'])(?:{'|'.join(map(re.escape, alternatives))})(?![\w’'])")
        grouped = by_first_character(alternatives, literal=True, not_after=r"[\w’']")
        fast = re.compile(rf"(?:{grouped})(?![\w’'])")
        for text in _random_texts(rng, 20, 30):
            found = [(m.span(), m.group()) for m in fast.finditer(text)]
            assert found == [(m.span(), m.group()) for m in plain.finditer(text)], text


def test_regex_alternatives_match_the_plain_pattern():
    alternatives = ("ab", "a(?:b|c)?", "b-?a", "ba", "c a")
    plain = re.compile(rf"\b(?:{'|'.join(alternatives)})\b")
    fast = re.compile(rf"\b(?:{by_first_character(alternatives)})\b")
    for text in _random_texts(random.Random(3), 500, 30):
        assert fast.findall(text) == plain.findall(text), text


def test_a_regex_alternative_must_open_with_a_letter():
    with pytest.raises(ValueError, match="first character"):
        by_first_character(["(?:a)b"])


def test_outlet_gazetteer_finds_what_the_plain_pattern_finds():
    gazetteer = outlets()
    aliases = sorted(gazetteer.canonical, key=len, reverse=True)
    plain = re.compile(rf"(?<![\w’'])(?:{'|'.join(map(re.escape, aliases))})(?![\w’'])")
    rng = random.Random(4)
    for _ in range(300):
        picked = rng.choices(aliases, k=4)
        text = "".join(f"{rng.choice(['', ' ', 'x', '’', ', '])}{a}" for a in picked) + "s"
        found = [(m.start(), m.group()) for m in gazetteer.pattern.finditer(text)]
        assert found == [(m.start(), m.group()) for m in plain.finditer(text)], text
