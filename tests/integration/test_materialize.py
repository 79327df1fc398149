"""Tier 3: materialise every asset into a temporary folder and query the DuckDB file."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.dataset.search import connect, search
from tests.conftest import RAW_DIR, materialize_into

CONTRACT = {
    "articles": {
        "article_id": "VARCHAR",
        "title": "VARCHAR",
        "subtitle": "VARCHAR",
        "blog_note": "VARCHAR",
        "outlet": "VARCHAR",
        "authors": "VARCHAR[]",
        "published_date": "DATE",
        "url": "VARCHAR",
        "archive_months": "VARCHAR[]",
        "tags": "VARCHAR[]",
        "categories": "VARCHAR[]",
        "headings": "VARCHAR[]",
        "captions": "VARCHAR[]",
        "body": "VARCHAR",
        "author_bio": "VARCHAR",
        "word_count": "BIGINT",
        "language": "VARCHAR",
        "footnote_count": "BIGINT",
        "sources": "STRUCT(page VARCHAR, first_line BIGINT, last_line BIGINT)[]",
        "content_sha256": "VARCHAR",
    },
    "footnotes": {
        "article_id": "VARCHAR",
        "note_number": "BIGINT",
        "text": "VARCHAR",
        "urls": "VARCHAR[]",
        "domains": "VARCHAR[]",
        "accessed_date": "DATE",
        "cited_title": "VARCHAR",
        "marker_count": "BIGINT",
        "same_as_note": "BIGINT",
    },
    "mentions": {
        "article_id": "VARCHAR",
        "field": "VARCHAR",
        "start": "BIGINT",
        "end": "BIGINT",
        "paragraph": "BIGINT",
        "sentence": "BIGINT",
        "surface": "VARCHAR",
        "label": "VARCHAR",
        "entity": "VARCHAR",
        "entity_id": "VARCHAR",
    },
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A full build over the seed pages plus one binary and one empty page."""
    root = tmp_path_factory.mktemp("build")
    raw = root / "raw"
    shutil.copytree(RAW_DIR, raw)
    (raw / "zz_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (raw / "zz_empty.txt").write_bytes(b"")
    out = root / "outputs"
    materialize_into(raw, out)
    return out


def test_every_output_file_is_written(built):
    for name in ("articles.parquet", "footnotes.parquet", "mentions.parquet", "corpus.duckdb"):
        assert (built / name).is_file(), name


def test_duckdb_tables_have_every_contract_column_with_its_type(built):
    con = duckdb.connect(str(built / "corpus.duckdb"), read_only=True)
    for table, columns in CONTRACT.items():
        got = dict((r[0], r[1]) for r in con.execute(f'DESCRIBE "{table}"').fetchall())
        for column, dtype in columns.items():
            assert got.get(column) == dtype, (table, column, got.get(column))


def test_parquet_and_duckdb_agree(built):
    con = duckdb.connect(str(built / "corpus.duckdb"), read_only=True)
    for table in CONTRACT:
        frame = pl.read_parquet(built / f"{table}.parquet")
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == len(frame)
    ids = set(pl.read_parquet(built / "articles.parquet")["article_id"])
    assert ids == {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}


def test_bad_pages_are_rejected_by_name_and_the_rest_is_built(built):
    con = duckdb.connect(str(built / "corpus.duckdb"), read_only=True)
    rejected = dict(con.execute("SELECT page, reason FROM rejects WHERE stage = 'read'").fetchall())
    assert set(rejected) == {"zz_binary.txt", "zz_empty.txt"}
    assert "binary" in rejected["zz_binary.txt"] and "empty" in rejected["zz_empty.txt"]
    # 35 sightings on the four seed pages, two posts seen twice: 33 articles
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 33


def test_researcher_queries_run(built):
    con = duckdb.connect(str(built / "corpus.duckdb"), read_only=True)
    by_outlet = con.execute(
        "SELECT outlet, count(*) n FROM articles GROUP BY outlet ORDER BY n DESC, outlet"
    ).fetchall()
    assert by_outlet[0] == ("Nikkei Asia", 6)  # 000:1, 001:297, 002:201, 243, 527, 658
    sco = con.execute(
        "SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL OR entity = 'SCO'"
    ).fetchone()[0]
    assert sco > 0
    assert con.execute("SELECT count(*) FROM citations_by_domain").fetchone()[0] > 10


def test_readme_example_queries_run(built):
    """Every statement of the README's SQL block runs and returns rows on the built file."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sql", 1)[1].split("```", 1)[0]
    statements = [s.strip() for s in block.split(";") if s.strip()]
    assert len(statements) == 3
    con = duckdb.connect(str(built / "corpus.duckdb"), read_only=True)
    for statement in statements:
        assert con.execute(statement).fetchall(), statement


def test_release_documents_are_written_next_to_the_data(built):
    for name in ("README.md", "datapackage.json", "croissant.json", "SHA256SUMS"):
        assert (built / name).is_file(), name
    sums = (built / "SHA256SUMS").read_text(encoding="utf-8")
    assert "articles.parquet" in sums and "corpus.duckdb" in sums


def test_full_text_search_from_a_read_only_connection(built):
    con = connect(built / "corpus.duckdb")
    rows = search(con, "Uyghur")
    # page 000: the Diplomat piece on Beijing and the Taliban names Uyghurs eleven times
    assert rows[0][1:3] == (
        "Inheriting the Storm: Beijing’s Difficult new Relationship with Kabul",
        "The Diplomat",
    )
    assert len(rows) >= 3  # pages 000 and 002 hold several more articles naming Uyghurs
    assert [r[3] for r in rows] == sorted((r[3] for r in rows), reverse=True)
    assert search(con, "Zanzibar") == []
    con.close()


def test_entity_cooccurrence_counts_pairs_named_in_one_sentence(built):
    con = duckdb.connect(str(built / "corpus.duckdb"), read_only=True)
    comment = con.execute(
        "SELECT comment FROM duckdb_views() WHERE view_name = 'entity_cooccurrence'"
    ).fetchone()
    assert comment and "same sentence" in comment[0]
    pairs = {
        (r[0], r[1]): r[2:]
        for r in con.execute(
            "SELECT entity_a, entity_b, label_a, label_b, sentences, articles "
            "FROM entity_cooccurrence"
        ).fetchall()
    }
    assert all(a < b for a, b in pairs)
    # 001:673: "Kazakhstan has expressed an interest ... and Indian President Narendra Modi
    # visited Central Asia last year." -- one sentence
    assert pairs[("Kazakhstan", "Narendra Modi")][:2] == ("GPE", "PERSON")
    # 001:662-675 alone names India and Pakistan together in four sentences
    india_pakistan = pairs[("India", "Pakistan")]
    assert india_pakistan[2] >= 4 and india_pakistan[3] >= 1
    mentions = pl.read_parquet(built / "mentions.parquet")
    both = (
        mentions.filter(pl.col("entity").is_in(["India", "Pakistan"]))
        .group_by("article_id", "field", "sentence")
        .agg(pl.col("entity").n_unique().alias("n"))
        .filter(pl.col("n") == 2)
    )
    assert india_pakistan[2:] == (len(both), both["article_id"].n_unique())
    con.close()
