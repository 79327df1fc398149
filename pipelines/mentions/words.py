"""The words and marks the mention rules read names by: offices, bodies, events, quotes.

Each is a named pattern over one token's text; the rules in shapes*.py decide what a name is
from them (see docs/ner_guidelines.md).
"""

from __future__ import annotations

import re

# Words of an office, not of an organisation: they never head a name ("Chinese Foreign Minister").
OFFICE_WORDS = re.compile(
    r"^(?:chief|chiefs|minister|ministers|secretary|secretaries|director|directors|chairman|"
    r"chairwoman|chair|head|commander|commissioner|president|premier|governor|ambassador|"
    r"envoy|spokesman|spokeswoman|spokesperson|deputy|councillor|councilor|adviser|advisor|"
    r"advisers|advisors|mp|senator|mayor|general|admiral|colonel|king|queen|prince|princess|"
    r"emperor|prophet|imam|sheikh|emir|pope|saint|lord|lady|dame|professor|prof|mr|mrs|ms|dr|"
    r"sir|then|constable|inspector|superintendent)$",
    re.IGNORECASE,
)
# Nouns that make a body of a run of capitalised words ("Indian Ministry of External Affairs").
INSTITUTION_WORDS = re.compile(
    r"^(?:ministry|ministries|department|army|navy|forces|force|senate|assembly|council|court|"
    r"commission|committee|office|service|services|agency|bureau|guard|guards|police|cabinet|"
    r"congress|duma|corps|marines|institute|university|academy|bank|company|corporation|"
    r"administration|authority|directorate|front|league|federation|church|legion|brigade|"
    r"battalion|regiment|command|parliament|government|union|program|programme|center|centre|"
    r"initiative|hospital|foundation|school|college|mfa|mod|mofa|emirate|caliphate)$",
    re.IGNORECASE,
)
# Heads of a body's name beyond the institution words (which also make a nationality one ORG).
ORG_HEADS = re.compile(
    r"^(?:party|parties|movement|group|organisation|organization|network|faction|brigades|"
    r"brotherhood|tribunal|society|association|alliance|coalition|club|airlines|airways|"
    r"times|post|herald|gazette|tribune|telegraph|journal|review|news|press|magazine|"
    r"institution|caucus|fund|trust|board|consortium|inc|ltd|plc|llc)$",
    re.IGNORECASE,
)
# Heads of a named event ("Tulip Revolution", "Beslan Massacre", "Second Chechen War").
EVENT_HEADS = re.compile(
    r"^(?:war|wars|revolution|uprising|riots|rebellion|insurgency|intifada|massacre|"
    r"bombings|bombing|attacks|spring|olympics|games|expo|battle|siege|marathon)$",
    re.IGNORECASE,
)
# Facility heads: facilities are not labelled, the names inside them are ("Lianyungang Port",
# "Chinese Embassy").
FACILITY_WORDS = re.compile(
    r"^(?:port|airport|mall|complex|hotel|bridge|dam|station|square|hilltop|stadium|embassy|"
    r"consulate)$",
    re.IGNORECASE,
)
SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at"})
SENTENCE_END = frozenset({".", "!", "?", "\n", "\n\n"})
OPEN_QUOTES = frozenset({"“", "‘", '"', "'", "(", "["})
CLOSE_QUOTES = {"“": "”", "‘": "’", '"': '"', "'": "'"}
POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
MAX_NAME_TOKENS = 6
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ash|as|ad|an|ar|at|az)$")  # "al-Sham", a name's own
# Meetings are never names of their own: the place or body inside is ("SCO Summit" gives SCO).
MEETING_WORDS = re.compile(r"^(?:summit|summits|forum|meeting|conference|talks)$", re.IGNORECASE)
