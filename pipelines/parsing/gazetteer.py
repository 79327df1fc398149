"""Reviewed name lists kept as data: canonical outlets and author spellings."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipelines.footnotes.urls import TLD_EXTRACT
from pipelines.parsing.alternation import by_first_character

DATA_DIR = Path(__file__).parent / "data"
BLOG_AUTHOR = "Raffaello Pantucci"  # the blog's own author, credited where a post names nobody


@dataclass(frozen=True)
class Gazetteer:
    """Aliases to canonical names, matched longest first on word boundaries."""

    canonical: dict[str, str]
    pattern: re.Pattern[str]

    def find_all(self, text: str) -> list[tuple[int, str]]:
        return [(m.start(), self.canonical[m.group()]) for m in self.pattern.finditer(text)]

    def first(self, text: str) -> str | None:
        found = self.find_all(text)
        return found[0][1] if found else None


def _load(name: str) -> Gazetteer:
    canonical: dict[str, str] = {}
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = next(iter(row))
            for alias in row["aliases"].split("|"):
                canonical[alias.strip()] = row[key].strip()
                if alias.startswith("The "):  # in running text: "a piece for the Telegraph"
                    canonical.setdefault("the " + alias[4:].strip(), row[key].strip())
            canonical.setdefault(row[key].strip(), row[key].strip())
    longest_first = sorted(canonical, key=len, reverse=True)
    # `(?<![\w’'])(?:alias|…)(?![\w’'])`, grouped so that the look-behind is not tried at
    # every character of the text
    alternatives = by_first_character(longest_first, literal=True, not_after="[\\w’']")
    # a possessive may follow: "Prospect’s blog", "the Jamestown Foundation’s journal", and
    # after a final s a bare apostrophe: "the Financial Times’ beyondbrics blog"
    return Gazetteer(
        canonical,
        re.compile(rf"(?:{alternatives})(?:(?=[’']s\b)|(?<=s)(?=[’'](?!\w))|(?![\w’']))"),
    )


@cache
def outlets() -> Gazetteer:
    return _load("outlets.csv")


@cache
def authors() -> Gazetteer:
    return _load("authors.csv")


def canonical_outlet(name: str) -> str:
    """The reviewed list's name for an outlet the text names, else the name as printed."""
    return outlets().first(name) or name.strip()


def canonical_author(name: str) -> str:
    """Fold spaces and trailing punctuation, then map known variants to one spelling."""
    cleaned = re.sub(r"\s+", " ", name.replace("\u00a0", " ")).strip(" .,;:")
    if cleaned.isupper() and len(cleaned) > 3:
        cleaned = cleaned.title()  # "RAFFAELLO PANTUCCI" in an upper-case byline
    return authors().canonical.get(cleaned, cleaned)


def outlet_for_domain(host: str) -> str | None:
    """The listed outlet whose name is the site's registered name: "thediplomat.com" and
    "www.guardian.co.uk" name The Diplomat and The Guardian."""
    site = TLD_EXTRACT(host).domain.lower()
    return _domains().get(site) if site else None


@cache
def _domains() -> dict[str, str]:
    names: dict[str, str] = {}
    for alias, canonical in outlets().canonical.items():
        key = re.sub(r"[^a-z0-9]", "", alias.lower())
        names.setdefault(key, canonical)
        names.setdefault(key.removeprefix("the"), canonical)
    return names
