"""Numbered notes of journal-style posts: locate, split, markers, and what each note cites."""

from pipelines.footnotes.accessed import parse_accessed_date
from pipelines.footnotes.citations import link_same_as
from pipelines.footnotes.markers import find_markers
from pipelines.footnotes.region import locate_notes, notes_region
from pipelines.footnotes.split import Note, count_notes, split_notes
from pipelines.footnotes.titles import cited_title
from pipelines.footnotes.urls import extract_domains, extract_urls

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
