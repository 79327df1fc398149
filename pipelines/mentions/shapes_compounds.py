"""Mention rules for shape 3 of issue 20: hyphenated compounds and all-capitals headlines."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.kb import KnowledgeBase
from pipelines.mentions.shapes import (
    SMALL_WORDS,
    Ent,
    indices_where,
    is_cap,
    no_overlaps,
    owners,
    token_texts,
)

# What may sit between the words of an all-capitals headline ("CHINA’S", "ANTI-WEST").
CAPS_GLUE = frozenset({"’S", "'S", "-", "&"})
MIN_HEADLINE_WORD = 4
MAX_HEADLINE_NAME = 6
# Lower-case prefixes of a compound adjective: never part of a name ("trans-Atlantic").
LOWER_PREFIXES = re.compile(
    r"^(?:anti|pro|post|pre|pan|trans|sub|non|neo|inter|intra|cross|mid|ex|ultra|semi|quasi)$"
)
# "Leeds-born", "Idlib-based": the part before names a place.
PLACE_PARTICIPLES = re.compile(r"^(?:born|based|bred|raised|educated|headquartered)$")
# Latin combining forms of nationalities, first half of "Franco-German", "Sino-Russian".
COMBINING_FORMS = {
    "Sino": "Chinese",
    "Franco": "French",
    "Anglo": "British",
    "Indo": "Indian",
    "Russo": "Russian",
    "Afro": "African",
    "Euro": "European",
    "Turco": "Turkish",
    "Greco": "Greek",
    "Italo": "Italian",
    "Austro": "Austrian",
    "Hispano": "Spanish",
    "Luso": "Portuguese",
    "Germano": "German",
    "Irano": "Iranian",
    "Judeo": "Jewish",
}


# Urdu and Arabic connectors inside a group's name: "Tehreek-e-Insaf", "Hizb ut-Tahrir".
CONNECTORS = frozenset({"e", "i", "ul", "ut", "ud", "ush", "us", "ur", "al", "wal", "wa"})


def _glued(doc: Doc, start: int, end: int) -> bool:
    return all(not doc[t].whitespace_ for t in range(start, end - 1))


def _connector_after(doc: Doc, j: int) -> int:
    """Tokens a connector adds from j: "-e-Insaf" is 4, " ut-Tahrir" is 3, none is 0."""
    dashed = (
        j + 3 < len(doc)
        and doc[j].text == doc[j + 2].text == "-"
        and doc[j + 1].lower_ in CONNECTORS
        and is_cap(doc[j + 3].text)
        and _glued(doc, j - 1, j + 4)
    )
    spaced = (
        j + 2 < len(doc)
        and doc[j].lower_ in CONNECTORS
        and doc[j + 1].text == "-"
        and is_cap(doc[j + 2].text)
        and bool(doc[j - 1].whitespace_)
        and _glued(doc, j, j + 3)
    )
    return 4 if dashed else 3 if spaced else 0


def extend_through_connectors(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A name cut at an Urdu or Arabic connector takes the rest in: the model's "Pakistan
    Tehreek" is "Pakistan Tehreek-e-Insaf", its "Taiba" is "Lashkar-e-Taiba"."""
    out: list[Ent] = []
    for ent in ents:
        start, end = ent.start, ent.end
        if ent.label in {"GPE", "LOC", "NORP"}:  # "In Syria al-Nusra grew": two names
            out.append(ent)
            continue
        while step := _connector_after(doc, end):
            end += step
        while start >= 4 and is_cap(doc[start - 4].text) and _connector_after(doc, start - 3) == 4:
            start -= 4
        out.append(replace(ent, start=start, end=end))
    return no_overlaps(out)


def split_combining_forms(doc: Doc, ents: list[Ent], kb: KnowledgeBase) -> list[Ent]:
    """Shape 3, hyphenated pairs: "Franco-German" gives NORP "Franco" (French) and "German"."""
    owner = owners(len(doc), ents)
    added: list[Ent] = []
    texts = token_texts(doc)
    for i in range(len(doc) - 2):
        nationality = COMBINING_FORMS.get(texts[i])
        if nationality is None or doc[i].whitespace_ or doc[i + 1].text != "-":
            continue
        if doc[i + 1].whitespace_:
            continue
        nxt = owner[i + 2]
        partner = ents[nxt] if nxt >= 0 else None
        chained = doc[i + 2].text in COMBINING_FORMS
        if (partner is not None and partner.label == "NORP") or chained:
            known = kb.lookup(nationality)
            added.append(Ent(i, i + 1, "NORP", known.entity if known else ""))
    if not added:
        return ents
    starts = {a.start for a in added}
    rest = [e for e in ents if not any(e.start <= s < e.end for s in starts)]
    return sorted(rest + added, key=lambda e: e.start)


