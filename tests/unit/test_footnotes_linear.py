"""The linear-time helpers of pipelines.footnotes agree with the plain (quadratic) searches.

Each test keeps the straightforward version as the reference and compares on random texts
built from the tokens that matter (numbers, punctuation, abbreviations, quotes, URLs).
"""

from __future__ import annotations

import random
import re

from pipelines.footnotes import Note, citations, link_same_as, markers, split

TOKENS = [
    "1", "2", "3", "4", "5", "12", "2016", "201665", "March", "No.", "Vol.", "p.", "A.", " ",
    " ", "  ", "\t", "\n", "\n\n", ".", ",", ";", "”", "“", "‘", "’", '"', "«", ")", "]", "!",
    "?", "-", "$", "%", "/", "Foo", "word", "Kazakh", "COVID", "The", "accessed", "last",
    "https://", "www.", "WWW.", "x.com", "rferl.org", "file.pdf", "…", "...", "ſ", "\u00a0", "0",
]  # fmt: skip


def random_text(rnd: random.Random, length: int) -> str:
    return "".join(rnd.choice(TOKENS) for _ in range(rnd.randint(0, length)))


def numbered_block(rnd: random.Random) -> str:
    parts, number = [], rnd.randint(0, 4)
    for _ in range(rnd.randint(0, 10)):
        number += rnd.choice([1, 1, 1, 2, 3, 4, 0, -1])
        sep = rnd.choice([". ", " ", "“", " “", "  "])
        end = rnd.choice(["\n\n", "\n", " ", ". "])
        parts.append(f"{number}{sep}{random_text(rnd, 10)}{end}")
    return "".join(parts)


def texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [numbered_block(rnd) if k % 2 else random_text(rnd, 60) for k in range(count)]


# --- split ----------------------------------------------------------------------------

MID_LINE_LOOKBEHIND = re.compile(
    r"(?<=[.;”\"’)\]!?])[ \t]+(?P<num>\d{1,4})(?P<sep>\.[ \t]+|[ \t]+|(?=[“‘\"«]))"
    r"(?=[“‘\"«]|[A-ZÀ-ÖØ-ÞА-ЯЁ]|https?://)"
)


def test_line_starts_and_mid_line_numbers_match_plain_scans():
    for block in texts(400, seed=1):
        fast = [(m.span(), m.group("sep")) for m in split._line_starts(block)]
        plain = [(m.span(), m.group("sep")) for m in split.LINE_START_NUMBER.finditer(block)]
        assert fast == plain, block
        fast_mid = [(m.start("space"), m.end()) for m in split.MID_LINE_NUMBER.finditer(block)]
        plain_mid = [m.span() for m in MID_LINE_LOOKBEHIND.finditer(block)]
        assert fast_mid == plain_mid, block
        for m in split.MID_LINE_NUMBER.finditer(block):
            end = m.start("space")
            whole = split.ABBREVIATION_BEFORE.search(block, 0, end) is not None
            assert split._abbreviation_before(block, end) == whole, block


def plain_best_chain(cands, style) -> list[int]:
    """The weighted longest chain, comparing every pair of candidates."""
    n = len(cands)
    score, prev = [float("-inf")] * n, [-1] * n
    for i, cand in enumerate(cands):
        weight = split._weight(cand, style)
        if cand.line_start:
            score[i] = weight
        for j in range(i):
            if score[j] == float("-inf"):
                continue
            step = cand.number - cands[j].number
            if step < 1 or step > split.MAX_GAP or (step > 1 and not cand.line_start):
                continue
            total = score[j] + weight - split.GAP_PENALTY * (step - 1)
            if total >= score[i]:
                score[i], prev[i] = total, j
    if not n or max(score) == float("-inf"):
        return []
    best, chain = max(range(n), key=lambda k: (score[k], k)), []
    while best != -1:
        chain.append(best)
        best = prev[best]
    return chain[::-1]


def _numbers_by_chain(paragraph: str) -> list[int] | None:
    first = split.LINE_START_NUMBER.match(paragraph)
    if first is None:
        return None
    cands, chain = split._note_chain(paragraph)
    if not chain or cands[chain[0]].pos != first.start("num"):
        return None
    return [cands[i].number for i in chain]


def test_paragraph_numbers_one_line_shortcut_matches_the_chain():
    rnd = random.Random(4)
    for block in texts(600, seed=5):
        for paragraph in (block, block.replace("\n", " "), block.split("\n")[0]):
            assert split._paragraph_numbers(paragraph) == _numbers_by_chain(paragraph), paragraph
    for _ in range(300):
        line = f"{rnd.randint(0, 700)}{rnd.choice(['. ', ' ', '“'])}{random_text(rnd, 12)}"
        line = line.replace("\n", " ")
        assert split._paragraph_numbers(line) == _numbers_by_chain(line), line


def test_count_notes_counts_what_split_notes_splits():
    for block in texts(300, seed=6):
        assert split.count_notes(block) == len(split.split_notes(block)), block


def test_best_chain_matches_pairwise_search():
    for block in texts(400, seed=2):
        cands = split._candidates(block)
        for style in (None, ("dot", False), ("space", True), ("none", True)):
            assert split._best_chain(cands, style) == plain_best_chain(cands, style), block


# --- markers --------------------------------------------------------------------------

GLUED_LOOKBEHIND = re.compile(
    r"(?<=[^\W\d_]|[,.”’)\];:\"'!?»])(?P<num>\d{1,4})(?![\w%/\-]|[.,]\d|\.[a-z])"
)
DIGIT_RUN_LOOKBEHIND = re.compile(r"(?<![\w$£€¥.,/\-])(?P<run>\d{2,8})(?![\w%/\-]|[.,]\d)")


