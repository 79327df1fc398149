"""Numbered notes of journal-style posts: locate, split, markers, and what each note cites."""

from pipelines.footnotes.citations import (
    cited_title,
    extract_domains,
    extract_urls,
    link_same_as,
    parse_accessed_date,
)
from pipelines.footnotes.markers import find_markers
from pipelines.footnotes.split import (
    Note,
    count_notes,
    locate_notes,
    notes_region,
    split_notes,
)

__all__ = [
    "Note",
    "cited_title",
    "count_notes",
    "extract_domains",
    "extract_urls",
    "find_markers",
    "link_same_as",
    "locate_notes",
    "notes_region",
    "parse_accessed_date",
    "split_notes",
]
