"""Find the trailing numbered notes of a post and split them into single notes.

Notes are printed in several shapes (`1. text`, `1 text`, `1“text`, several notes run
together on one line, numbering starting high such as 651). Numbers also occur inside
note text ('12 countries', 'Vol. 3', years), so the expected sequence (previous + 1) is
the main evidence of where a note starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.footnotes.markers import find_markers

# Largest jump allowed between two consecutive notes (so at most two numbers missing).
MAX_GAP = 3
# Score lost per missing number: a jump must be paid for by the notes it lets us keep.
GAP_PENALTY = 0.6
# Weight of a note found in the middle of a line (run-together notes) vs at a line start.
MID_LINE_WEIGHT = 0.9
# Bonus for a candidate printed like most notes of the block (same separator / quote).
STYLE_BONUS = 0.05

QUOTES = '“‘"«'

# A 'Notes' heading printed on its own paragraph before the notes.
NOTES_HEADING = re.compile(r"^\s*(?:end\s*)?(?:notes|footnotes|references)\s*:?\s*$", re.I)

# A note number at a line start: `1. text`, `651 text`, `1“text`, `2 “text`. The text must
# not start with a digit or punctuation, so '1.5 million' or '12:30' are not notes.
LINE_START_NUMBER = re.compile(
    r"^[ \t]*(?P<num>\d{1,4})(?P<sep>\.[ \t]*|[ \t]+|(?=[“‘\"«]))"
    r"(?=[^\s\d%,.:;/)\]\-–—])",
    re.M,
)

# A note number inside a line after the end of the previous note ('…, 2020. 28 “…').
# The new note must open with a quote, a capital letter or a URL.
MID_LINE_NUMBER = re.compile(
    r"(?<=[.;”\"’)\]!?])[ \t]+(?P<num>\d{1,4})(?P<sep>\.[ \t]+|[ \t]+|(?=[“‘\"«]))"
    r"(?=[“‘\"«]|[A-ZÀ-ÖØ-ÞА-ЯЁ]|https?://)"
)

# Abbreviations that put a number after a full stop inside a citation ('No. 14', 'Vol. 3').
ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:no|nos|vol|vols|pp?|art|arts|ch|chap|para|sec|fig|n|nn|op|cit|ed|eds|ibid|"
    r"cf|ca|c|vs|st|mr|mrs|ms|dr|prof|gen|col|lt)\.|\b[A-Z]\.)\s*$",
    re.I,
)

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


@dataclass(frozen=True)
class _Candidate:
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


def _candidates(block: str) -> list[_Candidate]:
    """Every place a note could start, before the sequence decides which ones do."""
    found: dict[int, _Candidate] = {}
    for m in LINE_START_NUMBER.finditer(block):
        text_start = m.end()
        found[m.start("num")] = _Candidate(
            pos=m.start("num"),
            number=int(m.group("num")),
            text_start=text_start,
            line_start=True,
            sep=_sep_kind(m.group("sep")),
            quoted=block[text_start : text_start + 1] in QUOTES,
        )
    for m in MID_LINE_NUMBER.finditer(block):
        pos = m.start("num")
        if pos in found or ABBREVIATION_BEFORE.search(block, 0, m.start()):
            continue
        text_start = m.end()
        found[pos] = _Candidate(
            pos=pos,
            number=int(m.group("num")),
            text_start=text_start,
            line_start=False,
            sep=_sep_kind(m.group("sep")),
            quoted=block[text_start : text_start + 1] in QUOTES,
        )
    return [found[pos] for pos in sorted(found)]


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
    """
    n = len(cands)
    score = [float("-inf")] * n
    prev = [-1] * n
    for i, cand in enumerate(cands):
        weight = _weight(cand, style)
        if cand.line_start:
            score[i] = weight
        for j in range(i):
            if score[j] == float("-inf"):
                continue
            step = cand.number - cands[j].number
            if step < 1 or step > MAX_GAP or (step > 1 and not cand.line_start):
                continue
            total = score[j] + weight - GAP_PENALTY * (step - 1)
            if total >= score[i]:
                score[i] = total
                prev[i] = j
    if not n or max(score) == float("-inf"):
        return []
    best = max(range(n), key=lambda k: (score[k], k))
    chain = []
    while best != -1:
        chain.append(best)
        best = prev[best]
    return chain[::-1]


