"""python -m pipelines.search DB QUERY: the articles matching QUERY, best first, one per line.

`--extension-path` prints where the FTS extension is installed, for `LOAD '…'` in the duckdb
CLI (v1.5.5, the version of the extension).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.dataset.search import connect, extension_path, search


def main(argv: list[str] | None = None) -> int:
    """Print score, article_id, outlet and title of each match; 0 even when none match."""
    parser = argparse.ArgumentParser(prog="python -m pipelines.search")
    parser.add_argument("database", nargs="?", type=Path, help="a corpus.duckdb")
    parser.add_argument("query", nargs="?", help="words to look for (stemmed, any order)")
    parser.add_argument("--extension-path", action="store_true", help="print it and exit")
    args = parser.parse_args(argv)
    if args.extension_path:
        print(extension_path())
        return 0
    if args.database is None or args.query is None:
        parser.error("give a database and a query, or --extension-path")
    con = connect(args.database)
    try:
        for article_id, title, outlet, score in search(con, args.query):
            print(f"{score:.3f}\t{article_id}\t{outlet or ''}\t{title}")
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
