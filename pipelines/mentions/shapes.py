"""Mention rules for four error shapes (issue 20), over one Doc's model and knowledge-base spans.

The model's NER runs unconstrained and the knowledge base's matches come separately, so both
readings are at hand: `resolve_spans` keeps the longest well-formed span of the two, then each
rule below is one linear pass over the token-level candidates. See docs/ner_guidelines.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipelines.mentions.kb import LABELS
from pipelines.mentions.words import (  # noqa: F401  (other rules import them from here)
    ARABIC_ARTICLE,
    CLOSE_QUOTES,
    EVENT_HEADS,
    FACILITY_WORDS,
    INSTITUTION_WORDS,
    MAX_NAME_TOKENS,
    MEETING_WORDS,
    OFFICE_WORDS,
    OPEN_QUOTES,
    ORG_HEADS,
    POSSESSIVE,
    SENTENCE_END,
    SMALL_WORDS,
)

MODIFIER_LABELS = frozenset({"NORP", "GPE", "LOC"})
# Lower-case particles inside a person's name ("Osama bin Laden", "Mohammed bin Salman").
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "ould"})


@dataclass(frozen=True)
class Ent:
    """A candidate mention over tokens [start, end); `ent_id` is the base's entity, or ""."""

    start: int
    end: int
    label: str
    ent_id: str = ""


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read once per Doc: the rules scan these strings first and make
    spaCy Token objects (costly, one per access) only where a string passes."""
    cached = doc.user_data.get("token_texts")
    if cached is None:
        text = doc_text(doc)
        bounds = doc.to_array(["IDX", "LENGTH"]).tolist() if len(doc) else []
        cached = doc.user_data["token_texts"] = [text[a : a + n] for a, n in bounds]
    return cached


def indices_where(doc: Doc, key: str, test: Callable[[str], bool]) -> list[int]:
    """Token indices whose text passes `test`, computed once per Doc and `key`."""
    cache = doc.user_data.setdefault("indices", {})
    if key not in cache:
        cache[key] = [i for i, w in enumerate(token_texts(doc)) if test(w)]
    return cache[key]


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once (spaCy joins every token's text at each `doc.text`)."""
    cached = doc.user_data.get("doc_text")
    if cached is None:
        cached = doc.user_data["doc_text"] = doc.text
    return cached


def is_cap(text: str) -> bool:
    return text[:1].isupper()


def sentence_start(doc: Doc, i: int) -> bool:
    """True at the document start or after a sentence end (or an opening quote after one)."""
    while i > 0 and doc[i - 1].text in OPEN_QUOTES:
        i -= 1
    return i == 0 or doc[i - 1].text in SENTENCE_END or doc[i - 1].is_space


def owners(n: int, ents: Iterable[Ent]) -> list[int]:
    """For each token, the index of the span in `ents` covering it, or -1."""
    owner = [-1] * n
    for k, ent in enumerate(ents):
        for t in range(ent.start, ent.end):
            owner[t] = k
    return owner


def no_overlaps(ents: Iterable[Ent]) -> list[Ent]:
    """Sorted by start; of overlapping spans the longer (then earlier) one stays."""
    kept: list[Ent] = []
    taken: set[int] = set()
    for ent in sorted(ents, key=lambda e: (e.start - e.end, e.start)):
        if not taken.intersection(range(ent.start, ent.end)):
            kept.append(ent)
            taken.update(range(ent.start, ent.end))
    return sorted(kept, key=lambda e: e.start)


def head_index(doc: Doc, span: Ent) -> int:
    """The name's head: the word before its first "of" ("Bank" of China), else its last word."""
    for t in range(span.start + 1, span.end - 1):
        if doc[t].lower_ == "of":
            return t - 1
    return span.end - 1


