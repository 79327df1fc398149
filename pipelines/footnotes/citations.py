"""Read the parts of a note the dataset keeps: URLs, domains, accessed date, cited title,
and which earlier note cites the same work."""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
import sys
from functools import lru_cache

from pipelines.footnotes.split import Note
from pipelines.parsing.gazetteer import TLD_EXTRACT

CACHE_SIZE = 65536

# A URL with a scheme or starting with 'www.'; it stops at spaces, angle brackets and
# curly quotes, so '<https://x>' and '<<http://x>,' leave the brackets behind.
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”‘’«»]+", re.I)

# Characters printed after a URL that are not part of it.
URL_TRAILING = ".,;:!?'\"’”)]}>"

# A bare site name such as 'rferl.org', 'Tengrinews.kz' or 'lenta.inform.kz'. The last
# label must be lower case so that 'regard.The' (a missing space) is not a site.
BARE_DOMAIN = re.compile(
    r"(?<![\w@./\-])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[a-z]{2,24})"
    r"(?![\w@\-])"
)

# Every BARE_DOMAIN match holds a full stop before a lower-case letter; a text without one
# (most notes once their URLs are blanked) need not be scanned for site names.
DOT_LOWER = re.compile(r"\.[a-z]")

# File extensions that happen to be top-level domains.
FILE_SUFFIXES = frozenset({"zip", "mov", "pdf", "doc", "htm", "html", "php", "aspx", "jpg"})

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# 'accessed 14 August 2022', 'Accessed on 3 May 2021', 'last accessed: 14th Aug. 2022'.
ACCESSED_DAY_FIRST = re.compile(
    r"\baccessed(?:\s+on)?\s*:?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>"
    + MONTH_NAME
    + r")\.?,?\s+(?P<year>\d{4})\b",
    re.I,
)
# 'accessed August 14, 2022'.
ACCESSED_MONTH_FIRST = re.compile(
    r"\baccessed(?:\s+on)?\s*:?\s*(?P<month>"
    + MONTH_NAME
    + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
    re.I,
)
# Every 'accessed …' pattern holds this word: without it they need not run, and with it
# they need not look before its first occurrence.
ACCESSED_WORD = re.compile(r"accessed", re.I)
# 'accessed 2022-08-14'.
ACCESSED_ISO = re.compile(
    r"\baccessed(?:\s+on)?\s*:?\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b", re.I
)

# A closing single quote ends a title only when punctuation or a bracket follows it;
# otherwise it is an apostrophe ("China’s") or a soft sign ("perenyat’ u").
SINGLE_CLOSE_STRICT = re.compile(r"’(?=\s*[\[(]|[,.;:!?\])”\"]|\s*$)")
# An opening single quote: at the start or after a space or bracket, before a non-space.
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[“]))‘(?=\S)")
ELLIPSIS_END = re.compile(r"\s*(?:…|\.\.\.)\s*$")
TITLE_TRAILING = " ,;:"

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


def _strip_url(url: str) -> str:
    """Drop punctuation printed after a URL, keeping a ')' that closes a '(' in it."""
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _may_hold_url(text: str) -> bool:
    """Whether URL can match: every match holds '://' or a 'www.' (in any case)."""
    return "://" in text or "www." in text.lower()


def _url_spans(text: str) -> list[tuple[int, int, str]]:
    if not _may_hold_url(text):
        return []
    spans = []
    for m in URL.finditer(text):
        url = _strip_url(m.group())
        if "." in url:
            spans.append((m.start(), m.start() + len(url), url))
    return spans


def extract_urls(text: str) -> list[str]:
    """Every URL in the text, cleaned of wrapping '<…>' and trailing punctuation."""
    return [url for _, _, url in _url_spans(text)]


@lru_cache(maxsize=CACHE_SIZE)  # the same sites are cited again and again
def _registered_domain(host: str) -> str | None:
    parts = TLD_EXTRACT(host)
    if not parts.domain or not parts.suffix:
        return None
    return parts.top_domain_under_public_suffix.lower()


