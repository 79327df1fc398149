"""Tier 1: the log line a stage writes for the rows it set aside."""

from __future__ import annotations

import polars as pl

from pipelines.assets.metadata import set_aside_summary
from pipelines.rejects import REJECTS_SCHEMA


def _reject(reason: str, page: str = "", article_id: str | None = None) -> dict[str, object]:
    return {
        "page": page,
        "stage": "validate",
        "reason": reason,
        "first_line": None,
        "last_line": None,
        "article_id": article_id,
        "raw_text": "",
    }


def test_nothing_set_aside_says_nothing():
    assert set_aside_summary(pl.DataFrame(schema=REJECTS_SCHEMA), "notes") is None


def test_reasons_are_counted_most_frequent_first_with_where_they_hit():
    rows = [
        _reject("empty file", page="a.txt"),
        _reject("bad date", article_id="x1"),
        _reject("bad date", article_id="x2"),
        _reject("bad date", page="p.txt", article_id="x2"),
    ]
    line = set_aside_summary(pl.DataFrame(rows, schema=REJECTS_SCHEMA), "rows")
    assert line == "4 rows set aside: bad date ×3 (x1, x2); empty file ×1 (a.txt)"


def test_a_long_list_of_reasons_is_cut():
    rows = [_reject(f"reason {k}", page=f"{k}.txt") for k in range(8)]
    line = set_aside_summary(pl.DataFrame(rows, schema=REJECTS_SCHEMA), "pages") or ""
    assert line.startswith("8 pages set aside: reason 0 ×1 (0.txt);")
    assert "reason 4 ×1" in line and "reason 5" not in line
    assert line.endswith("; and 3 other reasons")


def test_a_long_reason_is_cut_in_the_log_only():
    reason = "articles.language failed isin(" + "'xx', " * 100 + "): und"
    line = set_aside_summary(pl.DataFrame([_reject(reason)], schema=REJECTS_SCHEMA), "rows") or ""
    assert len(line) < 250 and "…" in line and line.endswith(" ×1")
