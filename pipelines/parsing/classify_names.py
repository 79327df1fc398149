"""Names of people and publications, and the author bios built around a person's name."""

from __future__ import annotations

import re

NAME = r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}"
BIO_START = re.compile(
    rf"^(?:The (?:writer|author)s? (?:is|are)\b|{NAME}(?: and {NAME})? (?:is|are|was)\b|"
    rf"{NAME}, (?:the |a |an )?(?:co-)?(?:author|director|fellow|senior|editor))"
)
# "X is a senior fellow …": the plain bio sentence (as opposed to an appositive standfirst).
BIO_IS = re.compile(
    rf"^(?:The (?:writer|author)s? (?:is|are)\b|{NAME}(?: and {NAME})? (?:is|are|was)\b)"
)
# A journal abstract names the post's authors in the third person: "X and Y show how …".
ABSTRACT_VOICE = re.compile(
    rf"\b{NAME}(?: and {NAME})? (?:show|shows|argue|argues|examine|examines|explore|explores|"
    r"assess|assesses|consider|considers|analyse|analyses|analyze|analyzes|trace|traces)\b"
)
BIO_ROLE = re.compile(
    r"\b(?:fellow|director|researcher|analyst|professor|scholar|author|co-author|editor|"
    r"associate|lecturer|head of|chair|president|founder|adviser|advisor|journalist|"
    r"correspondent)\b",
    re.IGNORECASE,
)
# The last word of a publication's name ("Sunday Business Post", "Asia Times Online"): no
# person's name ends with one.
PUBLICATION_NOUNS = (
    "Post", "Times", "Journal", "Review", "Herald", "Tribune", "Monitor", "News", "Magazine",
    "Online", "Gazette", "Chronicle", "Bulletin", "Quarterly", "Weekly", "Daily",
)  # fmt: skip
PUBLICATION_NAME = re.compile(
    rf"^(?:The )?(?:[A-Z][\w’'.&-]* ){{0,4}}(?:{'|'.join(PUBLICATION_NOUNS)})$"
)
# Words that make a capitalised line a heading rather than a person's name.
NOT_NAME_WORDS = frozenset(
    [
        *(noun.lower() for noun in PUBLICATION_NOUNS),
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "without",
        "to",
        "from",
        "by",
        "what",
        "why",
        "how",
        "is",
        "are",
        "was",
        "new",
        "next",
        "conclusion",
        "introduction",
        "summary",
        "notes",
        "outlook",
        "responses",
        "future",
        "recent",
        "about",
        # prepositions that open a headline: "After Beijing, the SCO and Afghanistan"
        "after",
        "before",
        "beyond",
        "between",
        "against",
        "behind",
        "inside",
        "across",
        "under",
        "over",
        # titles of posts printed on a line of their own under a byline
        "fellow",
        "associate",
        "director",
        "professor",
        "researcher",
        "analyst",
        "editor",
        "correspondent",
    ]
)
PERSON_NAME_ONLY = re.compile(rf"^{NAME}\.?$")

MAX_BIO_CHARS = 1000


def is_bio(text: str) -> bool:
    return len(text) <= MAX_BIO_CHARS and bool(BIO_START.match(text) and BIO_ROLE.search(text))


def is_person_name_line(text: str) -> bool:
    """A line holding only a name, as printed under a title or above a contributor's bio."""
    tokens = text.rstrip(".").split()
    return (
        bool(PERSON_NAME_ONLY.match(text))
        and 2 <= len(tokens) <= 3
        and not any(t.lower() in NOT_NAME_WORDS for t in tokens)
    )