def _dominant_style(chosen: list[_Candidate]) -> tuple[str, bool]:
    seps = [c.sep for c in chosen]
    sep = max(set(seps), key=seps.count)
    quoted = sum(c.quoted for c in chosen) * 2 >= len(chosen)
    return sep, quoted


def _clean_text(text: str) -> str:
    return LINE_BREAK_SPACE.sub(" ", text.strip())


def split_notes(block: str) -> list[Note]:
    """Split a notes block into notes, whatever the printed shape.

    Two passes: the first finds the best numbering chain, the second breaks ties in
    favour of candidates printed like the majority of the chain.
    """
    cands = _candidates(block)
    chain = _best_chain(cands, None)
    if not chain:
        return []
    style = _dominant_style([cands[i] for i in chain])
    chain = _best_chain(cands, style)
    notes = []
    for k, i in enumerate(chain):
        cand = cands[i]
        end = cands[chain[k + 1]].pos if k + 1 < len(chain) else len(block)
        notes.append(Note(cand.number, _clean_text(block[cand.text_start : end]), cand.pos))
    return notes


def _paragraph_numbers(paragraph: str) -> list[int] | None:
    """Note numbers of a paragraph that opens with a note number, else None."""
    first = LINE_START_NUMBER.match(paragraph)
    if first is None:
        return None
    notes = split_notes(paragraph)
    if not notes or notes[0].offset != first.start("num"):
        return None
    return [note.number for note in notes]


def _runs(paragraphs: list[str]) -> list[tuple[int, int, list[int]]]:
    """Runs of paragraphs whose note numbers keep increasing by small steps.

    One paragraph without a number is allowed inside a run when the next one continues
    the numbering by exactly one (a note printed over two paragraphs).
    """
    numbers = [_paragraph_numbers(p) for p in paragraphs]
    runs = []
    i = 0
    while i < len(paragraphs):
        first = numbers[i]
        if first is None:
            i += 1
            continue
        seen = list(first)
        j = i + 1
        while j < len(paragraphs):
            nums = numbers[j]
            if nums is not None and seen[-1] < nums[0] <= seen[-1] + MAX_GAP:
                seen.extend(nums)
                j += 1
                continue
            after = numbers[j + 1] if j + 1 < len(paragraphs) else None
            if nums is None and after is not None and after[0] == seen[-1] + 1:
                seen.extend(after)
                j += 2
                continue
            break
        runs.append((i, j, seen))
        i = j
    return runs


def _is_notes_run(paragraphs: list[str], start: int, nums: list[int]) -> bool:
    """Whether a run is real notes rather than a numbered list or body text.

    A 'Notes' heading settles it. Otherwise the body before the run must cite the notes
    with glued markers, or the run must be a long sequence starting at 1.
    """
    if start > 0 and NOTES_HEADING.match(paragraphs[start - 1]):
        return True
    body = "\n\n".join(paragraphs[:start])
    markers = find_markers(body, nums) if body else {}
    cited = sum(1 for n in nums if markers.get(n))
    coverage = cited / len(nums)
    if len(nums) == 1:
        return nums[0] == 1 and cited == 1
    if nums[0] == 1:
        return coverage >= 0.3 or len(nums) >= 5
    return coverage >= 0.5


def notes_region(paragraphs: list[str]) -> tuple[int, int] | None:
    """(start, end) paragraph indexes of the numbered-notes region, end exclusive.

    Among the runs that pass the evidence test, a run after a 'Notes' heading wins,
    then the one with most notes, then the last one.
    """
    best: tuple[tuple[bool, int, int], tuple[int, int]] | None = None
    for start, end, nums in _runs(paragraphs):
        if not _is_notes_run(paragraphs, start, nums):
            continue
        headed = start > 0 and bool(NOTES_HEADING.match(paragraphs[start - 1]))
        key = (headed, len(nums), start)
        if best is None or key > best[0]:
            best = (key, (start, end))
    return None if best is None else best[1]


def locate_notes(paragraphs: list[str]) -> int | None:
    """Index of the first paragraph of the trailing numbered-notes region, or None."""
    region = notes_region(paragraphs)
    return None if region is None else region[0]
