"""Which paragraphs of a post are its trailing numbered notes, told from a numbered list."""

from __future__ import annotations

import re

from pipelines.footnotes.markers import find_markers
from pipelines.footnotes.split import MAX_GAP, _paragraph_numbers

# Notes numbered from 1 to at least this many are a notes run even without markers.
LONG_RUN = 5
# A 'Notes' heading printed on its own paragraph before the notes (the parser reads the same
# line as the end of a post's body).
NOTES_HEADING = re.compile(
    r"^\s*(?:(?:end\s*)?(?:notes|footnotes|references)|notes and references|citations)"
    r"\s*:?\s*$",
    re.I,
)


def _runs(paragraphs: list[str]) -> list[tuple[int, int, list[int]]]:
    """Runs of paragraphs whose note numbers keep increasing by small steps.

    One paragraph without a number is allowed inside a run when the next one continues
    the numbering by exactly one (a note printed over two paragraphs).
    """
    numbers = [_paragraph_numbers(p) for p in paragraphs]
    runs = []
    i = 0
    while i < len(paragraphs):
        first = numbers[i]
        if first is None:
            i += 1
            continue
        seen = list(first)
        j = i + 1
        while j < len(paragraphs):
            nums = numbers[j]
            if nums is not None and seen[-1] < nums[0] <= seen[-1] + MAX_GAP:
                seen.extend(nums)
                j += 1
                continue
            after = numbers[j + 1] if j + 1 < len(paragraphs) else None
            if nums is None and after is not None and after[0] == seen[-1] + 1:
                seen.extend(after)
                j += 2
                continue
            break
        runs.append((i, j, seen))
        i = j
    return runs


def _is_notes_run(paragraphs: list[str], start: int, nums: list[int]) -> bool:
    """Whether a run is real notes rather than a numbered list or body text.

    A 'Notes' heading settles it. Otherwise the body before the run must cite the notes
    with glued markers, or the run must be a long sequence starting at 1 (checked first:
    it needs no scan of the body).
    """
    if start > 0 and NOTES_HEADING.match(paragraphs[start - 1]):
        return True
    if nums[0] == 1 and len(nums) >= LONG_RUN:
        return True
    body = "\n\n".join(paragraphs[:start])
    markers = find_markers(body, nums) if body else {}
    cited = sum(1 for n in nums if markers.get(n))
    coverage = cited / len(nums)
    if len(nums) == 1:
        return nums[0] == 1 and cited == 1
    if nums[0] == 1:
        return coverage >= 0.3
    return coverage >= 0.5


def notes_region(paragraphs: list[str]) -> tuple[int, int] | None:
    """(start, end) paragraph indexes of the numbered-notes region, end exclusive.

    Among the runs that pass the evidence test, a run after a 'Notes' heading wins,
    then the one with most notes, then the last one.
    """
    best: tuple[tuple[bool, int, int], tuple[int, int]] | None = None
    for start, end, nums in _runs(paragraphs):
        if not _is_notes_run(paragraphs, start, nums):
            continue
        headed = start > 0 and bool(NOTES_HEADING.match(paragraphs[start - 1]))
        key = (headed, len(nums), start)
        if best is None or key > best[0]:
            best = (key, (start, end))
    return None if best is None else best[1]


def locate_notes(paragraphs: list[str]) -> int | None:
    """Index of the first paragraph of the trailing numbered-notes region, or None."""
    region = notes_region(paragraphs)
    return None if region is None else region[0]