def place_before_participle(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 3, "Leeds-born", "Idlib-based": the part before the hyphen is the place, GPE."""
    owner = owners(len(doc), ents)
    out = list(ents)
    texts = token_texts(doc)
    for i in range(len(doc) - 2):
        if texts[i + 1] != "-" or not PLACE_PARTICIPLES.match(texts[i + 2]):
            continue
        tok = doc[i]
        if not (is_cap(tok.text) and tok.is_alpha) or tok.whitespace_:
            continue
        if doc[i + 1].whitespace_:
            continue
        mine = owner[i]
        span = ents[mine] if mine >= 0 else None
        if span is not None and (span.ent_id or span.label == "NORP"):
            continue
        start = span.start if span is not None and span.start <= i else i
        label = span.label if span is not None and span.label in {"GPE", "LOC"} else "GPE"
        out = [e for e in out if e is not span] + [Ent(start, i + 1, label)]
    return no_overlaps(out)


def cut_lowercase_prefix(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 3, lower-case prefixes: "trans-Atlantic" is no name; its name part may be.

    An article the model took in goes too ("a Eurasian Union"), so that the span's words
    are the name's when they meet the base's ("the World Uyghur Congress").
    """
    out: list[Ent] = []
    for ent in ents:
        if (
            ent.end - ent.start >= 3
            and LOWER_PREFIXES.match(doc[ent.start].text)
            and doc[ent.start + 1].text == "-"
        ):
            ent = replace(ent, start=ent.start + 2)
        elif ent.end - ent.start >= 2 and doc[ent.start].lower_ in {"a", "an", "the"}:
            ent = replace(ent, start=ent.start + 1)  # "a Eurasian Union", "the World ..."
        out.append(ent)
    return out


def _headline_runs(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Token ranges of all-capitals headlines: two or more capitals words, one a real word."""
    runs: list[tuple[int, int]] = []
    texts = token_texts(doc)
    capitals = indices_where(doc, "capitals", lambda w: w.isalpha() and w.isupper())
    if len(capitals) < 2:
        return runs
    i = capitals[0]
    while i < len(texts):
        j = i
        while j < len(texts) and (
            (texts[j].isalpha() and texts[j].isupper()) or (j > i and texts[j].upper() in CAPS_GLUE)
        ):
            j += 1
        words = [w for w in texts[i:j] if w.isalpha()]
        if len(words) >= 2 and any(
            len(w) >= MIN_HEADLINE_WORD and w not in kb.by_alias for w in words
        ):
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _title_case(text: str) -> str:
    """ "PEOPLE’S REPUBLIC OF CHINA" -> "People’s Republic of China"."""
    words = text.split(" ")
    return " ".join(
        w.lower() if k and w.lower() in SMALL_WORDS else w[:1] + w[1:].lower()
        for k, w in enumerate(words)
    )


def headline_capitals(doc: Doc, ents: list[Ent], kb: KnowledgeBase) -> list[Ent]:
    """Shape 3, all-capitals words in quoted headlines: "RUSSIANS" is NORP Russian.

    Inside a headline the model reads noise and the base's exact acronyms can be words
    ("IS"), so the headline's names are looked up again, title-cased, longest first.
    """
    runs = _headline_runs(doc, kb)
    if not runs:
        return ents
    inside = {t for a, b in runs for t in range(a, b)}
    out = [e for e in ents if not inside.intersection(range(e.start, e.end))]
    for a, b in runs:
        i = a
        while i < b:
            width = 0
            for n in range(min(MAX_HEADLINE_NAME, b - i), 0, -1):
                text = doc[i : i + n].text
                exact = kb.by_alias.get(text)
                if exact and text.lower() in STOP_WORDS and exact.label != "GPE":
                    exact = None  # "IS" in a headline is the verb, "US" stays the country
                titled = kb.by_alias.get(_title_case(text)) or kb.by_folded.get(text.casefold())
                found = exact or titled
                if found and doc[i].is_alpha and doc[i + n - 1].is_alpha:
                    out.append(Ent(i, i + n, found.label, found.entity))
                    width = n
                    break
            i += max(width, 1)
    return sorted(out, key=lambda e: e.start)
