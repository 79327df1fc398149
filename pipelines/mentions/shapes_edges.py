"""Where the model's spans start and end: owners, lower-case tails, prefixes, Arabic names.

These run over the model's spans before they meet the knowledge base's, so a part cut off
here can still be found by the base ("Repsol’s Brazilian" leaves "Brazilian" to it).

* "Paul Bremer’s Coalition Provisional Authority" is two names: an owner and what it owns.
* "Neuquén province": a lower-case word ending a name is not part of it.
* "Cambridge, Massachusetts": a comma ends a name; "Jaar in Abyan" is a town and a province.
* "Inter-American Development Bank": a capitalised prefix glued by a hyphen is.
* "Abu Muhammad al-Maqdisi": a person's "al-" surname and the given names before it are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.gazetteer import countries, looks_like_demonym, regions
from pipelines.mentions.kb import default_kb
from pipelines.mentions.shapes import (
    ARABIC_ARTICLE,
    EVENT_HEADS,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    OFFICE_WORDS,
    ORG_HEADS,
    POSSESSIVE,
    Ent,
    is_cap,
    sentence_start,
)
from pipelines.mentions.shapes_labels import label_of_shape

KUNYA = re.compile(r"^(?:Abu|Umm|Ibn|Bin)$")
MAX_GIVEN_NAMES = 3
EUROPEAN_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "del", "du"})


def split_at_owner(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A model span with a possessive after two words or more is the owner's name, then the
    owned name when its words say what it is ("Special Action Force"); otherwise the owned
    part is left to the base."""
    out: list[Ent] = []
    for ent in ents:
        # A one-word owner is usually part of the name: "Jane’s Intelligence Review".
        cut = next(
            (t for t in range(ent.start + 2, ent.end - 1) if doc[t].text in POSSESSIVE),
            None,
        )
        if cut is None:
            out.append(ent)
            continue
        out.append(replace(ent, end=cut))
        owned = Ent(cut + 1, ent.end, ent.label)
        if label := label_of_shape(doc, owned):
            out.append(replace(owned, label=label))
    return out


def split_at_commas(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A model span across a comma is a list or a place and its country, one name each:
    "Poso in Central Sulawesi, Santoso", "Cambridge, Massachusetts"."""
    out: list[Ent] = []
    for ent in ents:
        start = ent.start
        for t in range(ent.start, ent.end):
            if doc[t].text == ",":
                if t > start:
                    out.append(replace(ent, start=start, end=t))
                start = t + 1
        if start < ent.end:
            out.append(replace(ent, start=start))
    return out


@cache
def provinces_only() -> frozenset[str]:
    """Provinces, states and the like that are not also a country's name."""
    return regions(major_only=True) - countries()


def split_town_in_region(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Jaar in Abyan", "Poso in Central Sulawesi": a model span of a name, "in" and a
    province is a town and its province, two GPE (not with a country: "Jemaah Islamiyah in
    Indonesia" may be a body; not when the first part is a body or known)."""
    provinces = provinces_only()
    heads = (INSTITUTION_WORDS, ORG_HEADS, EVENT_HEADS)
    out: list[Ent] = []
    for ent in ents:
        cut = next((t for t in range(ent.start + 1, ent.end - 1) if doc[t].text == "in"), None)
        if cut is not None:
            town, region = doc[ent.start : cut], doc[cut + 1 : ent.end]
            plain = all(t.is_alpha and t.is_title for t in town)
            named = any(w.match(t.text) for t in town for w in heads)
            if (
                region.text in provinces
                and plain
                and not named
                and not default_kb().lookup(town.text)
            ):
                out += [Ent(ent.start, cut, "GPE"), Ent(cut + 1, ent.end, "GPE")]
                continue
        out.append(ent)
    return out


def cut_lowercase_tail(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A model span ending in lower-case words ends before them ("Neuquén province")."""
    out: list[Ent] = []
    for ent in ents:
        end = ent.end
        while end - ent.start > 1 and doc[end - 1].is_alpha and doc[end - 1].is_lower:
            if doc[end - 1].lower_ in NAME_PARTICLES | EUROPEAN_PARTICLES:
                break  # "Ursula von der Leyen": the model may stop at the particle
            end -= 1
        out.append(replace(ent, end=end))
    return out


def take_capital_prefix(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A capitalised word glued by a hyphen before a model span starts it ("Inter-American
    Development Bank"), unless the word is a name the span lists with ("Sino-", a country)."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out: list[Ent] = []
    for ent in ents:
        i = ent.start
        if (
            ent.label == "ORG"
            and i >= 2
            and doc[i - 1].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_
            and doc[i - 2].is_alpha
            and is_cap(doc[i - 2].text)
            and not {i - 1, i - 2} & taken
        ):
            ent = replace(ent, start=i - 2)
        out.append(ent)
    return out


def _given_names_before(doc: Doc, i: int, taken: set[int]) -> int:
    """Start of up to MAX_GIVEN_NAMES capitalised words before token i ("Ayman", "Abu
    Ayyub"); a sentence's first word counts only when it is a kunya ("Abu")."""
    start = i
    while start > 0 and i - start < MAX_GIVEN_NAMES:
        prev = doc[start - 1]
        if start - 1 in taken or not (prev.is_alpha and prev.is_title and prev.whitespace_):
            break
        if prev.lower_ in STOP_WORDS or OFFICE_WORDS.match(prev.text):
            break
        known = default_kb().lookup(prev.text)
        if (known is not None and known.label != "PERSON") or looks_like_demonym(prev.text):
            break  # "Egyptian Abu Ayyub al-Masri": the nationality is not a given name
        start -= 1
    if start < i and sentence_start(doc, start) and not KUNYA.match(doc[start].text):
        start += 1  # a capitalised first word is no evidence ("Meanwhile al-Masri")
    return start


def extend_arabic_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A model PERSON after a glued "al-" takes it in, and the "Abu ..." names before it:
    the model's "Masri" in "Abu Ayyub al-Masri", its "Abu Muhammad" before "al-Maqdisi"."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    out: list[Ent] = []
    for ent in ents:
        if ent.label == "PERSON":
            start, end = ent.start, ent.end
            glued = start >= 2 and not (doc[start - 2].whitespace_ or doc[start - 1].whitespace_)
            if glued and doc[start - 1].text == "-" and ARABIC_ARTICLE.match(doc[start - 2].text):
                start = _given_names_before(doc, start - 2, taken)
            surname = end + 2 < len(doc) and doc[end + 1].text == "-"
            if surname and ARABIC_ARTICLE.match(doc[end].text):
                glued = not doc[end].whitespace_ and not doc[end + 1].whitespace_
                if glued and is_cap(doc[end + 2].text) and end + 2 not in taken:
                    end += 3
            ent = replace(ent, start=start, end=end)
        out.append(ent)
    return out
