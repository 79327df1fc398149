"""The name of a venue as a sentence prints it, cut to the publication's own name.

"the IISS’s Survival" ran in Survival, "EurActiv.com" is EurActiv, "Il Foglio on China" is
Il Foglio; `venues` finds where such names stand and scores them.
"""

from __future__ import annotations

import re

import pycountry

from pipelines.footnotes.urls import TLD_EXTRACT
from pipelines.parsing import classify, dates
from pipelines.parsing.gazetteer import outlets
from pipelines.parsing.shapes import CONNECTOR, ORG_NAME

POSSESSIVE = re.compile(r"[’']s\b.*$")
# "the Royal Society for Asian Affairs’ journal Asian Affairs": the journal is named after it
JOURNAL_AFTER = re.compile(
    rf"(?:s\b)? (?:journal|magazine|quarterly|review|blog|website|newsletter) (?:the )?"
    rf"(?P<name>{ORG_NAME})"
)
# "the IISS’s Survival", "Singapore’s Lianhe Zaobao": an acronym's or a place's named title
OWNER_AND_TITLE = re.compile(r"^(?P<owner>[^\s’']+)[’']s (?P<title>[A-Z].*)$")
GENERIC_SUFFIXES = frozenset({"com", "net", "org", "info"})
# Titles that only say what kind of thing the owner publishes: "RUSI’s Journal" ran at RUSI
GENERIC_TITLE = re.compile(
    r"^(?:Journal|Review|Blog|Website|Newsletter|Commentary|Magazine|Quarterly)$"
)
OWNED_TITLE = re.compile(r"^(?P<owner>[A-Z][a-z]+)[’']s (?:[A-Z][\w’'-]*(?: |$))+$")


def site_name(name: str | None) -> str | None:
    """A site named by its address is named without a generic suffix: "EurActiv.com" is
    EurActiv; a country's suffix is often part of the name ("Vlast.kz", "Lenta.ru")."""
    if not name or " " in name:
        return name
    site = TLD_EXTRACT(name)
    generic = site.suffix.lower() in GENERIC_SUFFIXES
    return site.domain if generic and not site.subdomain and site.domain else name


def owned_title(intro: str, end: int, name: str, kb) -> str:
    """Where a piece ran when a name is an owner's: its journal named after it, an acronym's
    or a place's own title ("the IISS’s Survival"); else the name before the possessive."""
    if journal := JOURNAL_AFTER.match(intro, end):
        return journal["name"]
    if (owned := OWNER_AND_TITLE.match(name)) and not GENERIC_TITLE.match(owned["title"]):
        owner = kb.lookup(owned["owner"])
        if owned["owner"].isupper() or (owner is not None and owner.label == "GPE"):
            return owned["title"]
    return before_possessive(name)


def before_possessive(name: str) -> str:
    """The name before a possessive; a person after "of" goes with it ("the Far Eastern
    Economic Review of Helen Marsden’s new book" ran in the Review). A one-word owner that
    names no listed outlet, followed by a title, is part of the title ("Jane’s Intelligence
    Review"), where "Hoover Institution’s China Leadership Monitor" ran at the Institution."""
    owned = OWNED_TITLE.match(name)
    if owned and not outlets().first(owned["owner"]):
        return name
    cut = POSSESSIVE.sub("", name)
    if cut != name and " of " in cut:
        head, _, tail = cut.rpartition(" of ")
        if classify.is_person_name_line(tail):
            return head
    return cut


def trim_name(name: str, kb) -> str | None:
    """Cut a name at a connector where what follows is a place or people ("Il Foglio on China")
    or a subject ("… on the …"); a name that opens with one ("Italian for Il Foglio") is none."""
    parts = re.split(rf" ({CONNECTOR}) ", name)
    segments = parts[0::2]
    first = kb.lookup(segments[0])
    if (first is not None and first.label != "ORG") or segments[0] in MONTH_OR_DAY:
        return None
    if is_language(segments[0]):
        return None  # "a piece in Italian for …"
    kept = [segments[0]]
    for connector, segment in zip(parts[1::2], segments[1:], strict=True):
        known = kb.lookup(segment)
        if known is not None and known.label != "ORG":
            break
        if connector == "on" and segment.startswith("the "):
            break  # "for the Jamestown Foundation on the Islamic Movement …": the subject
        kept += [connector, segment]
    return " ".join(kept).strip(" .,’'") or None


def is_language(word: str) -> bool:
    """An English language name ("Italian", "Chinese"): what a piece is written in."""
    return pycountry.languages.get(name=word) is not None


MONTH_OR_DAY = frozenset(
    [*dates.MONTHS, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)
