"""Tier 1: a helper the footnote tests share (the numbers of a list of notes)."""

from __future__ import annotations

from pipelines.footnotes import Note


def numbers(notes: list[Note]) -> list[int]:
    return [note.number for note in notes]
