"""Tier 3: a full build over the seed pages and every kind of bad page at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.conftest import RAW_DIR, materialize_into

SMALL_PAGE = (
    "Archive for May, 2021\n\n"
    "A new piece for the Financial Times this time on Beijing’s café diplomacy, catch up post.\n\n"
    "Coffee and Influence in Central Asia\n\n"
    "Small gestures go a long way in Almaty and Tashkent\n\n"
    "China’s diplomats have taken to coffee. The cafés of Almaty are full of them, and the "
    "conversations there matter more than the communiqués that follow the summits.\n"
)


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    raw = root / "raw"
    shutil.copytree(RAW_DIR, raw)
    seed = (RAW_DIR / "003_438df8717fa9cb3f.txt").read_bytes()
    (raw / "a_empty.txt").write_bytes(b"")
    (raw / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (raw / "c_cp1252.txt").write_bytes(SMALL_PAGE.encode("cp1252"))
    (raw / "d_crlf_copy.txt").write_bytes(seed.replace(b"\n", b"\r\n"))
    (raw / "e_bom_copy.txt").write_bytes(b"\xef\xbb\xbf" + seed)
    (raw / "f_truncated.txt").write_bytes(seed[: len(seed) * 2 // 3])
    (raw / "g_no_post.txt").write_bytes(b"Nothing here but a stray sentence of text.\n")
    (raw / "h_same_as_003.txt").write_bytes(seed)
    (raw / "i_one_huge_line.txt").write_bytes(b"word " * 1_000_000)
    out = root / "outputs"
    (root / "warnings.txt").write_text("\n".join(materialize_into(raw, out)), encoding="utf-8")
    return out


def test_unreadable_pages_are_named_with_their_problem(bad_build):
    rejects = pl.read_parquet(bad_build / "rejects.parquet")
    reasons = {r["page"]: r["reason"] for r in rejects.iter_rows(named=True)}
    assert "empty file" in reasons["a_empty.txt"]
    assert "binary" in reasons["b_binary.txt"]
    assert "no post found" in reasons["g_no_post.txt"]
    assert "no post found" in reasons["i_one_huge_line.txt"]
    assert all(r["stage"] and r["reason"] for r in rejects.iter_rows(named=True))


def test_the_run_says_what_it_set_aside(bad_build):
    warnings = (bad_build.parent / "warnings.txt").read_text(encoding="utf-8")
    rejects = pl.read_parquet(bad_build / "rejects.parquet")
    parsing = rejects.filter(pl.col("stage") != "validate")
    assert f"{len(parsing)} pages or blocks set aside" in warnings
    for page in ("a_empty.txt", "b_binary.txt", "g_no_post.txt"):
        assert page in warnings


def test_legacy_encoding_page_is_read(bad_build):
    articles = pl.read_parquet(bad_build / "articles.parquet")
    row = articles.filter(pl.col("title") == "Coffee and Influence in Central Asia")
    assert len(row) == 1 and "café" in row["body"][0]
    assert row["archive_months"].to_list() == [["2021-05"]]


def test_copies_and_truncations_merge_into_the_seed_articles(bad_build):
    articles = pl.read_parquet(bad_build / "articles.parquet")
    assert len(articles) == 34  # 33 seed articles + the cp1252 page's post
    binds = articles.filter(pl.col("title").str.starts_with("Beijing Binds"))
    pages = [s["page"] for s in binds["sources"][0]]
    assert {"d_crlf_copy.txt", "e_bom_copy.txt", "h_same_as_003.txt", "f_truncated.txt"} <= set(
        pages
    )


def test_duckdb_holds_the_rejects_too(bad_build):
    con = duckdb.connect(str(bad_build / "corpus.duckdb"), read_only=True)
    n = con.execute("SELECT count(*) FROM rejects").fetchone()[0]
    assert n == len(pl.read_parquet(bad_build / "rejects.parquet")) >= 4
