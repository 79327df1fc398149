"""Split a block of numbered notes into single notes, whatever shape they are printed in.

Notes are printed in several shapes (`1. text`, `1 text`, `1“text`, several notes run
together on one line, numbering starting high such as 651). Numbers also occur inside
note text ('12 countries', 'Vol. 3', years), so the expected sequence (previous + 1) is
the main evidence of where a note starts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

# Largest jump allowed between two consecutive notes (so at most two numbers missing).
MAX_GAP = 3
# Score lost per missing number: a jump must be paid for by the notes it lets us keep.
GAP_PENALTY = 0.6
# Weight of a note found in the middle of a line (run-together notes) vs at a line start.
MID_LINE_WEIGHT = 0.9
# Bonus for a candidate printed like most notes of the block (same separator / quote).
STYLE_BONUS = 0.05
# Score of a candidate that no chain can reach.
NO_SCORE = float("-inf")

QUOTES = '“‘"«'

# A note number at a line start: `1. text`, `651 text`, `1“text`, `2 “text`. The text must
# not start with a digit or punctuation, so '1.5 million' or '12:30' are not notes.
LINE_START_NUMBER = re.compile(
    r"^[ \t]*(?P<num>\d{1,4})(?P<sep>\.[ \t]*|[ \t]+|(?=[“‘\"«]))"
    r"(?=[^\s\d%,.:;/)\]\-–—])",
    re.M,
)

# The place where a line may start with a note number: a line break, spaces, a digit.
# A literal first character lets the regex engine jump between line breaks.
NEWLINE_DIGIT = re.compile(r"\n[ \t]*\d")

# A note number inside a line after the end of the previous note ('…, 2020. 28 “…').
# The new note must open with a quote, a capital letter or a URL. The closing punctuation
# is matched rather than looked behind at: a leading character set lets the regex engine
# skip ahead, where a leading look-behind is tried at every position.
MID_LINE_NUMBER = re.compile(
    r"[.;”\"’)\]!?](?P<space>[ \t]+)(?P<num>\d{1,4})(?P<sep>\.[ \t]+|[ \t]+|(?=[“‘\"«]))"
    r"(?=[“‘\"«]|[A-ZÀ-ÖØ-ÞА-ЯЁ]|https?://)"
)

# Abbreviations that put a number after a full stop inside a citation ('No. 14', 'Vol. 3').
ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:no|nos|vol|vols|pp?|art|arts|ch|chap|para|sec|fig|n|nn|op|cit|ed|eds|ibid|"
    r"cf|ca|c|vs|st|mr|mrs|ms|dr|prof|gen|col|lt)\.|\b[A-Z]\.)\s*$",
    re.I,
)
# ABBREVIATION_BEFORE ends at the full stop just before a candidate, so it starts at most
# this many characters earlier ('chap.'); searching only there keeps the scan linear.
ABBREVIATION_WINDOW = 12

# A blank line just before a position: the candidate opens a paragraph.
BLANK_LINE_BEFORE = re.compile(r"\n[ \t]*\n[ \t]*$")

# Runs of whitespace containing a line break, folded to one space in note text.
LINE_BREAK_SPACE = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Note:
    """One numbered note; `offset` is where its number starts in the block it came from."""

    number: int
    text: str
    offset: int


class _Candidate(NamedTuple):
    pos: int
    number: int
    text_start: int
    line_start: bool
    sep: str
    quoted: bool


def _sep_kind(sep: str) -> str:
    if sep.startswith("."):
        return "dot"
    return "space" if sep else "none"


def _line_starts(block: str) -> list[re.Match[str]]:
    """LINE_START_NUMBER matches, tried only where a line opens with a digit.

    Same matches as `finditer`: each lies within one line and starts at its beginning.
    """
    starts = [0] + [m.start() + 1 for m in NEWLINE_DIGIT.finditer(block)]
    matches = (LINE_START_NUMBER.match(block, start) for start in starts)
    return [m for m in matches if m is not None]


def _abbreviation_before(block: str, end: int) -> bool:
    """Whether an abbreviation such as 'No.' ends at `end` (the number after it is not a note)."""
    return ABBREVIATION_BEFORE.search(block, max(0, end - ABBREVIATION_WINDOW), end) is not None


def _candidate(block: str, m: re.Match[str], line_start: bool) -> _Candidate:
    text_start = m.end()
    return _Candidate(
        m.start("num"),
        int(m.group("num")),
        text_start,
        line_start,
        _sep_kind(m.group("sep")),
        block[text_start : text_start + 1] in QUOTES,
    )


def _candidates(block: str) -> list[_Candidate]:
    """Every place a note could start, before the sequence decides which ones do."""
    found = {m.start("num"): _candidate(block, m, True) for m in _line_starts(block)}
    for m in MID_LINE_NUMBER.finditer(block):
        pos = m.start("num")
        if pos not in found and not _abbreviation_before(block, m.start("space")):
            found[pos] = _candidate(block, m, False)
    return [found[pos] for pos in sorted(found)]


# Scored candidates of one note number as (score, index), kept as predecessors for the
# next numbers. A candidate scoring no more than a later one of the same number can never be
# the best predecessor again (the later one totals at least as much and wins ties), so a
# ladder holds only strictly decreasing scores, in index order.
_Ladder = list[tuple[float, int]]


def _climb(ladder: _Ladder, score: float, index: int) -> None:
    while ladder and ladder[-1][0] <= score:
        ladder.pop()
    ladder.append((score, index))


def _ladder_best(ladder: _Ladder, weight: float, penalty: float) -> tuple[float, int]:
    """(total, index) of the best predecessor on a ladder: highest total, then latest index.

    Totals are computed as a comparison with every predecessor would compute them, so
    rounding ties fall the same way; they never increase along the ladder.
    """
    top, index = ladder[0]
    total = top + weight - penalty
    for score, later in ladder[1:]:
        if score + weight - penalty != total:
            break
        index = later
    return total, index


def _weight(cand: _Candidate, style: tuple[str, bool] | None) -> float:
    weight = 1.0 if cand.line_start else MID_LINE_WEIGHT
    if style is not None:
        weight += STYLE_BONUS * ((cand.sep == style[0]) + (cand.quoted == style[1]))
    return weight


def _best_chain(cands: list[_Candidate], style: tuple[str, bool] | None) -> list[int]:
    """Indexes of the best increasing run of note numbers (a weighted longest chain).

    Consecutive numbers are always allowed; a jump (a number missing) only when the later
    note opens a line, and it costs GAP_PENALTY per missing number. On ties the closest
    predecessor wins, so a stray '12 countries' line inside note 11 loses to the real 12.
    Predecessors are looked up by note number on ladders, so the cost is linear.
    """
    n = len(cands)
    score = [NO_SCORE] * n
    prev = [-1] * n
    ladders: dict[int, _Ladder] = {}
    for i, cand in enumerate(cands):
        weight = _weight(cand, style)
        best, best_index = (weight if cand.line_start else NO_SCORE), -1
        for step in range(1, (MAX_GAP if cand.line_start else 1) + 1):
            ladder = ladders.get(cand.number - step)
            if ladder is None:
                continue
            total, index = _ladder_best(ladder, weight, GAP_PENALTY * (step - 1))
            if total > best or (total == best and index > best_index):
                best, best_index = total, index
        score[i], prev[i] = best, best_index
        if best != NO_SCORE:
            _climb(ladders.setdefault(cand.number, []), best, i)
    top = max(score, default=NO_SCORE)
    if top == NO_SCORE:
        return []
    last = n - 1 - score[::-1].index(top)  # the latest of the best-scoring candidates
    chain = []
    while last != -1:
        chain.append(last)
        last = prev[last]
    return chain[::-1]


def _dominant_style(chosen: list[_Candidate]) -> tuple[str, bool]:
    """The separator most notes use (a tie goes to the earliest note's) and whether quoted."""
    # Counter keeps first-seen order among equal counts; a set's order would vary per run.
    sep = Counter(c.sep for c in chosen).most_common(1)[0][0]
    quoted = sum(c.quoted for c in chosen) * 2 >= len(chosen)
    return sep, quoted


def _clean_text(text: str) -> str:
    text = text.strip()
    return LINE_BREAK_SPACE.sub(" ", text) if "\n" in text else text


def _note_chain(block: str) -> tuple[list[_Candidate], list[int]]:
    """Candidates of a block and the indexes of those that start notes.

    Two passes: the first finds the best numbering chain, the second breaks ties in
    favour of candidates printed like the majority of the chain.
    """
    cands = _candidates(block)
    if len(cands) == 1:  # most paragraphs of a notes region hold one note
        return cands, [0] if cands[0].line_start else []
    chain = _best_chain(cands, None)
    if not chain:
        return cands, []
    style = _dominant_style([cands[i] for i in chain])
    return cands, _best_chain(cands, style)


def split_notes(block: str) -> list[Note]:
    """Split a notes block into notes, whatever the printed shape."""
    cands, chain = _note_chain(block)
    notes = []
    for k, i in enumerate(chain):
        cand = cands[i]
        end = cands[chain[k + 1]].pos if k + 1 < len(chain) else len(block)
        notes.append(Note(cand.number, _clean_text(block[cand.text_start : end]), cand.pos))
    return notes


def count_notes(block: str) -> int:
    """`len(split_notes(block))`, without building the notes."""
    return len(_note_chain(block)[1])


def _paragraph_numbers(paragraph: str) -> list[int] | None:
    """Note numbers of a paragraph that opens with a note number, else None.

    Only the numbers are needed, so the note texts are not built.
    """
    first = LINE_START_NUMBER.match(paragraph)
    if first is None:
        return None
    if "\n" not in paragraph and MID_LINE_NUMBER.search(paragraph) is None:
        return [int(first["num"])]  # one line, one candidate: most notes (same as below)
    cands, chain = _note_chain(paragraph)
    if not chain or cands[chain[0]].pos != first.start("num"):
        return None
    return [cands[i].number for i in chain]
