"""One article per post: exact and near-duplicate sightings merged, with provenance kept.

Method
------
* Exact: `content_sha256` hashes the body after NFKC, case folding and removal of everything
  but letters and digits, so lost spaces ("EconomicCorridor") and punctuation variants match.
* Near: one-permutation MinHash signatures (128 buckets, computed with numpy over 32-bit
  hashes of the character 5-shingles of that normalised body) in datasketch's LSH at 0.5,
  plus a blocking key on the normalised title so that a truncated teaser meets its full post.
  A candidate pair merges only when its exact *containment* (shared shingles over the smaller
  set) is at least 0.8 AND the titles agree (equal, one a prefix of the other, or character
  trigram Jaccard >= 0.8 for a typo). Containment, not Jaccard, is what a teaser shares with
  its full text; the title check keeps apart different posts that quote the same paragraph.
  LSH makes the candidate search linear in the number of posts, never all pairs.
* Record: the sighting with the longest body (ties: more notes, more captions, then page name
  and line) is the text of record; the others stay as `sources` with their similarity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.5
MIN_CONTAINMENT = 0.8
MIN_TITLE_JACCARD = 0.8  # character trigrams of the normalised titles
NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Letters and digits only, case-folded: what exact dedupe compares."""
    return NON_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def content_sha256(body: str) -> str:
    return hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()


MAX_HASH = np.uint64((1 << 32) - 1)
MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: multiplying by it scrambles bits
BUCKET_SHIFT = np.uint64(64 - 7)  # top 7 bits pick one of 128 = NUM_PERM buckets
VALUE_SHIFT = np.uint64(25)  # the next 32 bits are the value kept per bucket
DENSIFY_STEP = np.uint64(1 << 32)  # borrowed values are offset so they never tie real ones
HASH_BASE = np.uint64(1_000_003)


def shingle_hashes(norm: str) -> np.ndarray:
    """32-bit hashes of every character shingle, repeats included (enough for a signature)."""
    if not norm:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) <= SHINGLE:
        codes = np.pad(codes, (0, SHINGLE - len(codes) + 1))
    count = len(codes) - SHINGLE + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for k in range(SHINGLE):  # uint64 arithmetic wraps, which is what a hash wants
        hashes = hashes * HASH_BASE + codes[k : k + count]
    return hashes & MAX_HASH


def signature(hashes: np.ndarray) -> np.ndarray:
    """One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification.

    Each shingle hash is scrambled once; its top bits choose one of NUM_PERM buckets and the
    rest is its value; a bucket keeps its minimum. A bucket no shingle fell into borrows the
    next non-empty bucket's value (Shrivastava & Li 2014). One pass over the shingles instead
    of NUM_PERM passes, with the same Jaccard estimate that LSH banding needs.
    """
    result = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    if not len(hashes):
        return result
    mixed = (hashes + np.uint64(1)) * MIX
    mixed ^= mixed >> np.uint64(29)
    mixed *= MIX
    buckets = (mixed >> BUCKET_SHIFT).astype(np.intp)
    values = (mixed >> VALUE_SHIFT) & MAX_HASH
    np.minimum.at(result, buckets, values)
    empty = result == np.iinfo(np.uint64).max
    if empty.any():
        filled = np.flatnonzero(~empty)
        for i in np.flatnonzero(empty):
            j = filled[np.searchsorted(filled, i) % len(filled)]
            distance = np.uint64((j - i) % NUM_PERM)
            result[i] = result[j] + distance * DENSIFY_STEP
    return result


@dataclass(frozen=True)
class Sighting:
    """What dedupe needs of one parsed post on one page."""

    key: int  # position in the caller's list
    page: str
    first_line: int
    title: str
    body: str
    notes: int
    captions: int


@dataclass(frozen=True)
class Cluster:
    record: int  # key of the sighting of record
    members: tuple[int, ...]  # keys, record first, then by (page, line)
    similarity: dict[int, float]  # key -> containment with the record (1.0 = exact)
    article_id: str
    content_sha256: str  # of the record's normalised body


def _completeness(s: Sighting) -> tuple[int, int, int, str, int]:
    # Longest body first; negate so min() picks it; page/line make ties deterministic.
    return (-len(s.body), -s.notes, -s.captions, s.page, s.first_line)


def _titles_agree(na: str, nb: str) -> bool:
    """Same headline (normalised), one cut short of the other, or the same but for a typo."""
    if na == nb or (min(len(na), len(nb)) >= 12 and (na.startswith(nb) or nb.startswith(na))):
        return True
    ga, gb = _grams(na), _grams(nb)
    return bool(ga and gb) and len(ga & gb) / len(ga | gb) >= MIN_TITLE_JACCARD


def _grams(text: str, n: int = 3) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def _containment(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 1.0 if len(a) == len(b) else 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / min(len(a), len(b))


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_sightings(sightings: Sequence[Sighting]) -> list[Cluster]:
    """Group sightings of the same post; output order does not depend on input order."""
    norms = [normalise(s.body) for s in sightings]
    titles = [normalise(s.title) for s in sightings]
    hashes = [shingle_hashes(n) for n in norms]
    sets: dict[int, np.ndarray] = {}  # unique shingles, made only for sightings that need them

    def unique(i: int) -> np.ndarray:
        if i not in sets:
            sets[i] = np.unique(hashes[i])
        return sets[i]

    uf = _UnionFind(len(sightings))
    by_hash: dict[str, int] = {}
    by_title: dict[str, list[int]] = {}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    candidates: set[tuple[int, int]] = set()
    for i in range(len(sightings)):
        digest = hashlib.sha256(norms[i].encode()).hexdigest()
        if digest in by_hash and _titles_agree(titles[by_hash[digest]], titles[i]):
            uf.union(by_hash[digest], i)
            continue
        by_hash.setdefault(digest, i)
        title_key = titles[i]
        candidates.update((j, i) for j in by_title.get(title_key, []))
        by_title.setdefault(title_key, []).append(i)
        # a lean sketch carries just the values LSH bands (no permutations to initialise)
        minhash = LeanMinHash(seed=1, hashvalues=signature(hashes[i]), scheme="affine64")
        candidates.update((int(j), i) for j in lsh.query(minhash))
        lsh.insert(str(i), minhash)
    for a, b in sorted(candidates):
        if uf.find(a) == uf.find(b):
            continue
        if _titles_agree(titles[a], titles[b]) and (
            _containment(unique(a), unique(b)) >= MIN_CONTAINMENT
        ):
            uf.union(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(sightings)):
        groups.setdefault(uf.find(i), []).append(i)
    clusters = []
    for members in groups.values():
        record = min(members, key=lambda k: _completeness(sightings[k]))
        rest = sorted(
            (m for m in members if m != record),
            key=lambda k: (sightings[k].page, sightings[k].first_line),
        )
        similarity = {
            m: 1.0
            if norms[m] == norms[record]
            else round(_containment(unique(m), unique(record)), 4)
            for m in members
        }
        digest = hashlib.sha256(norms[record].encode("utf-8")).hexdigest()
        seed = f"{titles[record]}\n{digest}"
        article_id = hashlib.sha256(seed.encode()).hexdigest()[:16]
        clusters.append(Cluster(record, (record, *rest), similarity, article_id, digest))
    return sorted(clusters, key=lambda c: c.article_id)
