"""Full-text search in corpus.duckdb: a BM25 index over the articles and the table macro
`search_articles(query)`, with the DuckDB FTS extension loaded offline from its PyPI wheel.

The index and the macro are stored in the database file, but the macro calls the extension's
functions, so every connection that searches must load the extension first: `connect(path)`
does that. A plain `duckdb.connect(path)` would try to download it (autoinstall) and fails
offline.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import duckdb

EXTENSION_PACKAGE = "duckdb_extension_fts"
SEARCH_TABLE = "articles"
ID_COLUMN = "article_id"
# Article text only: blog_note is left out because its lists of media appearances name
# topics the article is not about, and captions, bio and notes are not the article's words.
INDEXED_COLUMNS = ("title", "subtitle", "body")
# what the macro reads besides the indexed text
REQUIRED_COLUMNS = frozenset({ID_COLUMN, "title", "outlet", *INDEXED_COLUMNS})

CREATE_INDEX_SQL = (
    f"PRAGMA create_fts_index('{SEARCH_TABLE}', '{ID_COLUMN}', "
    + ", ".join(f"'{column}'" for column in INDEXED_COLUMNS)
    + ", stemmer = 'porter', stopwords = 'english', lower = 1, strip_accents = 1)"
)
# Ties on score are broken by id so the same query always lists the same order.
CREATE_MACRO_SQL = f"""
CREATE MACRO search_articles(query) AS TABLE
SELECT a.article_id, a.title, a.outlet, hit.score
FROM (
    SELECT {ID_COLUMN}, fts_main_{SEARCH_TABLE}.match_bm25({ID_COLUMN}, query) AS score
    FROM {SEARCH_TABLE}
) AS hit
JOIN {SEARCH_TABLE} AS a USING ({ID_COLUMN})
WHERE hit.score IS NOT NULL
ORDER BY hit.score DESC, a.article_id
"""
TABLE_COLUMNS_SQL = (
    "SELECT column_name FROM information_schema.columns"
    " WHERE table_schema = 'main' AND table_name = ?"
)
SEARCH_SQL = "SELECT * FROM search_articles(?)"


def extension_path() -> Path:
    """The FTS extension file shipped in the installed wheel for this DuckDB version."""
    folder = files(EXTENSION_PACKAGE) / "extensions" / f"v{duckdb.__version__}"
    path = Path(str(folder / "fts.duckdb_extension"))
    if not path.is_file():
        raise FileNotFoundError(
            f"no FTS extension for DuckDB {duckdb.__version__} in {EXTENSION_PACKAGE}: "
            "install the duckdb-extension-fts version equal to duckdb's"
        )
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the FTS extension into `con` from the wheel, never from the network."""
    con.execute(f"LOAD '{extension_path()}'")


def create_search(con: duckdb.DuckDBPyConnection) -> bool:
    """Index the articles and create `search_articles`; False if the table lacks the columns."""
    present = {row[0] for row in con.execute(TABLE_COLUMNS_SQL, [SEARCH_TABLE]).fetchall()}
    if REQUIRED_COLUMNS - present:
        return False  # a partial release (tests, tools) has no articles text to search
    load_fts(con)
    con.execute(CREATE_INDEX_SQL)
    con.execute(CREATE_MACRO_SQL)
    return True


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open a corpus.duckdb read-only with the FTS extension loaded, ready to search."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        load_fts(con)
    except Exception:
        con.close()
        raise
    return con


def search(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple[str, str, str | None, float]]:
    """`search_articles(query)` as rows (article_id, title, outlet, score), best first."""
    return con.execute(SEARCH_SQL, [query]).fetchall()
