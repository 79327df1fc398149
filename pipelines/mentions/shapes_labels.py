"""Shape 5 of issue 20: the label of a name the base does not know, read from its shape.

The small model's label for an unknown name is often wrong (a court tagged PERSON, a group's
acronym tagged GPE, a surname tagged ORG after the full name was a PERSON). The name itself
often says what it is: its head word ("... Crown Court", "Operation ..."), its form (an
acronym, "bin" inside a person's name, a transliterated word for a movement) or how the same
text reads elsewhere in the document. Only spans the base does not know are relabelled; the
base's reviewed labels stand. See docs/ner_guidelines.md, "Labels of unknown names".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.shapes import (
    EVENT_HEADS,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    OFFICE_WORDS,
    ORG_HEADS,
    POSSESSIVE,
    Ent,
    doc_text,
    head_index,
    is_cap,
    owners,
    sentence_start,
    token_texts,
)

# First words of a named event ("Operation Overt", "Battle of Fallujah").
EVENT_OPENERS = re.compile(r"^(?:operation|battle|siege)$", re.IGNORECASE)
# Heads of a region's name ("Swat Valley", "Gulf of Aden", "Horn of Africa", "Red Sea").
LOC_HEADS = re.compile(
    r"^(?:river|mountains|mountain|range|valley|sea|gulf|ocean|peninsula|desert|basin|"
    r"plateau|strait|straits|lake|bay|coast|delta|steppe|corridor|highlands|lowlands|horn|"
    r"forest|jungle|island|islands|gorge|pass|hills|heights|canal|marshes|oasis|line)$",
    re.IGNORECASE,
)
LOC_OPENERS = re.compile(r"^(?:mount|lake)$", re.IGNORECASE)
# Transliterated words for a movement, army or party that open a group's name ("Lashkar-e-
# Taiba", "Jemaah Islamiyah", "Tehrik-i-Taliban", "Ansar al-Sharia", "Jabhat al-Nusra").
MOVEMENT_WORDS = re.compile(
    r"^(?:lashkar|jaish|harakat|harkat|hizb|hizbul|hezb|tehrik|tehreek|jamaat|jamaah|jemaah|"
    r"jamiat|jamiat-ul|ansar|ansaru|jabhat|tanzim|katibat|jund|sipah|majlis|ittehad|ittihad|"
    r"tanzeem|muttahida)$",
    re.IGNORECASE,
)
# Openers of an Arabic patronymic or kunya ("Abu Hamza", "Abdel Fattah"): a person's name.
KUNYA = re.compile(r"^(?:abu|umm|abd|abdul|abdel|abdal)$", re.IGNORECASE)
# Surname endings of Russian, Central Asian, Ukrainian, Georgian and Balkan names.
SURNAME_ENDINGS = re.compile(
    r"[a-z](?:ov|ev|yev|iev|ova|eva|yeva|enko|shvili|dze|ovic|ović|evic|ević|ovich|evich)$"
)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")  # "TTP", "AIVD", "MI5", "G8"
# Acronyms of countries: the only all-capitals names that are GPE.
COUNTRY_ACRONYMS = frozenset(
    {"US", "USA", "UK", "UAE", "PRC", "ROC", "DPRK", "ROK", "USSR", "DRC", "KSA", "GB"}
)


# All-capitals words that name no organisation: things, titles, units, numerals.
NOT_NAME_ACRONYMS = frozenset(
    {"IED", "IEDS", "GDP", "DNA", "TV", "CEO", "NGO", "NGOS", "MP", "MPS", "PM", "PR", "IT"}
    | {"HIV", "AIDS", "SUV", "CCTV", "OK", "AM", "BC", "AD", "BCE", "CE", "RPG", "RPGS", "AK"}
    | {"UAV", "UAVS", "WMD", "WMDS", "PDF", "USD", "GMT", "UTC", "FAQ", "ID", "IDS", "VIP"}
    | {"HQ", "ISBN", "DIY", "CV", "PS", "NB", "QC", "OBE", "MBE", "CBE", "KBE", "PHD", "MA"}
    | {"BA", "MSC", "BSC", "LLM", "GPS", "SMS", "URL", "PC", "DVD", "CD", "AKA", "ETA", "ASAP"}
    | {"PHOTO", "PHOTOS", "IMAGE", "VIDEO", "MAP", "NOTE", "NOTES", "UPDATE", "EDIT", "READ"}
    | {"MORE", "NEW", "NEWS", "SOURCE", "CREDIT", "TABLE", "FIGURE", "FIG", "PART", "END"}
    | {"AI", "VAT", "LNG", "GP", "GPS", "KC", "MEP", "MEPS", "MSP", "PPE", "IVF", "IDP", "IDPS"}
    | {"RMB", "SOE", "SOES", "EV", "EVS", "LGBT", "LGBTQ", "QE", "A&E", "FDI", "GNP", "ICBM"}
)
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")


def _words(doc: Doc, ent: Ent) -> list[str]:
    return [doc[t].text for t in range(ent.start, ent.end) if doc[t].text != "-"]


def _headline(doc: Doc, ent: Ent) -> bool:
    """An all-capitals word beside another: a headline, not an acronym ("CHINA IS WATCHING")."""
    near = [doc[t] for t in (ent.start - 1, ent.end) if 0 <= t < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in near)


def label_of_shape(doc: Doc, ent: Ent) -> str | None:
    """The label an unknown name's own words give it, or None when they say nothing."""
    if ent.end - ent.start > 1 and doc[ent.end - 1].text in POSSESSIVE:
        ent = replace(ent, end=ent.end - 1)  # "Umarov’s men": the owner's name
    words = _words(doc, ent)
    if not words or not is_cap(words[0]):
        return None
    head = doc[head_index(doc, ent)].text
    if OFFICE_WORDS.match(head) and len(words) > 1:
        return None
    if len(words) > 1 and (INSTITUTION_WORDS.match(head) or ORG_HEADS.match(head)):
        return "ORG"
    if len(words) > 1 and (EVENT_HEADS.match(head) or EVENT_OPENERS.match(words[0])):
        return "EVENT"
    if len(words) > 1 and (LOC_HEADS.match(head) or LOC_OPENERS.match(words[0])):
        return "LOC"
    if MOVEMENT_WORDS.match(words[0]):
        return "ORG"
    if len(words) > 1 and (NAME_PARTICLES & set(words[1:-1]) or KUNYA.match(words[0])):
        return "PERSON"
    if SURNAME_ENDINGS.search(words[-1]) and all(w[:1].isupper() for w in words):
        return "PERSON"  # "Doku Umarov", "Bakiyev", "Batirashvili"
    titled = len(words) > 1 and OFFICE_WORDS.match(words[0]) and words[1][:1].isupper()
    if titled and not any(OFFICE_WORDS.match(w) for w in words[1:]):
        return "PERSON"  # "General Petraeus": the title goes when the span is trimmed
    text = doc[ent.start : ent.end].text
    if len(words) == 1 and ACRONYM.match(text) and not _headline(doc, ent):
        return "GPE" if text in COUNTRY_ACRONYMS else "ORG"
    return None


