"""Which earlier note of a post cites the same work as a note (its `same_as_note`)."""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from functools import lru_cache

from pipelines.footnotes.accessed import ACCESSED_WORD
from pipelines.footnotes.memo import CACHE_SIZE
from pipelines.footnotes.split import Note
from pipelines.footnotes.titles import cited_title
from pipelines.footnotes.urls import URL, _may_hold_url

# A title cut short with an ellipsis may be the start of a longer title cited earlier.
ELLIPSIS_END = re.compile(r"\s*(?:…|\.\.\.)\s*$")
# 'As highlighted in note 41.', 'See note 12.', 'Cf. n. 7'.
NOTE_REFERENCE = re.compile(r"\b(?:notes?|n\.)\s+(?P<num>\d{1,4})\b", re.I)
# Longest note still read as a pure cross-reference ('As highlighted in note 41.').
MAX_REFERENCE_LENGTH = 100
# 'Ibid.' / 'Ibidem' repeats the previous note.
IBID = re.compile(r"^\s*ibid(?:em)?\b", re.I)
# A trailing page reference ('…(June 1, 2021), 18' / ', pp. 3–29') that differs between
# citations of the same work. Years are not page numbers.
PINPOINT = re.compile(r",\s*(?:pp?\.\s*)?(?P<page>\d{1,4})(?:\s*[-–]\s*\d{1,4})?\s*$")
ACCESSED_CLAUSE = re.compile(r",?\s*(?:last\s+)?accessed\b[^;]*", re.I)
WORD = re.compile(r"[^\W\d_]{2,}")
# Shortest key or short title trusted to identify a work.
MIN_KEY_LENGTH = 15
MIN_SHORT_TITLE = 8
# Position past every earlier note: nothing found yet.
NOT_FOUND = sys.maxsize
STOP_WORDS = frozenset({"the", "of", "and", "for", "in", "on", "to", "see", "also", "an", "by"})


def _normalise(text: str) -> str:
    # str.split() breaks at exactly the characters that \s matches, and drops the ends
    return " ".join(text.casefold().split()).rstrip(" .,;:")


@lru_cache(maxsize=CACHE_SIZE)  # pure; link_same_as reads it when it adds and looks up
def _title_key(title: str) -> tuple[str, bool]:
    """Normalised title and whether it was printed cut short with an ellipsis."""
    # ELLIPSIS_END matches exactly when the title ends in an ellipsis before any spaces
    cut = title.rstrip().endswith(("…", "..."))
    return _normalise(ELLIPSIS_END.sub("", title) if cut else title), cut


@lru_cache(maxsize=CACHE_SIZE)  # pure; link_same_as reads it when it adds and looks up
def _work_key(text: str) -> str:
    """A citation without URLs, accessed date and page number: the work it cites."""
    key = URL.sub(" ", text) if _may_hold_url(text) else text
    if ACCESSED_WORD.search(key):
        key = ACCESSED_CLAUSE.sub("", key)
    key = _normalise(key.replace("<", " ").replace(">", " "))
    pinpoint = PINPOINT.search(key)
    if pinpoint and not (1800 <= int(pinpoint.group("page")) <= 2099):
        key = key[: pinpoint.start()].rstrip(" .,;:")
    return key


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)} - STOP_WORDS


@lru_cache(maxsize=CACHE_SIZE)  # pure; a note's source is compared with several others
def _around_title(text: str) -> tuple[str, str]:
    """Who is cited (text before the quoted title) and where (first segment after it)."""
    title = cited_title(text)
    if title is None:
        return text, ""
    at = text.find(title)
    before = text[: max(0, at - 1)]
    after = text[at + len(title) :].lstrip("’”\"' ,.;:")
    return before, after.split(",")[0].strip().casefold()


def _same_source(short: str, full: str) -> bool:
    """Whether two citations of one title come from the same author or outlet."""
    short_by, short_where = _around_title(short)
    full_by, full_where = _around_title(full)
    short_words, full_words = _words(short_by), _words(full_by)
    if short_words and full_words:
        return bool(short_words & full_words)
    if short_where and full_where and not (short_words or full_words):
        return short_where == full_where
    return True