def _model_span_wins(doc: Doc, span: Ent, inside: list[Ent]) -> bool:
    """A model span containing known names is well formed when the names are its parts."""
    if span.label not in LABELS:
        return False
    if span.label == "PERSON":  # a surname inside a full name the base lacks ("Jiang Qing")
        covered = {t for k in inside for t in range(k.start, k.end)}
        rest = [doc[t] for t in range(span.start, span.end) if t not in covered]
        # A given name that is also a town's: "Shiraz Maher" (the model's reading wins).
        given_place = inside[0].label == "GPE" and inside[0].start == span.start
        # Not where a sentence or a title opens: "Beijing Binds: COVID-19 and ..."
        given_place = given_place and not sentence_start(doc, span.start)
        words = [t for t in rest if t.is_alpha and t.lower_ not in NAME_PARTICLES]
        words = [t for t in words if not ARABIC_ARTICLE.match(t.text)]  # "al-Maqdisi"
        heads = (INSTITUTION_WORDS, ORG_HEADS, EVENT_HEADS)
        return (
            len(inside) == 1
            and (inside[0].label == "PERSON" or given_place)
            and any(t.is_alpha for t in rest)
            and all(t.is_title and not OFFICE_WORDS.match(t.text) for t in words)
            and not (given_place and any(w.match(t.text) for t in words for w in heads))
        )
    head = doc[head_index(doc, span)]
    after = doc[span.end].text if span.end < len(doc) else ""
    # A nationality before a name that is no body's or event's stays apart ("Kurdish" +
    # "Peshmerga"); "Second Chechen War" is one name.
    body = any(w.match(head.text) for w in (INSTITUTION_WORDS, ORG_HEADS, EVENT_HEADS))
    return (
        all(k.label in MODIFIER_LABELS for k in inside)
        and not any(k.start <= head.i < k.end for k in inside)
        and (body or all(k.label != "NORP" for k in inside))  # not "Kazakh Concerns" GPE
        and is_cap(doc[span.start].text)
        and is_cap(head.text)
        and not any(w.match(head.text) for w in (OFFICE_WORDS, FACILITY_WORDS, MEETING_WORDS))
        and not OFFICE_WORDS.match(after)  # "Indian National Security" Adviser is a title
        and not any(_breaks_name(doc, t, inside) for t in range(span.start, span.end))
    )


def _breaks_name(doc: Doc, t: int, inside: list[Ent]) -> bool:
    """A list comma, a line break, or a hyphen or possessive after a known part."""
    text = doc[t].text
    if text in {",", ";"} or doc[t].is_space or "\n" in doc[t].whitespace_:
        return True
    glued = text == "-" or text in POSSESSIVE
    return glued and any(k.end == t or (text == "-" and k.start == t + 1) for k in inside)


def resolve_spans(doc: Doc, model: list[Ent], known: list[Ent]) -> list[Ent]:
    """Shape 1, a shorter known name blocks a longer one: the longest well-formed span wins.

    A known name keeps its span against a model span that overlaps it, unless the model
    span contains it as a part: a nationality or place inside an institution ("European" in
    "European Court of Human Rights"), a surname inside a full name ("Jiang Qing").
    """
    owner = owners(len(doc), known)
    beaten: set[int] = set()
    kept: list[Ent] = []
    for span in model:
        ids = sorted({owner[t] for t in range(span.start, span.end) if owner[t] >= 0})
        inside = [known[k] for k in ids]
        if not inside:
            kept.append(span)
        elif (
            all(span.start <= k.start and k.end <= span.end for k in inside)
            and any((k.start, k.end) != (span.start, span.end) for k in inside)
            and _model_span_wins(doc, span, inside)
        ):
            body = span.label != "PERSON" and INSTITUTION_WORDS.match(
                doc[head_index(doc, span)].text
            )
            kept.append(replace(span, label="ORG") if body else span)  # "U.S. Marines" NORP
            beaten.update(ids)
    kept.extend(k for i, k in enumerate(known) if i not in beaten)
    return no_overlaps(kept)


