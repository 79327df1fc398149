"""Sightings grouped into clusters of one post each, with the sighting of record chosen."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from pipelines.dedupe.exact import normalise
from pipelines.dedupe.minhash import _BandIndex, signature
from pipelines.dedupe.shingles import _containment, shingle_hashes, shingle_set

# A near-duplicate candidate merges only past both (see the package docstring).
MIN_CONTAINMENT = 0.8
MIN_TITLE_JACCARD = 0.8  # character trigrams of the normalised titles


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
