"""The size of the memo caches kept by the pure readers of note text."""

from __future__ import annotations

# One bound shared by urls, titles and citations, so that a large corpus cannot grow their
# caches without limit and tuning one size tunes them all.
CACHE_SIZE = 65536
