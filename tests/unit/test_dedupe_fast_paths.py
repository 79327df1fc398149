"""Tier 1: the fast paths of dedupe and the articles table give what the plain methods give."""

from __future__ import annotations

import re
import sys
import unicodedata

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from pipelines.dedupe.exact import NON_ALNUM, _fold_char, fold_alnum, normalise
from pipelines.dedupe.minhash import BANDS, LSH_THRESHOLD, NUM_PERM, ROWS, _BandIndex
from pipelines.dedupe.shingles import SHINGLE, _containment, distinct_hashes, shingle_hashes
from pipelines.tables.articles import count_words

SURROGATES = range(0xD800, 0xE000)
CODE_POINTS = [cp for cp in range(sys.maxunicode + 1) if cp not in SURROGATES]


def _plain_normalise(text: str) -> str:
    return NON_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def test_fold_alnum_matches_the_regex_on_every_code_point():
    for start in range(0, len(CODE_POINTS), 16):
        chunk = "".join(map(chr, CODE_POINTS[start : start + 16]))
        text = f"Ab_ {chunk} Z9-{chunk}"
        assert fold_alnum(text) == NON_ALNUM.sub("", text.casefold()), hex(CODE_POINTS[start])


def test_folding_a_character_is_idempotent():
    # fold_alnum replaces characters one after another: no result may be folded again
    for cp in CODE_POINTS:
        folded = _fold_char(chr(cp))
        assert all(_fold_char(c) == c for c in folded), hex(cp)


def test_normalise_matches_the_plain_method_on_every_path():
    texts = [
        "İstanbul, Straße, ﬁne Ｆｕｌｌ-width K Å ΣΑΣ ς e\u0301 a\u0308 “quoted” — dash…",
        "Привет, мир! Это — тест «кавычек», Ёлка. " * 20,  # mostly non-Latin: plain path
        "中文，测试。" * 30,
        "Tiếng Việt là ngôn ngữ của người Việt và là ngôn ngữ chính thức. " * 5,  # many distinct
        "a\ud800b’C",  # a lone surrogate: plain path
        "",
        "__--  ",
    ]
    for text in texts:
        assert normalise(text) == _plain_normalise(text)
    for cp in SURROGATES:
        assert normalise(f"A{chr(cp)}é’") == _plain_normalise(f"A{chr(cp)}é’")


def test_count_words_matches_the_regex_on_every_code_point():
    text = "".join(f"w{chr(cp)}x" for cp in range(sys.maxunicode + 1))
    assert text.split() == re.findall(r"\S+", text)
    assert count_words(text) == len(re.findall(r"\S+", text))


def test_distinct_hashes_and_containment_match_numpy_sets():
    rng = np.random.default_rng(7)
    arrays = [rng.integers(0, 5000, size, dtype=np.uint64) for size in (0, 1, 7, 3000, 4000)]
    sets = [distinct_hashes(a) for a in arrays]
    for a, s in zip(arrays, sets, strict=True):
        assert s.dtype == np.uint32 and np.array_equal(s, np.unique(a))
    for a in sets:
        for b in sets:
            if len(a) and len(b):
                shared = np.intersect1d(a, b, assume_unique=True).size
                assert _containment(a, b) == shared / min(len(a), len(b))
    assert _containment(sets[0], sets[0]) == 1.0 and _containment(sets[0], sets[1]) == 0.0


def test_band_index_finds_what_datasketch_finds():
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    rng = np.random.default_rng(3)
    signatures = rng.integers(0, 4, (300, NUM_PERM), dtype=np.uint64)  # many shared bands
    signatures[::3] = rng.integers(0, 2**63, (100, NUM_PERM), dtype=np.uint64)  # and none
    bands = _BandIndex()
    found = 0
    for key, signature in enumerate(signatures):
        minhash = LeanMinHash(seed=1, hashvalues=signature, scheme="affine64")
        candidates = bands.add(key, signature.tobytes())
        assert candidates == {int(k) for k in lsh.query(minhash)}
        lsh.insert(str(key), minhash)
        found += len(candidates)
    assert found


def _shingle_hashes_uint64(norm: str) -> np.ndarray:
    """The plain version: uint64 arithmetic, masked to 32 bits at the end."""
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) <= SHINGLE:
        codes = np.pad(codes, (0, SHINGLE - len(codes) + 1))
    count = len(codes) - SHINGLE + 1
    hashes = codes[:count].copy()
    for k in range(1, SHINGLE):
        hashes = hashes * np.uint64(1_000_003) + codes[k : k + count]
    return hashes & np.uint64(0xFFFFFFFF)


def test_uint32_shingle_hashes_match_masked_uint64_arithmetic():
    rng = np.random.default_rng(11)
    for size in (1, 2, 5, 6, 50, 2000):
        codes = rng.integers(0x30, 0x2FFFF, size)
        norm = "".join(chr(c) for c in codes if not 0xD800 <= c < 0xE000)
        assert np.array_equal(shingle_hashes(norm), _shingle_hashes_uint64(norm)), size
    assert len(shingle_hashes("")) == 0
