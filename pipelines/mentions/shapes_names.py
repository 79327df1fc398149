"""Names the text itself defines: an acronym in brackets, a compass point, a people's plural.

* "al-Qaeda in Iraq (AQI)", "al-Qaeda in Iraq, or AQI": the words whose initials spell the
  acronym are one name, and the acronym names the same thing, whatever the model and the
  base cut there.
* "North Caucasus", "South Waziristan", "Western Europe": a capitalised compass point before
  a place is part of its name (an adjective only before a region: "Western Europe", not
  "Northern Mali").
* "Chechens", "Dagestanis", "Frenchmen": a known people or place with a plural or demonym
  ending is that people (NORP), whatever the model said.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.gazetteer import languages, looks_like_demonym
from pipelines.mentions.kb import KnowledgeBase
from pipelines.mentions.shapes import (
    EVENT_HEADS,
    INSTITUTION_WORDS,
    MEETING_WORDS,
    OFFICE_WORDS,
    ORG_HEADS,
    SMALL_WORDS,
    Ent,
    head_index,
    indices_where,
    is_cap,
    no_overlaps,
    owners,
    sentence_start,
    token_texts,
)
from pipelines.mentions.shapes_labels import LOC_HEADS

ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,6}$")  # "AQI", "AQAP", "FATA", "IMU", "MILF"
MAX_DEFINED_TOKENS = 12
ARTICLES = frozenset({"al", "el", "Al", "El"})  # "al-Qaeda" spells "AQ" or "Q"
COMPASS = frozenset({"North", "South", "East", "West", "Southeast", "Northeast", "Southwest"})
COMPASS |= {"Northwest", "South-East", "North-East", "South-West", "North-West"}
COMPASS_ADJECTIVES = frozenset({"Northern", "Southern", "Eastern", "Western", "Central"})
PEOPLE_ENDINGS = ("s", "is", "men")  # Chechen-s, Dagestan-is, French-men
LANDFORM_OPENERS = frozenset({"Lake", "Mount", "Mt"})
MAX_ORG_PREFIX = 2
# Heads of a law or a treaty, no mention: "Frontier Crimes Regulation" ("Convention" and
# "Express" also name bodies and papers: "Democratic National Convention", "Daily Express").
NOT_NAME_HEADS = re.compile(
    r"^(?:act|regulation|regulations|treaty|agreement|accord|accords|protocol|"
    r"bill|ordinance|directive|resolution)$",
    re.IGNORECASE,
)


def _spells(doc: Doc, start: int, end: int, letters: str) -> bool:
    """Whether tokens [start, end) spell `letters` by their initials, each capitalised word
    giving its initial, small words and Arabic articles giving theirs or nothing."""

    def match(t: int, k: int) -> bool:
        if t == end:
            return k == len(letters)
        tok = doc[t]
        if tok.text in {"-", "’s", "'s", "&"}:
            return match(t + 1, k)
        initial = tok.text[:1].upper()
        optional = tok.lower_ in SMALL_WORDS or tok.text in ARTICLES
        if not tok.is_alpha or not (optional or is_cap(tok.text)):
            return False
        took = k < len(letters) and initial == letters[k] and match(t + 1, k + 1)
        return took or (optional and match(t + 1, k))

    return match(start, 0)


def _definitions(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, acronym token) of each name defined by a bracketed acronym after it."""
    found = []
    texts = token_texts(doc)
    for i in indices_where(doc, "bracket_or_comma", lambda w: w in {"(", ","}):
        if i < 1 or i >= len(doc) - 2:
            continue
        if texts[i] == "(" and texts[i + 2] == ")":
            acronym = i + 1
        elif texts[i] == "," and texts[i + 1].lower() == "or":  # "al-Qaeda in Iraq, or AQI"
            acronym = i + 2
        else:
            continue
        if not ACRONYM.match(texts[acronym]):
            continue
        letters = "".join(c for c in texts[acronym] if c.isupper())
        for start in range(i - 1, max(-1, i - 1 - MAX_DEFINED_TOKENS), -1):
            first = doc[start]
            if (is_cap(first.text) or first.text in ARTICLES) and _spells(doc, start, i, letters):
                found.append((start, i, acronym))
                break
    return found


def define_acronyms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A name spelled out before its bracketed acronym is one span, and so is the acronym;
    a name the base knows whole keeps its reading."""
    out = list(ents)
    for start, end, acronym in _definitions(doc):
        # A longer name ending the same way keeps its modifier: "Nunn-Lugar Cooperative
        # Threat Reduction (CTR)".
        if any(e.ent_id and e.start <= start and end <= e.end for e in out):
            continue  # the base knows the name, with or without its modifier
        longer = [e for e in out if e.end == end and e.start < start]
        start = min([start, *(e.start for e in longer)])
        same = [e for e in out if (e.start, e.end) == (start, end)]
        label = same[0].label if same and same[0].label in {"GPE", "LOC", "ORG"} else "ORG"
        if same and same[0].ent_id:
            label = same[0].label
        else:
            out = [e for e in out if e.end <= start or e.start >= end]
            out.append(Ent(start, end, label))
        if not any(e.start == acronym and e.ent_id for e in out):
            out = [e for e in out if e.start != acronym]
            out.append(Ent(acronym, acronym + 1, label))
    return no_overlaps(out)


def join_compass_points(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A capitalised compass point just before a place joins its name ("North Caucasus")."""
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        i = ent.start - 1
        # A one-word PERSON after a compass point is a place the model misread ("East Java").
        person = ent.label == "PERSON" and ent.end - ent.start == 1 and not ent.ent_id
        if (ent.label in {"GPE", "LOC"} or person) and i >= 0 and doc[i].whitespace_:
            word = doc[i].text
            mine = owner[i]
            alone = mine >= 0 and ents[mine].end - ents[mine].start == 1
            # "Western" is the base's NORP; before a region it is part of the region's name.
            free = mine < 0 or (alone and (not ents[mine].ent_id or ent.label == "LOC"))
            regional = ent.label == "LOC" or person
            fits = word in COMPASS or (word in COMPASS_ADJECTIVES and regional)
            if free and fits:
                ent = Ent(i, ent.end, "GPE" if person else ent.label)
        out.append(ent)
    return no_overlaps(out)


