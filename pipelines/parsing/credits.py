"""Who wrote a post and where it appeared: bylines, bios, the blogger's introduction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipelines.parsing import classify, dates, shapes
from pipelines.parsing.classify_names import PUBLICATION_NAME
from pipelines.parsing.gazetteer import BLOG_AUTHOR, canonical_author, canonical_outlet, outlets

NAME_SPLIT = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+{shapes.NAMES_AND}\s+|\s*&\s*)")
# "I was interviewed by X", "This interview was conducted by X": who wrote the interview up.
INTRO_INTERVIEWER = re.compile(
    r"\b(?:interviewed|interview (?:was )?(?:conducted|done)) by "
    r"(?P<name>[A-Z][a-z]+ [A-Z][\w’'-]+)"
)
AFFILIATION = re.compile(r",\s*(?:[A-Z][\w.&’' -]*)$")
# "with the excellent Kabir for Lawfare", "with my colleague Niva Yau": a named co-author.
INTRO_COAUTHOR = re.compile(
    r"\bwith (?:the |my |an? )?(?:(?:excellent|wonderful|good|great|brilliant|old) )?"
    r"(?:(?:colleague|friend|co-author|RUSI colleague|RSIS colleague) )?"
    r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= for\b)"
    r"|\bwith (?:the |my )?(?:excellent|wonderful|good|great|brilliant|old)? ?"
    r"(?:colleague|friend|co-author) (?P<name2>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.? ")
BIO_NAMES = re.compile(rf"(?:^|\band |[.!?] )(?P<name>{classify.NAME}) (?:is|was)\b")
# "Raffaello Pantucci and Daniel Okafor": a byline printed without "By".
NAMES_LINE = re.compile(rf"^{classify.NAME}(?:, {classify.NAME})*(?:,? and {classify.NAME})$")


@dataclass(frozen=True)
class Byline:
    names: list[str]
    outlet: str | None
    date: date | None


def split_names(names: str) -> list[str]:
    """Names from "X and Y", "X, Y and Z" or "X, RUSI", canonical, affiliation dropped; "X,
    Emil Dall" is two names, not a name and its institution."""
    names = names.strip()
    tail = AFFILIATION.search(names)
    if tail and not classify.is_person_name_line(tail.group().lstrip(", ")):
        names = names[: tail.start()]
    return [canonical_author(n) for n in NAME_SPLIT.split(names) if n.strip()]


def read_byline(text: str) -> Byline:
    """Names, outlet ("… for The Diplomat") and date ("by X / June 11, 2020 / …") of a byline."""
    if match := classify.WP_BYLINE.match(text):
        return Byline(split_names(match["names"]), None, dates.parse_date(match["date"]))
    if match := classify.BYLINE_AUTHOR.match(text):
        return Byline(split_names(match["names"]), None, None)
    if match := classify.BYLINE_BY.match(text):
        names, named, when = _dated_names(match["names"])
        outlet = canonical_outlet(match["outlet"]) if match["outlet"] else named
        return Byline(names, outlet, when)
    return Byline([], None, None)


def _dated_names(text: str) -> tuple[list[str], str | None, date | None]:
    """ "Raffaello Pantucci, Sunday Business Post, June 10, 2012": names, outlet, date."""
    when = None
    if tail := _date_at_end(text):
        when, text = dates.parse_date(tail.group()), text[: tail.start()].rstrip().removesuffix(",")
    outlet = None
    head, comma, last = text.rpartition(",")
    # a listed name alone may be an affiliation ("By X, RUSI"); before a date it is the paper
    listed = when is not None and outlets().canonical.get(last.strip())
    if comma and (listed or PUBLICATION_NAME.match(last.strip())):
        outlet, text = canonical_outlet(last), head  # not an affiliation: the paper it ran in
    return split_names(text), outlet, when


def _date_at_end(text: str) -> re.Match[str] | None:
    """The date a byline ends with, after a comma: "…, June 10, 2012"."""
    for pattern in (classify.DATE_MDY, classify.DATE_DMY):
        for match in pattern.finditer(text):
            if not text[match.end() :].strip() and text[: match.start()].rstrip().endswith(","):
                return match
    return None


def find_authors(
    byline_names: list[str], bios: list[str], blog_note: str | None, span_text: str
) -> list[str]:
    """Bylines and bios first; co-authors the introduction names; else the blog's author."""
    names = list(byline_names)
    for bio in bios:
        for match in BIO_NAMES.finditer(bio):
            name = match["name"]
            if HONORIFIC.match(name):  # "Mr. Pantucci is …": an author named already, or not
                surname = HONORIFIC.sub("", name)
                if any(n.split()[-1] == surname for n in names if n.split()):
                    continue
                name = surname
            names.append(canonical_author(name))
    if blog_note:
        coauthors = []
        for match in INTRO_COAUTHOR.finditer(blog_note.split("\n\n")[0]):
            first = match["name"] or match["name2"]
            full = re.search(rf"\b{re.escape(first)} [A-Z][\w’'-]+", span_text)
            coauthors.append(canonical_author(full.group() if full else first))
        if coauthors and not names:
            names = [BLOG_AUTHOR, *coauthors]  # "a piece with X": the blogger wrote it too
        interviewer = INTRO_INTERVIEWER.search(blog_note)
        if interviewer and not names:
            names = [canonical_author(interviewer["name"])]
    seen: dict[str, None] = {}
    for name in names:
        if classify.is_person_name_line(name):
            seen.setdefault(name, None)
    return list(seen) or [BLOG_AUTHOR]
