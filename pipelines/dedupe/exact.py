"""What exact dedupe compares: a body's letters and digits, case-folded, and their hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata

NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
# Past these, text is mostly non-Latin and `fold_alnum` takes the plain path at once.
MAX_NON_ASCII_SHARE = 0.5  # of the UTF-8 bytes left once ASCII punctuation is dropped
MAX_REPLACED = 24  # distinct non-ASCII characters, worth one str.replace each


def _fold_char(char: str) -> str:
    """What normalisation makes of one character after NFKC: case-folded, non-alnum dropped."""
    return NON_ALNUM.sub("", char.casefold())


ASCII = bytes(range(128))
# The same per ASCII byte, for bytes.translate: which to delete, and what the rest become.
# In UTF-8 every byte of a non-ASCII character is >= 0x80, so neither touches one.
ASCII_DROPPED = bytes(c for c in ASCII if not _fold_char(chr(c)))
ASCII_FOLDED = bytes(ord(_fold_char(chr(c)) or chr(c)) for c in ASCII) + bytes(range(128, 256))


def normalise(text: str) -> str:
    """Letters and digits only, case-folded: what exact dedupe compares."""
    nfkc = unicodedata.normalize("NFKC", text)
    try:
        return fold_alnum(nfkc)
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form: take the plain path
        return NON_ALNUM.sub("", nfkc.casefold())


def fold_alnum(text: str) -> str:
    """`NON_ALNUM.sub("", text.casefold())`, without folding and scanning every character.

    Both steps act on one character at a time, so the ASCII goes through one `bytes.translate`
    of the UTF-8 (lowered, spaces and punctuation deleted), and each distinct non-ASCII
    character left is replaced by what it becomes (a curly quote by nothing, "É" by "é").
    Mostly non-Latin text, with many distinct characters, takes the plain path. Raises
    UnicodeEncodeError on a lone surrogate.
    """
    kept = text.encode("utf-8").translate(ASCII_FOLDED, ASCII_DROPPED)
    rest = kept.translate(None, ASCII)
    if len(rest) > len(kept) * MAX_NON_ASCII_SHARE:
        return NON_ALNUM.sub("", text.casefold())
    others = set(rest.decode("utf-8"))
    if len(others) > MAX_REPLACED:
        return NON_ALNUM.sub("", text.casefold())
    result = kept.decode("utf-8")
    for char in others:
        folded = _fold_char(char)
        if folded != char:  # folding is idempotent, so no replacement feeds another
            result = result.replace(char, folded)
    return result


def content_sha256(body: str) -> str:
    return hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()
