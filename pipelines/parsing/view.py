"""A page's paragraphs with the facts the evidence asks of them, each worked out once."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Generic, TypeVar

from pipelines.parsing import shapes
from pipelines.parsing.notes import is_note_opener
from pipelines.parsing.paragraphs import (
    closes_paragraph,
    content_words,
    first_unit_text,
    intro_voice,
    is_body_like,
    is_front_matter,
    is_headline_shape,
    names_outlet,
    prelude_role,
    standfirst_shape,
    talks_about_pieces,
)
from pipelines.parsing.text import Paragraph

Item = TypeVar("Item")
T = TypeVar("T")


class Lazy(Generic[Item, T]):
    """A fact of each paragraph, worked out the first time a candidate asks for it.

    Most facts are asked of a few paragraphs only (those next to a headline), so computing
    them for every paragraph up front costs more than it saves.
    """

    def __init__(self, items: list[Item], fact: Callable[[Item], T]) -> None:
        self._items = items
        self._fact = fact
        self._known: dict[int, T] = {}

    def __getitem__(self, i: int) -> T:
        known = self._known
        if i not in known:
            known[i] = self._fact(self._items[i])
        return known[i]


class PageView:
    """The page's paragraphs with the facts every candidate asks of them, each computed once."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.texts = [p.text for p in paragraphs]
        self.firsts = [first_unit_text(p) for p in paragraphs]
        self.headline = [  # an epigraph's quotation and a "Related" entry's title are no
            is_headline_shape(t)  # headlines of posts on this page
            and not shapes.EPIGRAPH.match(text)
            and not shapes.is_related_entry(p.lines)
            and not (i > 0 and shapes.RELATED_HEADING.match(self.texts[i - 1]))
            for i, (t, text, p) in enumerate(zip(self.firsts, self.texts, paragraphs, strict=True))
        ]
        self.closes = Lazy(self.paragraphs, closes_paragraph)
        self.front = Lazy(self.firsts, is_front_matter)
        self.standfirst = Lazy(self.firsts, standfirst_shape)
        self.date_line = Lazy(self.firsts, shapes.is_date_line)
        self.names_outlet = Lazy(self.texts, names_outlet)
        self.voices = Lazy(self.texts, intro_voice)
        self.roles = Lazy(self.firsts, prelude_role)
        self.note = Lazy(self.texts, is_note_opener)
        self.words = Lazy(self.texts, content_words)
        self.presents = Lazy(self.texts, talks_about_pieces)

    def __len__(self) -> int:
        return len(self.paragraphs)

    @cached_property
    def body_like(self) -> list[bool]:
        return [is_body_like(t) for t in self.texts]

    def voice(self, i: int) -> int:
        """Blog voice of paragraph i if it could be an introduction, else 0."""
        return self.voices[i]

    def role(self, i: int) -> str | None:
        """The prelude role paragraph i can take on its own shape, or None."""
        return self.roles[i]
