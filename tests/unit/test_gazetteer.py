"""Tier 1: the gazetteer's name forms (GeoNames and ISO 3166-2 names as the blog spells them)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipelines.mentions.gazetteer import fold, looks_like_demonym, regions, variants


def test_diacritics_fold_and_arabic_articles_take_the_blogs_forms():
    assert fold("Jalālābād") == "Jalalabad"
    assert fold("Mahārāshtra") == "Maharashtra"
    assert {"Al Jawf", "al-Jawf", "Al-Jawf"} <= variants("Al Jawf")


def test_official_suffixes_of_regions_are_dropped():
    assert {"Xinjiang", "Osh"} <= regions()


@given(st.text(max_size=30))
def test_folding_is_idempotent_and_keeps_the_name_among_its_forms(name: str):
    assert fold(fold(name)) == fold(name)
    if name:
        assert name in variants(name)


def test_a_countrys_adjective_is_told_by_its_form():
    assert all(map(looks_like_demonym, ["Egyptian", "Iraqi", "Saudi", "Syrian", "Yemeni"]))
    assert not any(map(looks_like_demonym, ["Ali", "Ayyub", "Muhammad", "Yusuf", "Abu"]))
