"""Bylines and datelines: the lines saying who wrote a post and when it was printed."""

from __future__ import annotations

import re

from pipelines.parsing.classify_wording import SENTENCE_END, words

BYLINE_BY = re.compile(
    r"^(?:[Bb]y|BY)\s+(?P<names>.+?)(?:,?\s+[Ff]or\s+(?P<outlet>.+?))?\s*(?:/.*)?$"
)
BYLINE_AUTHOR = re.compile(r"^(?:Author|Authors|Written by|Words by)\s*:\s*(?P<names>.+)$")
WP_BYLINE = re.compile(r"^by (?P<names>.+?) / (?P<date>[^/]+?)(?: / .*)?$", re.IGNORECASE)
MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<m>{MONTH_NAMES})\.?,? (?P<y>\d{{4}})\b"
)
DATE_MDY = re.compile(
    rf"\b(?P<m>{MONTH_NAMES})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})\b"
)
TIME_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|JST|SGT|HKT|IST)"  # "Fri 17 Jul 2015 07.00 BST"
# the time after a date: "…, 10:32 AM", "… • 6:00am", "… at 6:15 PM"
TIME_OF_DAY = r"(?:,| [•·|–]| at)? \d{1,2}[:.]\d{2}\s*(?:am|pm|AM|PM)?"
DATELINE = re.compile(
    rf"^(?:(?:PUBLISHED|UPDATED|Published|Updated|Posted|Date)(?: online)?\s*:?\s*)?"
    rf"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?,? )?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,? {MONTH_NAMES}\.?,? \d{{4}}"
    rf"|{MONTH_NAMES}\.? \d{{1,2}},? \d{{4}})"
    # "3 December 2019 • 6:00am", "Fri 17 Jul 2015 07.00 BST"
    rf"(?:{TIME_OF_DAY}(?: {TIME_ZONE})?)?$"
)
UPDATED_LINE = re.compile(r"^(?:UPDATED|Updated)\s*:")


def is_byline(text: str) -> bool:
    return bool(
        WP_BYLINE.match(text)
        or BYLINE_AUTHOR.match(text)
        or (BYLINE_BY.match(text) and words(text) <= 14 and not SENTENCE_END.search(text))
    )


def is_dateline(text: str) -> bool:
    return bool(DATELINE.match(text) or UPDATED_LINE.match(text))