def peoples_plurals(
    doc: Doc, ents: list[Ent], kb: KnowledgeBase, places: frozenset[str]
) -> list[Ent]:
    """A one-word name the base does not know, made of a known people or place and a
    plural or demonym ending, is NORP: "Chechens", "Dagestanis", "Frenchmen"."""
    out: list[Ent] = []
    for ent in ents:
        text = doc[ent.start : ent.end].text
        if not ent.ent_id and ent.label != "NORP" and ent.end - ent.start == 1:
            for ending in PEOPLE_ENDINGS:
                stem = text[: -len(ending)]
                if not text.endswith(ending) or len(stem) < 3:
                    continue
                known = kb.lookup(stem)
                if ending == "is":  # a place's people: "Dagestan-is"
                    fits = stem in places or (known is not None and known.label == "GPE")
                else:
                    fits = known is not None and known.label == "NORP"
                if fits:
                    ent = replace(ent, label="NORP")
                    break
        out.append(ent)
    return out


def peoples_by_language(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A one-word name the base does not know that is a living language's name is its
    people (NORP), not the GPE, ORG or PERSON the model said: "Kanuri", "Manchu"."""
    names = languages()
    return [
        replace(e, label="NORP")
        if not e.ent_id
        and e.end - e.start == 1
        and e.label in {"GPE", "ORG", "PERSON"}
        and doc[e.start].text in names
        else e
        for e in ents
    ]


def join_place_events(doc: Doc, ents: list[Ent], places: frozenset[str]) -> list[Ent]:
    """A place followed by an event's word is the event: "Beijing Olympics", "London
    Marathon"; a model span that is a place and a meeting's word gives way to the place
    ("Bonn Conference" gives Bonn); a body's name stays ("World Economic Forum")."""
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        after = doc[ent.end].text if ent.end < len(doc) and owner[ent.end] < 0 else ""
        last = doc[ent.end - 1].text
        if ent.label in {"GPE", "LOC"} and is_cap(after) and EVENT_HEADS.match(after):
            ent = Ent(ent.start, ent.end + 1, "EVENT")
        elif (
            not ent.ent_id
            and ent.end - ent.start > 1
            and MEETING_WORDS.match(last)
            and doc[ent.start : ent.end - 1].text in places  # else a body: "World Economic Forum"
        ):
            ent = replace(ent, end=ent.end - 1, label="GPE")
        out.append(ent)
    return no_overlaps(out)


def join_landforms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Lake Chad", "Niger Delta", "Pankisi Gorge": a place with a landform word before or
    after it is the landform, one LOC."""
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        start, end = ent.start, ent.end
        place = ent.label in {"GPE", "LOC"}
        if place or (not ent.ent_id and ent.label in {"PERSON", "ORG"}):
            if start > 0 and doc[start - 1].text in LANDFORM_OPENERS and owner[start - 1] < 0:
                start -= 1
            after = doc[end].text if end < len(doc) and owner[end] < 0 else ""
            if is_cap(after) and LOC_HEADS.match(after):
                end += 1
        if (start, end) != (ent.start, ent.end):
            ent = Ent(start, end, "LOC")
        out.append(ent)
    return no_overlaps(out)


def _free_name_word(doc: Doc, owner: list[int], t: int, kb: KnowledgeBase) -> bool:
    tok = doc[t]
    return (
        owner[t] < 0
        and tok.is_alpha
        and is_cap(tok.text)
        and bool(tok.whitespace_)
        and tok.lower_ not in STOP_WORDS
        and not OFFICE_WORDS.match(tok.text)
        and not looks_like_demonym(tok.text)
        and kb.lookup(tok.text) is None
        and not sentence_start(doc, t)
    )


def extend_orgs_leftwards(doc: Doc, ents: list[Ent], kb: KnowledgeBase) -> list[Ent]:
    """A body's name the model cut after its first words takes them back: "World" in "World
    Uyghur Congress", "New" in "New America Foundation"; not a sentence's first word."""
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        head = doc[head_index(doc, ent)].text
        body = INSTITUTION_WORDS.match(head) or ORG_HEADS.match(head)
        if ent.label == "ORG" and not ent.ent_id and body:
            start = ent.start
            while (
                start > 0
                and ent.start - start < MAX_ORG_PREFIX
                and _free_name_word(doc, owner, start - 1, kb)
            ):
                start -= 1
            ent = replace(ent, start=start)
        out.append(ent)
    return out


def drop_laws(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A name the base does not know headed by a law's, a treaty's or a train's word is no
    mention: "Frontier Crimes Regulation", "Samjhauta Express"."""
    return [
        e
        for e in ents
        if e.ent_id or e.end - e.start < 2 or not NOT_NAME_HEADS.match(doc[head_index(doc, e)].text)
    ]
