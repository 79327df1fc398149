"""Mention rules for shape 4 of issue 20 (model noise the rules can catch), and the rule order.

`apply_shapes` runs every shape's rules over one Doc in a fixed order, each a linear pass.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.kb import KnowledgeBase
from pipelines.mentions.places import (
    add_places_in_context,
    place_names,
    places_by_admin_words,
    relabel_known_places,
    relabel_places_in_context,
)
from pipelines.mentions.shapes import (
    CLOSE_QUOTES,
    INSTITUTION_WORDS,
    OFFICE_WORDS,
    POSSESSIVE,
    SMALL_WORDS,
    Ent,
    indices_where,
    is_cap,
    join_coordinated_places,
    join_given_names,
    join_nationality_institution,
    owners,
    resolve_spans,
    sentence_start,
    token_texts,
)
from pipelines.mentions.shapes_compounds import (
    cut_lowercase_prefix,
    extend_through_connectors,
    headline_capitals,
    place_before_participle,
    split_combining_forms,
)
from pipelines.mentions.shapes_edges import (
    cut_lowercase_tail,
    extend_arabic_names,
    split_at_commas,
    split_at_owner,
    split_town_in_region,
    take_capital_prefix,
)
from pipelines.mentions.shapes_headings import drop_unattested_heading_names
from pipelines.mentions.shapes_labels import (
    add_acronyms,
    add_surnames,
    imprint_publishers,
    relabel_by_shape,
    spread_labels,
)
from pipelines.mentions.shapes_names import (
    define_acronyms,
    drop_laws,
    extend_orgs_leftwards,
    join_compass_points,
    join_landforms,
    join_place_events,
    peoples_by_language,
    peoples_plurals,
)

# Sentence-initial participles the model takes for a name ("Faced with", "Having failed").
PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}(?:ing|ed)$")
PARTICIPLE_NEXT = re.compile(r"^[a-z]+(?:ed|en)$")
FUNCTION_WORDS = frozenset(
    {"with", "by", "to", "in", "on", "at", "from", "for", "about", "that", "the", "a", "an"}
    | {"this", "its", "his", "her", "their", "our", "as", "into", "over", "up", "out", "been"}
)
# Sentence openers spaCy's stop list lacks ("Despite this, ...").
OPENERS = frozenset(
    {"despite", "nonetheless", "furthermore", "instead", "overall", "ultimately", "finally"}
    | {"today", "yesterday", "recently", "amid", "following", "meanwhile", "notably"}
)
COMMON_WORDS = STOP_WORDS | OPENERS
# Words that announce the title of a cited work, which is skipped with the names in it.
WORK_CUES = re.compile(
    r"^(?:book|books|report|reports|paper|papers|study|article|monograph|volume|essay|memoir|"
    r"novel|film|documentary|titled|entitled|published)$",
    re.IGNORECASE,
)
MAX_TITLE_TOKENS = 30


def drop_initial_common_words(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 4, a sentence-initial common word tagged PERSON ("Faced with", "Having failed")."""
    out: list[Ent] = []
    for ent in ents:
        if ent.label == "PERSON" and not ent.ent_id and ent.end - ent.start == 1:
            word = doc[ent.start]
            nxt = doc[ent.end].text if ent.end < len(doc) else ""
            participle = PARTICIPLE.match(word.text) and (
                nxt in FUNCTION_WORDS or (word.text.endswith("ing") and PARTICIPLE_NEXT.match(nxt))
            )
            if sentence_start(doc, ent.start) and (
                word.lower_ in STOP_WORDS | OPENERS or participle
            ):
                continue
        out.append(ent)
    return out


def _title_run(doc: Doc, j: int) -> int:
    """End of a run of title-case words from token j ("Chief of Defence Staff of Pakistan")."""
    end = j
    while end < len(doc) and end - j < MAX_TITLE_TOKENS:
        tok = doc[end]
        word = (tok.is_alpha and (tok.is_title or tok.is_upper)) or tok.text in POSSESSIVE
        if not word and not (end > j and (tok.lower_ in SMALL_WORDS or tok.text in {":", "-"})):
            break
        end += 1
    while end > j and (doc[end - 1].lower_ in SMALL_WORDS or doc[end - 1].text in {":", "-"}):
        end -= 1
    return end