class _EarlierNotes:
    """The notes seen so far, indexed by work key and by title key.

    Finds the earliest earlier note citing the same work without comparing every pair:
    equal work keys and equal title keys are dictionary look-ups, and titles that a short
    title begins are one range of the sorted title keys.
    """

    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.first_by_work: dict[str, int] = {}
        self.by_title: dict[str, list[int]] = {}
        self.sorted_titles: list[str] = []

    def add(self, note: Note) -> None:
        position = len(self.notes)
        self.notes.append(note)
        self.first_by_work.setdefault(_work_key(note.text), position)
        title = cited_title(note.text)
        if not title:
            return
        key, _ = _title_key(title)
        if key not in self.by_title:
            self.by_title[key] = []
            bisect.insort(self.sorted_titles, key)
        self.by_title[key].append(position)

    def same_work(self, text: str) -> Note | None:
        """The earliest earlier note with the same work key or the same titled source."""
        key = _work_key(text)
        first = self.first_by_work.get(key, NOT_FOUND) if len(key) >= MIN_KEY_LENGTH else NOT_FOUND
        first = min(first, self._same_titled(text, first))
        return self.notes[first] if first < NOT_FOUND else None

    def _same_titled(self, text: str, limit: int) -> int:
        """Position of the earliest note before `limit` citing the same title and source.

        Same title: equal title keys, or a short title (at least MIN_SHORT_TITLE long) that
        begins an earlier title, when it is cut with an ellipsis or its note is shorter.
        """
        title = cited_title(text)
        if not title:
            return NOT_FOUND
        short_key, cut = _title_key(title)
        found = self._first_same_source(text, self.by_title.get(short_key, []), limit)
        if len(short_key) < MIN_SHORT_TITLE:
            return found
        start = bisect.bisect_left(self.sorted_titles, short_key)
        for full_key in itertools.islice(self.sorted_titles, start, None):
            if not full_key.startswith(short_key):
                break
            if full_key == short_key:
                continue
            positions = [
                k for k in self.by_title[full_key] if cut or len(text) < len(self.notes[k].text)
            ]
            found = self._first_same_source(text, positions, min(found, limit))
        return found

    def _first_same_source(self, text: str, positions: list[int], limit: int) -> int:
        """First of the (increasing) positions before `limit` whose note has the same source."""
        for k in positions:
            if k >= limit:
                break
            if _same_source(text, self.notes[k].text):
                return k
        return limit


def link_same_as(notes: list[Note]) -> dict[int, int | None]:
    """Note number -> earliest earlier note citing the same work, or None.

    Same work: identical citation (ignoring URLs, accessed date and page), the same quoted
    title from the same author or outlet (also short forms and titles cut with '…'),
    'Ibid.', or an explicit cross-reference such as 'As highlighted in note 41.'.
    """
    links: dict[int, int | None] = {}
    known = {note.number for note in notes}
    earlier = _EarlierNotes()
    for note in notes:
        links[note.number] = _find_same(note, earlier, links, known)
        earlier.add(note)
    return links


def _find_same(
    note: Note, earlier: _EarlierNotes, links: dict[int, int | None], known: set[int]
) -> int | None:
    if not earlier.notes:
        return None
    if IBID.match(note.text):
        previous = earlier.notes[-1].number
        return links.get(previous) or previous
    # only a short note can be a pure cross-reference: test the length before any regex
    short = len(note.text) <= MAX_REFERENCE_LENGTH
    reference = NOTE_REFERENCE.search(note.text) if short else None
    if reference and not URL.search(note.text) and cited_title(note.text) is None:
        target = int(reference.group("num"))
        if target in known and target < note.number:
            return target
    other = earlier.same_work(note.text)
    if other is None:
        return None
    return links.get(other.number) or other.number
