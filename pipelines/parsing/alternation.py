"""Regex alternations the engine can scan quickly: alternatives grouped by first character.

Python's regex engine tries every alternative of `a|b|c` at every place it searches, and a
pattern that opens with a look-behind or `\\b` is tried at every character. Grouped under
their first characters ("p(?:iece|ost)|c(?:olumn)"), the alternatives open with a character
set that the engine jumps to, and one group is tried there instead of every alternative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def by_first_character(
    alternatives: Iterable[str], *, literal: bool = False, not_after: str = ""
) -> str:
    """The alternation of `alternatives`, grouped by first character.

    It matches what the plain alternation matches, alternative for alternative: those that
    share a first character keep their order, and the others cannot match at the same place.
    `literal` alternatives are escaped; otherwise each is a regex whose first character is a
    plain letter. `not_after` is a character class that must not precede a match: the
    plain `(?<!class)(?:…)` look-behind, checked once the first character has matched.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first, rest = alternative[0], alternative[1:]
        if not literal and not first.isalpha():
            raise ValueError(f"{alternative!r}: the first character must be a letter")
        groups.setdefault(first, []).append(re.escape(rest) if literal else rest)
    parts = []
    for first, rests in groups.items():
        head = re.escape(first)
        guard = f"(?<!{not_after}{head})" if not_after else ""
        parts.append(f"{head}{guard}(?:{'|'.join(rests)})")
    return "|".join(parts)