def plain_ordered_chain(cands) -> list[int]:
    n = len(cands)
    score, prev = [0] * n, [-1] * n
    for i, cand in enumerate(cands):
        score[i] = cand.weight
        for j in range(i):
            other = cands[j]
            before = other.number < cand.number and other.span_end <= cand.span_start
            if before and score[j] + cand.weight > score[i]:
                score[i], prev[i] = score[j] + cand.weight, j
    if not n:
        return []
    best, chain = max(range(n), key=lambda k: (score[k], -k)), []
    while best != -1:
        chain.append(best)
        best = prev[best]
    return chain[::-1]


def marker_bodies(count: int, seed: int) -> list[tuple[str, set[int]]]:
    rnd = random.Random(seed)
    words = ["word", "Kazakh", " ", ", ", ".", "”", " in 2016", " March ", " May 1", "A", "$"]
    bodies = []
    for _ in range(count):
        wanted = {rnd.randint(1, 40) for _ in range(rnd.randint(0, 10))}
        body = "".join(
            rnd.choice(words) + (str(rnd.choice(sorted(wanted) or [1])) * rnd.randint(0, 1))
            for _ in range(rnd.randint(0, 60))
        )
        bodies.append((body, wanted))
    return bodies


def test_marker_scans_and_ordered_chain_match_plain_versions():
    for body, wanted in marker_bodies(300, seed=3):
        glued = [m.span() for m in markers.GLUED_MARKER.finditer(body)]
        assert glued == [m.span() for m in GLUED_LOOKBEHIND.finditer(body)], body
        runs = [m.span() for m in markers.DIGIT_RUN.finditer(body)]
        assert runs == [m.span() for m in DIGIT_RUN_LOOKBEHIND.finditer(body)], body
        cands = markers._candidates(body, wanted)
        assert markers._ordered_chain(cands) == plain_ordered_chain(cands), body


# --- citations ------------------------------------------------------------------------


def test_citation_shortcuts_match_the_regexes():
    for text in texts(300, seed=4):
        assert citations._may_hold_url(text) or not citations.URL.search(text), text
        spaced = re.sub(r"\s+", " ", text.casefold()).strip().rstrip(" .,;:")
        assert citations._normalise(text) == spaced, text
        cut = bool(citations.ELLIPSIS_END.search(text))
        plain_key = citations._normalise(citations.ELLIPSIS_END.sub("", text))
        assert citations._title_key(text) == (plain_key, cut), text


def plain_link_same_as(notes: list[Note]) -> dict[int, int | None]:
    """link_same_as comparing each note with every earlier one."""

    def same_title(short: str, full: str) -> bool:
        short_title, full_title = citations.cited_title(short), citations.cited_title(full)
        if not short_title or not full_title:
            return False
        (short_key, cut), (full_key, _) = (
            citations._title_key(short_title),
            citations._title_key(full_title),
        )
        if short_key == full_key:
            return True
        prefix = full_key.startswith(short_key) and len(short_key) >= citations.MIN_SHORT_TITLE
        return prefix and (cut or len(short) < len(full))

    links: dict[int, int | None] = {}
    for i, note in enumerate(notes):
        links[note.number] = None
        if i == 0:
            continue
        if citations.IBID.match(note.text):
            previous = notes[i - 1].number
            links[note.number] = links.get(previous) or previous
            continue
        reference = citations.NOTE_REFERENCE.search(note.text)
        if (
            reference
            and len(note.text) <= citations.MAX_REFERENCE_LENGTH
            and not citations.URL.search(note.text)
            and citations.cited_title(note.text) is None
        ):
            target = int(reference.group("num"))
            if target in {n.number for n in notes} and target < note.number:
                links[note.number] = target
                continue
        key = citations._work_key(note.text)
        for other in notes[:i]:
            same_key = len(key) >= citations.MIN_KEY_LENGTH and key == citations._work_key(
                other.text
            )
            if same_key or (
                same_title(note.text, other.text) and citations._same_source(note.text, other.text)
            ):
                links[note.number] = links.get(other.number) or other.number
                break
    return links


def citation_lists(count: int, seed: int) -> list[list[Note]]:
    rnd = random.Random(seed)
    words = ["China", "Beijing", "Binds", "Economic"]
    authors = ["Smith", "Jones", "", "Smith and Jones"]
    lists = []
    for _ in range(count):
        titles = [" ".join(rnd.choices(words, k=rnd.randint(1, 5))) for _ in range(3)]
        notes, number = [], 0
        for _ in range(rnd.randint(0, 14)):
            number += rnd.choice([1, 1, 2])
            title = rnd.choice(titles)
            if rnd.random() < 0.5:
                title = title[: rnd.randint(0, len(title))] + rnd.choice(["", "…", "...", " …"])
            opening, closing = rnd.choice([("‘", "’"), ("“", "”"), ('"', '"')])
            text = rnd.choice(
                [
                    f"{rnd.choice(authors)}, {opening}{title}{closing}, {'x' * rnd.randint(0, 30)}",
                    "Ibid.",
                    f"See note {rnd.randint(0, number)}.",
                    random_text(rnd, 10),
                ]
            )
            notes.append(Note(number, text, 0))
        lists.append(notes)
    return lists


def test_link_same_as_matches_pairwise_comparison():
    for notes in citation_lists(400, seed=5):
        assert link_same_as(notes) == plain_link_same_as(notes), notes


def test_link_same_as_short_title_of_a_longer_earlier_title():
    notes = [
        Note(1, "Smith, ‘China Economic Binds’, Journal, 2020.", 0),
        Note(2, "Jones, ‘China Economic’, Review, 2021.", 0),
        Note(3, "Smith, ‘China Economic’.", 0),
    ]
    assert link_same_as(notes) == plain_link_same_as(notes) == {1: None, 2: None, 3: 1}
