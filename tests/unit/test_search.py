"""Full-text search: the index and `search_articles` on a three-article DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.dataset.search import connect, create_search, extension_path, search
from pipelines.search import main as search_command

ARTICLES = [
    (
        "a1",
        "Uyghur diaspora in Central Asia",
        None,
        "Uyghur communities in Kazakhstan watch Xinjiang. Uyghur groups are called terrorists.",
        "My piece on Uyghur politics, and a podcast on terrorism.",
        "The Diplomat",
    ),
    (
        "a2",
        "Drifting definitions of terrorism",
        "Why the label matters",
        "Governments stretch the word terrorism. One Uyghur case shows it.",
        None,
        None,
    ),
    (
        "a3",
        "Pipelines and ports",
        None,
        "Kazakhstan sells gas to China through new pipelines.",
        None,
        "Nikkei Asia",
    ),
]


def _write_db(path: Path, rows: list[tuple]) -> None:
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE articles (article_id VARCHAR, title VARCHAR, subtitle VARCHAR,"
        " body VARCHAR, blog_note VARCHAR, outlet VARCHAR)"
    )
    con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)", rows)
    assert create_search(con)
    con.execute("CHECKPOINT")
    con.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("search") / "corpus.duckdb"
    _write_db(path, ARTICLES)
    con = connect(path)
    yield con
    con.close()


def test_more_occurrences_and_a_title_hit_rank_first(db):
    rows = search(db, "Uyghur")
    assert [r[0] for r in rows] == ["a1", "a2"]
    assert rows[0][1:3] == ("Uyghur diaspora in Central Asia", "The Diplomat")
    assert rows[0][3] > rows[1][3] > 0


def test_porter_stemming_matches_other_forms_of_a_word(db):
    assert [r[0] for r in search(db, "terrorist")] == ["a1"]  # "terrorists"
    assert [r[0] for r in search(db, "government")] == ["a2"]  # "Governments"
    assert [r[0] for r in search(db, "pipeline")] == ["a3"]  # "Pipelines", "pipelines"


def test_porter_keeps_terrorist_and_terrorism_apart(db):
    # Porter strips -ism but not -ist: "terrorism" -> "terror", "terrorists" -> "terrorist"
    assert [r[0] for r in search(db, "terrorism")] == ["a2"]
    assert [r[0] for r in search(db, "terrorists")] == ["a1"]


def test_blog_note_is_not_searched(db):
    # "podcast" is only in a1's blog note
    assert search(db, "podcast") == []


def test_case_and_several_words(db):
    assert {r[0] for r in search(db, "KAZAKHSTAN gas")} == {"a1", "a3"}
    assert search(db, "KAZAKHSTAN gas")[0][0] == "a3"  # both words


def test_no_match_and_stopwords_give_no_rows(db):
    assert search(db, "Mongolia") == []
    assert search(db, "the and of") == []
    assert search(db, "") == []


def test_quotes_in_the_query_are_data_not_sql(db):
    rows = search(db, "it's \"Uyghur\"'; DROP TABLE articles; --")
    assert [r[0] for r in rows] == ["a1", "a2"]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    # the same through SQL, with the quote doubled as SQL needs
    sql = "SELECT article_id FROM search_articles('Uyghur''s')"
    assert [r[0] for r in db.execute(sql).fetchall()] == ["a1", "a2"]


def test_the_connection_is_read_only(db):
    with pytest.raises(duckdb.Error):
        db.execute("DELETE FROM articles")


def test_the_macro_is_stored_in_the_file(tmp_path):
    path = tmp_path / "c.duckdb"
    _write_db(path, ARTICLES[:1])
    con = duckdb.connect(str(path), read_only=True)
    names = {r[0] for r in con.execute("SELECT function_name FROM duckdb_functions()").fetchall()}
    con.close()
    assert "search_articles" in names


def test_a_table_without_the_text_columns_gets_no_index():
    con = duckdb.connect()
    con.execute("CREATE TABLE articles AS SELECT 'a1' AS article_id, 'x' AS body")
    assert not create_search(con)
    con.close()


def test_the_extension_comes_from_the_installed_wheel():
    path = extension_path()
    assert path.is_file() and f"v{duckdb.__version__}" in path.parts


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_query_returns_known_ids_best_first(db, query):
    rows = search(db, query)
    assert {r[0] for r in rows} <= {a[0] for a in ARTICLES}
    scores = [r[3] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_the_command_prints_one_line_per_match(tmp_path, capsys):
    path = tmp_path / "c.duckdb"
    _write_db(path, ARTICLES)
    assert search_command([str(path), "Uyghur"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:3] for line in lines] == [["a1", "The Diplomat"], ["a2", ""]]
