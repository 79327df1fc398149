"""One-permutation MinHash signatures of the shingles, and the LSH bands candidates share."""

from __future__ import annotations

import numpy as np

NUM_PERM = 128
LSH_THRESHOLD = 0.5
MAX_HASH = np.uint64((1 << 32) - 1)
MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: multiplying by it scrambles bits
BUCKET_SHIFT = np.uint64(64 - 7)  # top 7 bits pick one of 128 = NUM_PERM buckets
VALUE_SHIFT = np.uint64(25)  # the next 32 bits are the value kept per bucket
DENSIFY_STEP = np.uint64(1 << 32)  # borrowed values are offset so they never tie real ones
# datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) picks this banding
# (it minimises false positives plus false negatives); a unit test keeps the two in step.
BANDS, ROWS = 25, 5
SIGNATURE_DTYPE = np.dtype(np.uint64)


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