def drop_office_titles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 4, a title of office swallowed as an ORG: no "Defence" in "Chief of Defence Staff".

    In "<office> of <capitalised words>" a model ORG goes when it starts with the office,
    has no institution word ("Secretary of State"), or is only the start of the words
    ("Army" in "Chief of Army Staff"); a named body stays ("Head of the Armed Forces").
    """
    owner = owners(len(doc), ents)
    drop: set[int] = set()
    texts = token_texts(doc)
    for i in indices_where(doc, "of", lambda w: w.lower() == "of"):
        i -= 1  # the office word before "of"
        if i < 0 or i >= len(doc) - 2 or not (is_cap(texts[i]) and OFFICE_WORDS.match(texts[i])):
            continue
        j = i + 3 if doc[i + 2].lower_ == "the" else i + 2
        end = _title_run(doc, j) if j < len(doc) else j
        for k in {owner[t] for t in range(i, end)} - {-1}:
            ent = ents[k]
            first = i - 1 if i and doc[i - 1].lower_ == "the" else i  # "the Chiefs of ..."
            if ent.label != "ORG" or ent.ent_id or ent.start < first or ent.end > end:
                continue
            named = any(INSTITUTION_WORDS.match(doc[t].text) for t in range(ent.start, ent.end))
            cut = ent.end < end and is_cap(doc[ent.end].text)
            if ent.start <= i or not named or cut:
                drop.add(k)
    return [e for k, e in enumerate(ents) if k not in drop]


def drop_names_in_work_titles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 4, names inside the title of a cited book or report ("the book Sinostan: ...")."""
    owner = owners(len(doc), ents)
    drop: set[int] = set()
    for i in indices_where(doc, "work_cue", lambda w: bool(WORK_CUES.match(w))):
        if i >= len(doc) - 1:
            continue
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        quoted = j < len(doc) and doc[j].text in CLOSE_QUOTES
        j += quoted
        if j >= len(doc) or not is_cap(doc[j].text):
            continue
        end = _title_run(doc, j)
        if quoted and (end >= len(doc) or doc[end].text not in CLOSE_QUOTES.values()):
            continue  # a quotation, not a quoted title
        words = [t for t in doc[j:end] if t.is_alpha and is_cap(t.text)]
        colon = any(t.text == ":" for t in doc[j:end])
        if len(words) < 2 or not (quoted or colon or any(owner[t.i] < 0 for t in words)):
            continue
        inside = {owner[t] for t in range(j, end)} - {-1}
        if any(ents[k].start <= j and ents[k].end >= end for k in inside):
            continue  # the whole run is one name
        drop.update(k for k in inside if ents[k].start >= j and ents[k].end <= end)
    return [e for k, e in enumerate(ents) if k not in drop]


def apply_shapes(
    doc: Doc, model: list[Ent], known: list[Ent], kb: KnowledgeBase, skip: frozenset[str]
) -> list[Ent]:
    """The model's and the base's spans for one Doc, through every shape's rules in order."""
    places = place_names()
    model = drop_unattested_heading_names(doc, cut_lowercase_prefix(doc, model))
    model = extend_through_connectors(doc, model)
    model = cut_lowercase_tail(doc, split_at_owner(doc, split_at_commas(doc, model)))
    model = split_town_in_region(doc, model)
    model = extend_arabic_names(doc, take_capital_prefix(doc, model))
    ents = define_acronyms(doc, resolve_spans(doc, model, known))
    ents = headline_capitals(doc, ents, kb)
    ents = split_combining_forms(doc, ents, kb)
    ents = place_before_participle(doc, ents)
    ents = join_given_names(doc, ents)
    ents = join_coordinated_places(doc, ents)
    ents = join_compass_points(doc, ents)
    ents = join_landforms(doc, extend_orgs_leftwards(doc, ents, kb))
    ents = join_place_events(doc, ents, places)
    ents = join_nationality_institution(doc, ents)
    ents = add_acronyms(doc, add_places_in_context(doc, ents))  # before titles are skipped
    ents = drop_office_titles(doc, ents)
    ents = drop_initial_common_words(doc, ents)
    ents = drop_names_in_work_titles(doc, ents)
    ents = relabel_known_places(doc, ents, places)
    ents = places_by_admin_words(doc, relabel_places_in_context(doc, ents))
    ents = peoples_plurals(doc, relabel_by_shape(doc, ents, places), kb, places)
    ents = drop_laws(doc, peoples_by_language(doc, ents))
    ents = spread_labels(doc, imprint_publishers(doc, ents), places)
    return add_surnames(doc, ents)
