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

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

SHINGLE = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.5
MIN_CONTAINMENT = 0.8
MIN_TITLE_JACCARD = 0.8  # character trigrams of the normalised titles
NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
# Past these, text is mostly non-Latin and `fold_alnum` takes the plain path at once.
MAX_NON_ASCII_SHARE = 0.5  # of the UTF-8 bytes left once ASCII punctuation is dropped
MAX_REPLACED = 24  # distinct non-ASCII characters, worth one str.replace each


def _fold_char(char: str) -> str:
    """What normalisation makes of one character after NFKC: case-folded, non-alnum dropped."""
    return NON_ALNUM.sub("", char.casefold())


ASCII = bytes(range(128))
# The same per ASCII byte, for bytes.translate: which to delete, and what the rest become.
# In UTF-8 every byte of a non-ASCII character is >= 0x80, so neither touches one.
ASCII_DROPPED = bytes(c for c in ASCII if not _fold_char(chr(c)))
ASCII_FOLDED = bytes(ord(_fold_char(chr(c)) or chr(c)) for c in ASCII) + bytes(range(128, 256))


def normalise(text: str) -> str:
    """Letters and digits only, case-folded: what exact dedupe compares."""
    nfkc = unicodedata.normalize("NFKC", text)
    try:
        return fold_alnum(nfkc)
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form: take the plain path
        return NON_ALNUM.sub("", nfkc.casefold())


def fold_alnum(text: str) -> str:
    """`NON_ALNUM.sub("", text.casefold())`, without folding and scanning every character.

    Both steps act on one character at a time, so the ASCII goes through one `bytes.translate`
    of the UTF-8 (lowered, spaces and punctuation deleted), and each distinct non-ASCII
    character left is replaced by what it becomes (a curly quote by nothing, "É" by "é").
    Mostly non-Latin text, with many distinct characters, takes the plain path. Raises
    UnicodeEncodeError on a lone surrogate.
    """
    kept = text.encode("utf-8").translate(ASCII_FOLDED, ASCII_DROPPED)
    rest = kept.translate(None, ASCII)
    if len(rest) > len(kept) * MAX_NON_ASCII_SHARE:
        return NON_ALNUM.sub("", text.casefold())
    others = set(rest.decode("utf-8"))
    if len(others) > MAX_REPLACED:
        return NON_ALNUM.sub("", text.casefold())
    result = kept.decode("utf-8")
    for char in others:
        folded = _fold_char(char)
        if folded != char:  # folding is idempotent, so no replacement feeds another
            result = result.replace(char, folded)
    return result


def content_sha256(body: str) -> str:
    return hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()


MAX_HASH = np.uint64((1 << 32) - 1)
MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: multiplying by it scrambles bits
BUCKET_SHIFT = np.uint64(64 - 7)  # top 7 bits pick one of 128 = NUM_PERM buckets
VALUE_SHIFT = np.uint64(25)  # the next 32 bits are the value kept per bucket
DENSIFY_STEP = np.uint64(1 << 32)  # borrowed values are offset so they never tie real ones
HASH_BASE = np.uint32(1_000_003)
# datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) picks this banding
# (it minimises false positives plus false negatives); a unit test keeps the two in step.
BANDS, ROWS = 25, 5
SIGNATURE_DTYPE = np.dtype(np.uint64)


def shingle_hashes(norm: str) -> np.ndarray:
    """32-bit hashes of every character shingle, repeats included (enough for a signature).

    A polynomial hash mod 2**32: uint32 arithmetic wraps there, so no masking is needed.
    """
    if not norm:
        return np.empty(0, dtype=np.uint32)
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)
    if len(codes) <= SHINGLE:
        codes = np.pad(codes, (0, SHINGLE - len(codes) + 1))
    count = len(codes) - SHINGLE + 1
    hashes = codes[:count].copy()
    for k in range(1, SHINGLE):
        hashes *= HASH_BASE
        hashes += codes[k : k + count]
    return hashes


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
    mixed = (hashes.astype(np.uint64) + np.uint64(1)) * MIX
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
class Fingerprint:
    """What dedupe compares of one sighting, worked out from its text alone.

    Sightings are independent until they are compared, so fingerprints can be made in a
    process pool; the signature travels as bytes.
    """

    content_sha256: str  # of the normalised body
    title: str  # normalised
    signature: bytes  # NUM_PERM uint64 MinHash values


def fingerprint(title: str, body: str) -> Fingerprint:
    norm = normalise(body)
    return Fingerprint(
        hashlib.sha256(norm.encode("utf-8")).hexdigest(),
        normalise(title),
        signature(shingle_hashes(norm)).tobytes(),
    )


