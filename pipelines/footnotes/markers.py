"""Find note markers in an article body: digits glued to a word or closing punctuation.

Markers are printed as plain digits ('thrived,13', 'Kazakh13'), sometimes glued to a
number ('in 201665' = 2016 + note 65). Most plain-looking numbers in a body are not
markers, so candidates are kept only where they fit the order of the notes.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

# Candidate weights: a word or punctuation mark ending in digits is good evidence; a split
# number, a digit after a decimal-looking point, or an acronym (G20, COVID19) is weak.
STRONG = 3
SPLIT = 2
WEAK = 1
NOT_A_MARKER = 0

CURRENCY = "$£€¥"

# Digits glued to a letter or a closing punctuation mark, not followed by more of a number
# ('4.3%', '12,000', 'PM2.5', '3,000-strong'). Both patterns start with a digit and look
# back from there: a leading character set lets the regex engine skip to the next digit,
# where a leading look-behind is tried at every position of the body.
GLUED_MARKER = re.compile(
    r"(?P<num>\d(?<=(?:[^\W\d_]|[,.”’)\];:\"'!?»])\d)\d{0,3})(?![\w%/\-]|[.,]\d|\.[a-z])"
)

# A free-standing run of digits that may hide a marker after a year or a day of month.
# Money ('$280') and parts of other numbers are excluded by the look-behind.
DIGIT_RUN = re.compile(r"(?P<run>\d(?<![\w$£€¥.,/\-]\d)\d{1,7})(?![\w%/\-]|[.,]\d)")

# A month name just before a digit run: 'March 123' is March 12 + marker 3.
MONTH_BEFORE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?[ \t]+$"
)

# The integer part of a decimal-looking number ('15' in 'March 15.4').
NUMBER_BEFORE = re.compile(r"\d+$")

# The letters just before a glued marker.
WORD_BEFORE = re.compile(r"[^\W\d_]+$")

# Words that are commonly printed with digits attached (COVID19, Windows10).
DIGIT_WORDS = frozenset(
    {"covid", "sars", "cov", "mers", "windows", "iphone", "web", "industry", "ipv", "mig"}
)

FIRST_YEAR = 1800
LAST_YEAR = 2099
LAST_DAY = 31

# No predecessor: every real candidate scores at least WEAK.
NO_ENTRY = (0, 0)


@dataclass(frozen=True)
class _Marker:
    pos: int
    number: int
    weight: int
    span_start: int
    span_end: int


def _glued_weight(body: str, pos: int) -> int:
    """How much a glued candidate looks like a marker rather than part of a token."""
    before = body[pos - 1]
    if before.isalpha():
        word = WORD_BEFORE.search(body, max(0, pos - 40), pos)
        letters = word.group() if word else before
        start = word.start() if word else pos - 1
        if (
            letters[-1].isupper()
            or len(letters) == 1
            or letters.lower() in DIGIT_WORDS
            or (start > 0 and body[start - 1].isdigit())
        ):
            return WEAK
        return STRONG
    if before in ".," and pos >= 2 and body[pos - 2].isdigit():
        number = NUMBER_BEFORE.search(body, max(0, pos - 20), pos - 1)
        first = number.start() if number else pos - 2
        integer = body[first : pos - 1]
        if integer.startswith("0") or (
            first > 0 and (body[first - 1].isalpha() or body[first - 1] in CURRENCY)
        ):
            return NOT_A_MARKER  # '0.19', 'PM2.5', '$1.46': a decimal, a token or a price
        if _is_year(integer) or (
            int(integer) <= LAST_DAY and MONTH_BEFORE.search(body, max(0, first - 12), first)
        ):
            return SPLIT  # 'in 2018.16', 'March 15.4': a year or a date, then a marker
        return WEAK
    return STRONG


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and FIRST_YEAR <= int(digits) <= LAST_YEAR


def _candidates(body: str, wanted: set[int]) -> list[_Marker]:
    found = []
    for m in GLUED_MARKER.finditer(body):
        number = int(m.group("num"))
        if number in wanted and not m.group("num").startswith("0"):
            pos = m.start("num")
            weight = _glued_weight(body, pos)
            if weight != NOT_A_MARKER:
                found.append(_Marker(pos, number, weight, pos, m.end()))
    for m in DIGIT_RUN.finditer(body):
        run, start = m.group("run"), m.start("run")
        splits: list[int] = []
        if len(run) > 4 and _is_year(run[:4]):
            splits.append(4)
        elif (
            MONTH_BEFORE.search(body, max(0, start - 12), start)
            and len(run) <= 4
            and not _is_year(run)
            and int(run) > LAST_DAY
        ):
            splits.extend(k for k in (1, 2) if 1 <= int(run[:k]) <= LAST_DAY)
        for k in splits:
            suffix = run[k:]
            if suffix and not suffix.startswith("0") and int(suffix) in wanted:
                found.append(_Marker(start + k, int(suffix), SPLIT, start, m.end()))
    return sorted(found, key=lambda c: (c.pos, -c.weight))


class _PrefixBest:
    """Best (score, -index) among entries of rank 1..r: a Fenwick tree for prefix maxima."""

    def __init__(self, size: int) -> None:
        self.tree = [NO_ENTRY] * (size + 1)

    def add(self, rank: int, key: tuple[int, int]) -> None:
        tree = self.tree
        while rank < len(tree):
            if key > tree[rank]:
                tree[rank] = key
            rank += rank & -rank

    def best(self, rank: int) -> tuple[int, int]:
        tree = self.tree
        found = NO_ENTRY
        while rank > 0:
            if tree[rank] > found:
                found = tree[rank]
            rank -= rank & -rank
        return found


def _ordered_chain(cands: list[_Marker]) -> list[int]:
    """Indexes of the heaviest chain with increasing positions and note numbers.

    A predecessor must have a smaller note number and a span ending before the candidate's
    span starts; on equal scores the earliest predecessor wins. Span starts never decrease
    in candidate order (a split marker's run holds no other candidate), so predecessors are
    released in order of span end into a tree keyed by note number: O(n log n).
    """
    n = len(cands)
    if not n:
        return []
    numbers = sorted({cand.number for cand in cands})
    rank = {number: k for k, number in enumerate(numbers, start=1)}
    released = _PrefixBest(len(numbers))
    waiting: list[tuple[int, int]] = []  # (span end, index) of scored candidates
    score = [0] * n
    prev = [-1] * n
    for i, cand in enumerate(cands):
        while waiting and waiting[0][0] <= cand.span_start:
            _, j = heapq.heappop(waiting)
            released.add(rank[cands[j].number], (score[j], -j))
        best, minus_j = released.best(rank[cand.number] - 1)
        score[i] = best + cand.weight
        prev[i] = -minus_j if best else -1
        heapq.heappush(waiting, (cand.span_end, i))
    best_index = max(range(n), key=lambda k: (score[k], -k))
    chain = []
    while best_index != -1:
        chain.append(best_index)
        best_index = prev[best_index]
    return chain[::-1]


def find_markers(body: str, numbers: list[int]) -> dict[int, list[int]]:
    """For each note number, the offsets in `body` where its marker starts.

    Markers are taken from the heaviest chain in which note numbers increase through the
    body. A strong candidate outside the chain is kept as a repeat citation when its number
    was already reached by the chain at that point (a back reference).
    """
    result: dict[int, list[int]] = {n: [] for n in numbers}
    cands = _candidates(body, set(numbers))
    chain = set(_ordered_chain(cands))
    reached = 0
    for i, cand in enumerate(cands):
        if i in chain:
            reached = max(reached, cand.number)
            result[cand.number].append(cand.pos)
        elif cand.weight == STRONG and cand.number <= reached:
            result[cand.number].append(cand.pos)
    for offsets in result.values():
        offsets.sort()
    return result