# A book's publisher: "(London: Allen Lane, 2008)", or "published by W. W. Norton".
PUBLISHER = r"(?P<publisher>[A-Z][\w.’'&-]*(?: (?:[A-Z][\w.’'&-]*|&|of))*)"
IMPRINTS = (
    re.compile(rf"\([A-Z][\w.]*(?: [A-Z][\w.]*)*: {PUBLISHER},? (?:1[89]|20)\d\d\b"),
    re.compile(rf"\b[Pp]ublished by {PUBLISHER}"),
)


def imprint_publishers(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The publisher of a cited book is one ORG: the model reads "Allen Lane" as a person and
    splits "W. W. Norton". The model's spans there give way; the base's names stand."""
    imprints = []
    for m in (m for pattern in IMPRINTS for m in pattern.finditer(doc_text(doc))):
        span = doc.char_span(m.start("publisher"), m.end("publisher"))
        if span is not None:
            imprints.append((span.start, span.end))
    out = list(ents)
    for start, end in imprints:
        inside = [e for e in out if e.start < end and start < e.end]
        if any(e.ent_id or e.label == "GPE" for e in inside):
            continue  # the base knows it, or a place ("published by Mogadishu's mayor")
        out = [e for e in out if e not in inside] + [Ent(start, end, "ORG")]
    return sorted(out, key=lambda e: e.start)


RELABELLED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT"})


def _shape_label(doc: Doc, ent: Ent, places: frozenset[str]) -> str | None:
    """The shape's label for a span the base does not know and GeoNames does not place."""
    if ent.ent_id or ent.label not in RELABELLED or doc[ent.start : ent.end].text in places:
        return None
    return label_of_shape(doc, ent)


def relabel_by_shape(doc: Doc, ents: list[Ent], places: frozenset[str]) -> list[Ent]:
    """Unknown names whose words say what they are take that label; places keep theirs."""
    return [replace(e, label=label) if (label := _shape_label(doc, e, places)) else e for e in ents]


def _strict_winner(votes: Counter[str]) -> bool:
    ranked = votes.most_common(2)
    return len(ranked) == 2 and ranked[0][1] > ranked[1][1]


def spread_labels(doc: Doc, ents: list[Ent], places: frozenset[str]) -> list[Ent]:
    """One name, one label within a document: a full name's surname, or the commonest label.

    A single word that is the last word of a full name tagged PERSON in the same document is
    that person's surname ("Khan" after "Mohammed Sidique Khan"). Otherwise an unknown name
    the model labels two ways takes its most frequent label, when one is strictly most
    frequent. Known names, places and names whose shape gave their label are not outvoted.
    """
    surnames = {
        doc[e.end - 1].text
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1 and doc[e.end - 1].is_alpha
    }
    votes: dict[str, Counter[str]] = {}
    for e in ents:
        if not e.ent_id and e.label in RELABELLED:  # a DATE "May" is no vote for a person
            votes.setdefault(doc[e.start : e.end].text, Counter())[e.label] += 1
    out: list[Ent] = []
    for e in ents:
        text = doc[e.start : e.end].text
        fixed = e.ent_id or e.label not in RELABELLED or text in places
        fixed = fixed or _shape_label(doc, e, places)
        if not fixed and e.end - e.start == 1 and text in surnames:
            e = replace(e, label="PERSON")
        elif not fixed and _strict_winner(votes[text]):
            e = replace(e, label=votes[text].most_common(1)[0][0])
        out.append(e)
    return out


DOINGS = frozenset(
    {"said", "says", "told", "denied", "argued", "wrote", "added", "claimed", "insisted"}
    | {"admitted", "was", "is", "has", "had", "who", "would", "will", "later", "also", "did"}
)


def _free_cap(doc: Doc, owner: list[int], i: int) -> bool:
    return owner[i] < 0 and doc[i].is_alpha and is_cap(doc[i].text)


def add_surnames(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A capitalised word no span covers, which is the surname of a full name tagged PERSON
    earlier in the same document, is that person ("... Mohammed Sidique Khan. Khan said")."""
    owner = owners(len(doc), ents)
    out = list(ents)
    seen: set[str] = set()
    k = 0
    texts = token_texts(doc)
    for t, text in enumerate(texts):
        while k < len(ents) and ents[k].end <= t:
            e = ents[k]
            if e.label == "PERSON" and e.end - e.start > 1 and len(texts[e.end - 1]) > 2:
                seen.add(texts[e.end - 1])
            k += 1
        if owner[t] >= 0 or text not in seen:
            continue
        tok = doc[t]
        # A sentence's first word only before what a person does: "Khan said", not "Major
        # reforms followed".
        opening = sentence_start(doc, t) and (t + 1 >= len(doc) or texts[t + 1] not in DOINGS)
        if tok.is_title and tok.lower_ not in STOP_WORDS and not opening:
            # Not part of a longer capitalised run the model left alone ("Khan Academy").
            before = t > 0 and _free_cap(doc, owner, t - 1) and not sentence_start(doc, t - 1)
            if not before and not (t + 1 < len(doc) and _free_cap(doc, owner, t + 1)):
                out.append(Ent(t, t + 1, "PERSON"))
    return sorted(out, key=lambda e: e.start)


def add_acronyms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """An all-capitals word no span covers, outside a headline and not a thing's or title's
    abbreviation, is an organisation's acronym ("AQIM", "ICSR", "G8"), or a country's."""
    taken = {t for e in ents for t in range(e.start, e.end)}
    added: list[Ent] = []
    for i, text in enumerate(token_texts(doc)):
        if i in taken or not ACRONYM.match(text) or not text.isalpha():  # "CO2" is no name
            continue
        if text in NOT_NAME_ACRONYMS or ROMAN_NUMERAL.match(text) or text.lower() in STOP_WORDS:
            continue
        one = Ent(i, i + 1, "ORG")
        if not _headline(doc, one):
            added.append(replace(one, label="GPE") if text in COUNTRY_ACRONYMS else one)
    return sorted(ents + added, key=lambda e: e.start) if added else ents