def _bare_domains(masked: str) -> list[tuple[int, str]]:
    """(offset, registered domain) of the bare site names in a text with URLs blanked."""
    found = []
    for m in BARE_DOMAIN.finditer(masked):
        host = m.group("host")
        if host.rsplit(".", 1)[-1] in FILE_SUFFIXES:
            continue
        domain = _registered_domain(host)
        if domain:
            found.append((m.start(), domain))
    return found


def extract_domains(text: str, urls: list[str]) -> list[str]:
    """Registered domains of the URLs and of bare site names, in order of appearance."""
    found: list[tuple[int, str]] = []
    masked = text
    for url in urls:
        pos = text.find(url)
        domain = _registered_domain(url)
        if domain:
            found.append((pos, domain))
        if pos >= 0:
            masked = masked[:pos] + " " * len(url) + masked[pos + len(url) :]
    for start, end, _ in _url_spans(masked):
        masked = masked[:start] + " " * (end - start) + masked[end:]
    if DOT_LOWER.search(masked):
        found.extend(_bare_domains(masked))
    seen: list[str] = []
    for _, domain in sorted(found, key=lambda item: item[0]):
        if domain not in seen:
            seen.append(domain)
    return seen


def parse_accessed_date(text: str) -> datetime.date | None:
    """Date in the first 'accessed …' clause of a note, in any of the printed orders."""
    word = ACCESSED_WORD.search(text)
    if word is None:
        return None
    best: tuple[int, datetime.date] | None = None
    for pattern in (ACCESSED_DAY_FIRST, ACCESSED_MONTH_FIRST, ACCESSED_ISO):
        m = pattern.search(text, word.start())
        if m is None:
            continue
        month = m.group("month")
        month_number = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            date = datetime.date(int(m.group("year")), month_number, int(m.group("day")))
        except ValueError:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), date)
    return None if best is None else best[1]


def _clean_title(title: str) -> str | None:
    title = title.strip().rstrip(TITLE_TRAILING).strip()
    return title or None


def _double_quoted(text: str, start: int) -> str | None:
    """Text of the “…” pair opening at `start`, counting nested “…” pairs."""
    depth = 0
    first_close = -1
    for i in range(start, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if first_close < 0:
                first_close = i
            if depth == 0:
                return _clean_title(text[start + 1 : i])
    if first_close >= 0:
        return _clean_title(text[start + 1 : first_close])
    return None


def _single_quoted(text: str, start: int) -> str | None:
    """Text of the ‘…’ pair opening at `start`.

    A ’ followed by punctuation closes it. A ’ followed by a space closes it only when
    no better close comes before the next opening ‘. Without any close the title runs to
    the end of the note (a short form missing its closing quote).
    """
    strict = SINGLE_CLOSE_STRICT.search(text, start + 1)
    following = SINGLE_OPEN.search(text, start + 1)
    loose = text.find("’ ", start + 1)
    if strict and (following is None or strict.start() < following.start()):
        return _clean_title(text[start + 1 : strict.start()])
    if loose >= 0 and (following is None or loose < following.start()):
        return _clean_title(text[start + 1 : loose])
    if strict:
        return _clean_title(text[start + 1 : strict.start()])
    return _clean_title(text[start + 1 :].rstrip(". "))


@lru_cache(maxsize=CACHE_SIZE)  # pure; read for a note by the row and by link_same_as
def cited_title(text: str) -> str | None:
    """The quoted title of the cited work: the first ‘…’ or “…” pair, or None."""
    single = SINGLE_OPEN.search(text) if "‘" in text else None
    double = text.find("“")
    straight = text.find('"')
    starts = [
        (pos, kind)
        for pos, kind in (
            (single.start() if single else -1, "single"),
            (double, "double"),
            (straight, "straight"),
        )
        if pos >= 0
    ]
    if not starts:
        return None
    pos, kind = min(starts)
    if kind == "single":
        return _single_quoted(text, pos)
    if kind == "double":
        return _double_quoted(text, pos)
    end = text.find('"', pos + 1)
    return _clean_title(text[pos + 1 : end]) if end > 0 else None


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