def shingle_set(body: str) -> np.ndarray:
    """The distinct shingle hashes of a body (only sightings that meet a candidate need it)."""
    return distinct_hashes(shingle_hashes(normalise(body)))


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


def _titles_agree(na: str, nb: str, grams: Callable[[str], set[str]]) -> bool:
    """Same headline (normalised), one cut short of the other, or the same but for a typo.

    `grams` is `_grams`, memoised by the caller: a title meets many candidates.
    """
    if na == nb or (min(len(na), len(nb)) >= 12 and (na.startswith(nb) or nb.startswith(na))):
        return True
    ga, gb = grams(na), grams(nb)
    return bool(ga and gb) and len(ga & gb) / len(ga | gb) >= MIN_TITLE_JACCARD


def _grams(text: str, n: int = 3) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def distinct_hashes(hashes: np.ndarray) -> np.ndarray:
    """The shingle set: distinct hashes ascending, as uint32.

    A (SIMD) sort and a neighbour comparison; several times faster than `np.unique`.
    """
    ordered = hashes.astype(np.uint32)  # a copy (uint32 already), so sorting in place is safe
    ordered.sort()
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _containment(a: np.ndarray, b: np.ndarray) -> float:
    """Shared shingles over the smaller set, for two `distinct_hashes` arrays.

    Each array holds a value at most once, so in their merged sort a value sits next to itself
    exactly when both hold it.
    """
    if not len(a) or not len(b):
        return 1.0 if len(a) == len(b) else 0.0
    merged = np.concatenate((a, b))
    merged.sort()
    shared = int(np.count_nonzero(merged[1:] == merged[:-1]))
    return shared / min(len(a), len(b))


class _BandIndex:
    """LSH banding: a signature's candidates share all ROWS values of one of BANDS bands.

    The candidates datasketch's MinHashLSH returns for the same banding, from plain dicts of
    band bytes, without its storage layer (which cost ten times as much here).
    """

    def __init__(self) -> None:
        self.tables: list[dict[bytes, list[int]]] = [{} for _ in range(BANDS)]

    def add(self, key: int, raw: bytes) -> set[int]:
        """Index `key` by its signature's bytes; return earlier keys sharing a band with it."""
        width = ROWS * SIGNATURE_DTYPE.itemsize
        found: set[int] = set()
        for band, table in enumerate(self.tables):
            bucket = table.setdefault(raw[band * width : (band + 1) * width], [])
            found.update(bucket)
            bucket.append(key)
        return found


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


def cluster_sightings(
    sightings: Sequence[Sighting], prints: Sequence[Fingerprint] | None = None
) -> list[Cluster]:
    """Group sightings of the same post; output order does not depend on input order.

    `prints` are the sightings' fingerprints, in the same order, if the caller made them
    already (in a pool, say); otherwise they are made here.
    """
    if prints is None:
        prints = [fingerprint(s.title, s.body) for s in sightings]
    digests = [p.content_sha256 for p in prints]
    titles = [p.title for p in prints]
    sets: dict[int, np.ndarray] = {}  # shingle sets, made only for sightings that need them

    def unique(i: int) -> np.ndarray:
        if i not in sets:
            sets[i] = shingle_set(sightings[i].body)
        return sets[i]

    grams = cache(_grams)  # per call, so that titles do not outlive it
    uf = _UnionFind(len(sightings))
    by_hash: dict[str, int] = {}
    by_title: dict[str, list[int]] = {}
    bands = _BandIndex()
    candidates: set[tuple[int, int]] = set()
    for i in range(len(sightings)):
        digest = digests[i]
        if digest in by_hash and _titles_agree(titles[by_hash[digest]], titles[i], grams):
            uf.union(by_hash[digest], i)
            continue
        by_hash.setdefault(digest, i)
        title_key = titles[i]
        candidates.update((j, i) for j in by_title.get(title_key, []))
        by_title.setdefault(title_key, []).append(i)
        candidates.update((j, i) for j in bands.add(i, prints[i].signature))
    for a, b in sorted(candidates):
        if uf.find(a) == uf.find(b):
            continue
        if _titles_agree(titles[a], titles[b], grams) and (
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
            if digests[m] == digests[record]  # the same normalised body
            else round(_containment(unique(m), unique(record)), 4)
            for m in members
        }
        digest = digests[record]
        seed = f"{titles[record]}\n{digest}"
        article_id = hashlib.sha256(seed.encode()).hexdigest()[:16]
        clusters.append(Cluster(record, (record, *rest), similarity, article_id, digest))
    return sorted(clusters, key=lambda c: c.article_id)
