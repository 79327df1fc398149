"""Tier 3: releases are reproducible to the byte and replaced atomically, even under SIGKILL."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.dataset.write import write_release
from pipelines.publish import documents_step
from tests.conftest import RAW_DIR, materialize_into

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("articles", "footnotes", "mentions", "rejects")


def test_two_runs_give_byte_identical_parquet(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("001_7314a070cdfb5ef1.txt", "003_438df8717fa9cb3f.txt"):
        shutil.copy(RAW_DIR / name, raw / name)
    materialize_into(raw, tmp_path / "one")
    materialize_into(raw, tmp_path / "two")
    for table in TABLES:
        one = (tmp_path / "one" / f"{table}.parquet").read_bytes()
        two = (tmp_path / "two" / f"{table}.parquet").read_bytes()
        assert one == two, table


def _tables(n_articles: int) -> dict[str, pl.DataFrame]:
    ids = [f"id{i:05d}" for i in range(n_articles)]
    return {
        "articles": pl.DataFrame({"article_id": ids, "body": ["x " * 2000] * n_articles}),
        "footnotes": pl.DataFrame({"article_id": ids, "note_number": [1] * n_articles}),
    }


WRITER = textwrap.dedent(
    """
    import sys, polars as pl
    from pathlib import Path
    from pipelines.dataset.write import write_release
    from pipelines.publish import documents_step
    out = Path(sys.argv[1])
    sets = [{t: pl.read_parquet(Path(sys.argv[i]) / f"{t}.parquet")
             for t in ("articles", "footnotes")} for i in (2, 3)]
    n = 0
    while True:
        write_release(out, sets[n % 2], documents=documents_step({}))
        n += 1
    """
)


def _consistent(out: Path) -> set[str]:
    """Parquet files and DuckDB agree on row counts and ids; returns the article ids."""
    ids = set(pl.read_parquet(out / "articles.parquet")["article_id"])
    con = duckdb.connect(str(out / "corpus.duckdb"), read_only=True)
    try:
        db_ids = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        notes = con.execute("SELECT count(*) FROM footnotes").fetchone()[0]
    finally:
        con.close()
    assert db_ids == ids
    assert notes == len(pl.read_parquet(out / "footnotes.parquet")) == len(ids)
    return ids


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_writer_leaves_a_complete_release(tmp_path):
    small, large = _tables(300), _tables(4000)
    for name, tables in (("small", small), ("large", large)):
        (tmp_path / name).mkdir()
        for table, frame in tables.items():
            frame.write_parquet(tmp_path / name / f"{table}.parquet")
    out = tmp_path / "out"
    write_release(out, small, documents=documents_step({}))
    valid = {frozenset(small["articles"]["article_id"]), frozenset(large["articles"]["article_id"])}
    rng = random.Random(5)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(8):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(out),
                str(tmp_path / "small"),
                str(tmp_path / "large"),
            ],
            env=env,
        )
        time.sleep(rng.uniform(1.5, 4.0))  # import time, then somewhere inside a write
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert frozenset(_consistent(out)) in valid
    write_release(out, small, documents=documents_step({}))  # clears what killed runs left
    assert sorted(p.name for p in out.iterdir()) == [
        ".current",
        ".release.lock",  # the writers' turn-taking lock: empty, held by nobody now
        ".releases",
        "CHANGELOG.md",
        "README.md",
        "SHA256SUMS",
        "articles.parquet",
        "corpus.duckdb",
        "corpus_at_a_glance.png",
        "croissant.json",
        "datapackage.json",
        "footnotes.parquet",
    ]
    assert len(list((out / ".releases").iterdir())) <= 2
