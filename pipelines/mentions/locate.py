"""Where a mention sits in its field: the 0-based paragraph and sentence that hold it.

Both indexes count from the start of the field (a sentence index is not reset at each
paragraph). Paragraphs are cut at a blank line, or at each newline for the captions (one
caption, one paragraph); sentences are cut by spaCy's rule-based sentencizer within each
paragraph, so a sentence never crosses a paragraph break. Paragraph and sentence `k` cover
the text from their start up to the next one's start, so every offset of the field has one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

from pipelines.mentions.extract import MARKER_AFTER_PUNCT

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")  # a blank line: body, blog_note (and the rest)
CAPTION_BREAK = re.compile(r"\n")  # captions are joined by a newline, each its own paragraph
SPLIT_BATCH = 256


@dataclass(frozen=True)
class Layout:
    """Start offsets of a field's paragraphs and sentences (both ascending, both from 0)."""

    paragraphs: tuple[int, ...]
    sentences: tuple[int, ...]

    def locate(self, start: int) -> tuple[int, int]:
        """(paragraph, sentence) of the character at `start`."""
        return bisect_right(self.paragraphs, start) - 1, bisect_right(self.sentences, start) - 1


@cache
def sentencizer() -> Language:
    """A blank English pipeline (tokenizer exceptions: "Mr.", "U.S.", "e.g.") + sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def paragraph_spans(text: str, field: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph's text, without the break that follows it."""
    breaks = CAPTION_BREAK if field == "caption" else PARAGRAPH_BREAK
    spans: list[tuple[int, int]] = []
    start = 0
    for m in breaks.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def split_view(text: str) -> str:
    """What the splitter reads: same offsets, with a note marker glued after a full stop
    ("recruitment.653 Other") blanked, so that the stop ends the sentence."""
    chars = list(text)
    for m in MARKER_AFTER_PUNCT.finditer(text):
        chars[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    return "".join(chars)


def layouts(fields: Sequence[tuple[str, str]], nlp: Language | None = None) -> list[Layout]:
    """The layout of each (field, text), the paragraphs of all texts split in one batch."""
    nlp = nlp or sentencizer()
    spans = [paragraph_spans(text, field) for field, text in fields]
    texts = [text for _, text in fields]
    pieces = [split_view(t[a:b]) for t, ps in zip(texts, spans, strict=True) for a, b in ps]
    docs = iter(nlp.pipe(pieces, batch_size=SPLIT_BATCH))
    found: list[Layout] = []
    for paragraphs in spans:
        sentences: list[int] = []
        for start, _ in paragraphs:
            sentences.append(start)
            for sent in list(next(docs).sents)[1:]:
                kept = sent.text.lstrip()  # the sentencizer starts a sentence at the blank
                if kept.strip():  # a run of blanks after the last stop is no sentence
                    sentences.append(start + sent.start_char + len(sent.text) - len(kept))
        found.append(Layout(tuple(a for a, _ in paragraphs), tuple(sentences)))
    return found


def locate(text: str, field: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """(paragraph, sentence) of each mention start in one field's text."""
    layout = layouts([(field, text)])[0]
    return [layout.locate(start) for start in starts]
