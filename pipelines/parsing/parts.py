"""The parts of one post sighting, as the parser fills them in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FURNITURE_REASON = "WordPress page furniture, not part of the post"


@dataclass(frozen=True)
class Problem:
    """A part of a post the rules could not place; it goes to rejects, never into the body."""

    reason: str
    text: str
    first_line: int
    last_line: int


@dataclass
class ParsedPost:
    """One sighting of a post on one page, cut into the parts of the dataset contract."""

    title: str
    first_line: int
    last_line: int
    title_line: int
    blog_note: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    url: str | None = None
    reviewed_work: str | None = None
    blog_title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_date: date | None = None
    headings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    editor_note: str | None = None
    body: str = ""
    author_bio: str | None = None
    notes_block: str | None = None
    notes_first_line: int | None = None
    note_count: int = 0
    is_qa: bool = False
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PostState:
    post: ParsedPost
    body: list[str] = field(default_factory=list)
    bios: list[str] = field(default_factory=list)
    in_body: bool = False
    in_contributors: bool = False
    byline_names: list[str] = field(default_factory=list)
    byline_outlet: str | None = None
    posted_date: date | None = None  # the blog's own "Posted:" date: the article's own wins
