"""Who wrote a post and where it appeared: bylines, bios, the blogger's introduction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipelines.parsing import classify, dates
from pipelines.parsing.gazetteer import BLOG_AUTHOR, canonical_author, outlets

NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
AFFILIATION = re.compile(r",\s*(?:[A-Z][\w.&’' -]*)$")
# "with the excellent Kabir for Lawfare", "with my colleague Niva Yau": a named co-author.
INTRO_COAUTHOR = re.compile(
    r"\bwith (?:the |my |an? )?(?:(?:excellent|wonderful|good|great|brilliant|old) )?"
    r"(?:(?:colleague|friend|co-author|RUSI colleague|RSIS colleague) )?"
    r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?= for\b)"
    r"|\bwith (?:the |my )?(?:excellent|wonderful|good|great|brilliant|old)? ?"
    r"(?:colleague|friend|co-author) (?P<name2>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
UNLISTED_OUTLET = re.compile(
    r"\b(?:piece|column|op-ed|article|interview|paper|chapter|commentary|post|report)\b"
    r"[^.]{0,60}?\b(?:for|in|with) (?:the )?(?:(?:excellent|wonderful|fantastic|great) )?"
    r"(?P<name>[A-Z][\w’'&.-]*(?: (?:of |and |on |for |the )?[A-Z][\w’'&.-]*){0,5})"
)
OUTLET_CONTEXT = re.compile(r"\b(?:for|in|with|at|on) (?:the )?$")
BIO_NAMES = re.compile(rf"(?:^|\band )(?P<name>{classify.NAME}) (?:is|was)\b")


@dataclass(frozen=True)
class Byline:
    names: list[str]
    outlet: str | None
    date: date | None


def split_names(names: str) -> list[str]:
    """Names from "X and Y", "X, Y and Z" or "X, RUSI", canonical, affiliation dropped."""
    names = AFFILIATION.sub("", names.strip())
    return [canonical_author(n) for n in NAME_SPLIT.split(names) if n.strip()]


def read_byline(text: str) -> Byline:
    """Names, outlet ("… for The Diplomat") and date ("by X / June 11, 2020 / …") of a byline."""
    if match := classify.WP_BYLINE.match(text):
        return Byline(split_names(match["names"]), None, dates.parse_date(match["date"]))
    if match := classify.BYLINE_AUTHOR.match(text):
        return Byline(split_names(match["names"]), None, None)
    if match := classify.BYLINE_BY.match(text):
        outlet = match["outlet"]
        canonical = (outlets().first(outlet) or outlet.strip()) if outlet else None
        return Byline(split_names(match["names"]), canonical, None)
    return Byline([], None, None)


def find_outlet(blog_note: str | None) -> str | None:
    """The outlet the introduction names: a listed one in context first, any listed one next."""
    if not blog_note:
        return None
    first_paragraph = blog_note.split("\n\n")[0]
    found = outlets().find_all(first_paragraph)
    in_context = [o for pos, o in found if OUTLET_CONTEXT.search(first_paragraph[:pos])]
    if in_context or found:
        return (in_context or [o for _, o in found])[0]
    return _unlisted_outlet(first_paragraph)


def _unlisted_outlet(intro: str) -> str | None:
    """An outlet missing from the reviewed list: the capitalised name after "a piece for …".

    Places, peoples and persons the knowledge base knows are not outlets ("for China").
    """
    from pipelines.mentions.kb import default_kb  # the KB is only needed on this rare path

    for match in UNLISTED_OUTLET.finditer(intro):
        name = match["name"].strip()
        known = default_kb().lookup(name)
        if known is None or known.label == "ORG":
            return name
    return None


def find_authors(
    byline_names: list[str], bios: list[str], blog_note: str | None, span_text: str
) -> list[str]:
    """Bylines and bios first; co-authors the introduction names; else the blog's author."""
    names = list(byline_names)
    for bio in bios:
        names += [canonical_author(m["name"]) for m in BIO_NAMES.finditer(bio)]
    if blog_note:
        coauthors = []
        for match in INTRO_COAUTHOR.finditer(blog_note.split("\n\n")[0]):
            first = match["name"] or match["name2"]
            full = re.search(rf"\b{re.escape(first)} [A-Z][\w’'-]+", span_text)
            coauthors.append(canonical_author(full.group() if full else first))
        if coauthors and not names:
            names = [BLOG_AUTHOR, *coauthors]  # "a piece with X": the blogger wrote it too
    seen: dict[str, None] = {}
    for name in names:
        if classify.is_person_name_line(name):
            seen.setdefault(name, None)
    return list(seen) or [BLOG_AUTHOR]
