"""Text shown to a person (the terminal, the Dagster UI) cut to a readable length."""

from __future__ import annotations

REASON_CHARS = 160  # a reject reason in a log line, a check's metadata or the summary


def cut(text: str, limit: int) -> str:
    """`text`, or its first `limit - 1` characters and an ellipsis, so that a cut value is
    never mistaken for the whole of it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(text: str, limit: int) -> str:
    """`text` on one line (runs of whitespace made one space), cut to `limit`."""
    return cut(" ".join(text.split()), limit)