def join_given_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 1, a known surname inside a full name: capitalised names just before it join it."""
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        if ent.label == "PERSON" and ent.ent_id and ent.end - ent.start == 1:
            start = ent.start
            while start > 0 and ent.start - start < 2:
                prev = doc[start - 1]
                if not (prev.is_title and prev.is_alpha and prev.whitespace_):
                    break
                if prev.lower_ in STOP_WORDS or OFFICE_WORDS.match(prev.text):
                    break
                mine = owner[start - 1]
                if (mine >= 0 and ents[mine].label != "PERSON") or (
                    mine >= 0 and ents[mine].ent_id
                ):
                    break
                if mine < 0 and sentence_start(doc, start - 1):
                    break  # "Yesterday Putin": a capitalised first word is no evidence
                start = ents[mine].start if mine >= 0 else start - 1
            if start < ent.start:
                ent = Ent(start, ent.end, "PERSON")
        out.append(ent)
    return no_overlaps(out)


def _name_end(doc: Doc, k: int) -> int:
    """End of the capitalised word at k ("Levant", "al-Sham"), or k when none starts there."""
    if k < len(doc) and doc[k].is_alpha and is_cap(doc[k].text):
        return k + 1
    if k + 2 < len(doc) and ARABIC_ARTICLE.match(doc[k].text) and doc[k + 1].text == "-":
        return k + 3 if is_cap(doc[k + 2].text) else k
    return k


def join_coordinated_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 1, a group's name cut at "and": "Islamic State of Iraq" + "and the Levant".

    An ORG ending "of <place>" followed by "and (the) <place>" takes the second place in,
    unless the name is the model's and the place a country the base knows ("Bank of China
    and Russia" is a list), or the place goes on ("and Russia's ...").
    """
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        j = ent.end
        if (
            ent.label == "ORG"
            and head_index(doc, ent) < ent.end - 1
            and j + 1 < len(doc)
            and doc[j].lower_ == "and"
        ):
            k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
            place = ents[owner[k]] if k < len(doc) and owner[k] >= 0 else None
            end = max(place.end if place else k, _name_end(doc, k))
            fits = place is None or place.label in {"GPE", "LOC", "PERSON"}
            fits = fits and not (not ent.ent_id and place is not None and place.ent_id)
            after = doc[end] if end < len(doc) else None
            closed = after is None or (after.text not in POSSESSIVE and not is_cap(after.text))
            if end > k and fits and closed:
                ent = Ent(ent.start, end, "ORG")
        out.append(ent)
    return no_overlaps(out)


def _has_institution(doc: Doc, start: int, end: int) -> bool:
    return any(INSTITUTION_WORDS.match(doc[t].text) for t in range(start, end))


def _institution_run(doc: Doc, ents: list[Ent], owner: list[int], j: int) -> int:
    """End of the run of capitalised words (with "of", "and") from token j, before any span."""
    end = j
    while end < len(doc) and end - j < MAX_NAME_TOKENS:
        tok = doc[end]
        if owner[end] >= 0 or OFFICE_WORDS.match(tok.text):
            break
        word = tok.is_alpha and (tok.is_title or tok.is_upper)
        if not word and not (tok.lower_ in SMALL_WORDS and end > j):
            break
        end += 1
    while end > j and doc[end - 1].lower_ in SMALL_WORDS:
        end -= 1
    return end


def join_nationality_institution(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Shape 2, nationality plus institution is one ORG: "French Senate", "Pakistani Army".

    The nationality (or country) must be followed by a body the base does not know, named
    by an institution word; a known body keeps the nationality apart ("Russian" + "GRU").
    """
    owner = owners(len(doc), ents)
    out: list[Ent] = []
    for ent in ents:
        j = ent.end
        if ent.label in {"NORP", "GPE", "LOC"} and j < len(doc) and doc[j - 1].whitespace_:
            mine = owner[j]
            body = ents[mine] if mine >= 0 else None
            if body is not None and (body.ent_id or body.start != j):
                end = j
            elif body is not None and body.label == "ORG":
                end = body.end
            else:
                end = _institution_run(doc, ents, owner, j)
            if end > j and _has_institution(doc, j, end):
                ent = Ent(ent.start, end, "ORG")
        out.append(ent)
    return no_overlaps(out)
