"""Decoding raw page bytes and cutting page text into line-numbered paragraphs.

Everything downstream points back at 1-based line numbers of the page as stored, so the
decoder only removes what does not change line numbering (a BOM, CR of CRLF pairs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BOM = "\ufeff"
NUL = b"\x00"
# Bytes below 0x20 other than tab/newline/CR/form feed mean the file is not a text page.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# WordPress "read more" remnant, sometimes broken over a line: <!–more–>, <!--more-->, <!–\nmore–>
MORE_TAG = re.compile(r"<!\s*[-–—]+\s*more\s*[-–—]+\s*>", re.IGNORECASE)
NBSP = re.compile(r"[\u00a0\u202f\u2007]")
MULTI_SPACE = re.compile(r"[ \t]{2,}")


class PageDecodeError(ValueError):
    """A page's bytes are not usable text; the message says why."""


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str
    notes: tuple[str, ...]  # what the decoder had to repair (BOM, CRLF, legacy encoding)


@dataclass(frozen=True, eq=True)
class Paragraph:
    """A run of non-empty lines; `lines` keep the page text exactly (no stripping)."""

    lines: tuple[str, ...]
    first_line: int  # 1-based
    last_line: int  # 1-based, inclusive
    # Lines joined with a space, so that hard-wrapped paragraphs read as one. Set once on
    # creation: every paragraph's text is read, most of them several times.
    text: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        lines = self.lines
        joined = lines[0] if len(lines) == 1 else " ".join(line.strip() for line in lines)
        object.__setattr__(self, "text", clean_inline(joined))

    @property
    def raw(self) -> str:
        return "\n".join(self.lines)


def clean_inline(text: str) -> str:
    """Fold non-breaking and repeated spaces; strip. Keeps every visible character."""
    if "\u00a0" in text or "\u202f" in text or "\u2007" in text:
        text = NBSP.sub(" ", text)
    if "  " in text or "\t" in text:
        text = MULTI_SPACE.sub(" ", text)
    return text.strip()


def decode_page(data: bytes) -> DecodedPage:
    """UTF-8 first (with or without BOM); Windows-1252 as the legacy fallback; refuse binary."""
    if not data.strip():
        raise PageDecodeError("empty file: no text at all")
    notes: list[str] = []
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as err:
        if NUL in data:
            raise PageDecodeError(f"binary file: NUL byte at offset {data.index(NUL)}") from err
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as err2:
            raise PageDecodeError(
                f"not UTF-8 (bad byte at offset {err.start}) and not Windows-1252 either"
            ) from err2
        encoding = "cp1252"
        notes.append(f"decoded as Windows-1252: not valid UTF-8 at byte {err.start}")
    if text.startswith(BOM):
        text = text[1:]
        notes.append("removed a byte-order mark")
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        notes.append("converted CRLF line endings")
    if "\r" in text:
        text = text.replace("\r", "\n")
        notes.append("converted CR line endings")
    bad = CONTROL_CHARS.search(text)
    if bad:
        raise PageDecodeError(
            f"binary file: control character {bad.group()!r} at character {bad.start()}"
        )
    return DecodedPage(text=text, encoding=encoding, notes=tuple(notes))


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks with their 1-based line spans; `<!–more–>` lines dropped."""
    # A tag broken over lines becomes as many empty lines, so line numbers stay true.
    text = MORE_TAG.sub(lambda m: "\n" * m.group().count("\n"), text)
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            paragraphs.append(Paragraph(tuple(current), start, start + len(current) - 1))
            current = []
    if current:
        paragraphs.append(Paragraph(tuple(current), start, start + len(current) - 1))
    return paragraphs
