"""One article per post: exact and near-duplicate sightings merged, with provenance kept.

Method
------
* Exact: `content_sha256` hashes the body after NFKC, case folding and removal of everything
  but letters and digits, so lost spaces ("EconomicCorridor") and punctuation variants match.
* Near: one-permutation MinHash signatures (128 buckets, computed with numpy over 32-bit
  hashes of the character 5-shingles of that normalised body), banded for LSH at 0.5 as
  datasketch's MinHashLSH bands them (25 bands of 5 values; a candidate shares one band),
  plus a blocking key on the normalised title so that a truncated teaser meets its full post.
  A candidate pair merges only when its exact *containment* (shared shingles over the smaller
  set) is at least 0.8 AND the titles agree (equal, one a prefix of the other, or character
  trigram Jaccard >= 0.8 for a typo). Containment, not Jaccard, is what a teaser shares with
  its full text; the title check keeps apart different posts that quote the same paragraph.
  Shingle sets are sorted arrays of distinct 32-bit hashes; two sets share exactly the values
  that sit side by side once both are merged and sorted. LSH makes the candidate search
  linear in the number of posts, never all pairs.
* Record: the sighting with the longest body (ties: more notes, more captions, then page name
  and line) is the text of record; the others stay as `sources` with their similarity.
"""

# What the pipeline imports as `pipelines.dedupe`; each step of the method is a submodule.
from pipelines.dedupe.clusters import (
    Cluster,
    Fingerprint,
    Sighting,
    cluster_sightings,
    fingerprint,
)
from pipelines.dedupe.exact import content_sha256

__all__ = [
    "Cluster",
    "Fingerprint",
    "Sighting",
    "cluster_sightings",
    "content_sha256",
    "fingerprint",
]
