"""Lines that frame a post rather than tell it: headings, note starts, bullets, furniture."""

from __future__ import annotations

import re

CONTRIBUTORS_HEADING = re.compile(
    r"^(?:Additional information|Notes on contributors?|About the authors?|About the contributors?|"
    r"Author biograph(?:y|ies)|Biographical notes?)$",
    re.IGNORECASE,
)
# A notes heading with its first note in the same paragraph: "Citations [1] Authors’ …"
HEADED_NOTES = re.compile(
    r"^(?:Notes|Endnotes|Footnotes|References|Citations):? (?:\[1\]|\(1\)|1[.)]) ", re.I
)
EDITORS_NOTE = re.compile(r"^(?:Editor[’']?s [Nn]ote|Editorial note)\s*:")
# WordPress page furniture printed between posts: navigation, sharing and filing lines.
WP_FURNITURE = re.compile(
    r"^(?:«\s*Older Entries|Newer Entries\s*»|«?\s*Older posts|Newer posts\s*»?|"
    r"(?:No|\d+) Comments?(?: »)?|Leave a (?:comment|reply)|Continue reading\b.*|Read more\b.*|"
    r"(?:Posted|Filed) (?:in|under)\b.*|Tags?:.*|Tagged\b.*|Categories:.*|Share this:?|"
    r"Like this:?|Related(?: posts)?:?|Loading\.\.\.|Comments are closed\.?|"
    r"Permalink|Edit this entry\.?)$",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^[*•·\-–—_=~#]{3,}$|^(?:\* ?){3,}$")
# A numbered note: "1. text", "1 text", "1“text", "651 text".
NOTE_START = re.compile(r"^\d{1,4}(?:\.\s|\s+\S|(?=[“\"‘']))")
BULLET = re.compile(r"^\s*[•▪◦●\-–*]\s+\S")
BULLET_MARK = re.compile(r"^\s*[•▪◦●\-–*]\s+")
