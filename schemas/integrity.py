"""Checks that span tables: referential integrity and mention offsets against their field."""

from __future__ import annotations

import polars as pl

from schemas.common import FIELDS


def field_text(article: dict[str, object], field: str) -> str | None:
    """The text a mention's offsets index (captions joined by a newline); None if empty.

    The mentions stage reads its texts through this function too, so extraction and the
    offset check can never disagree on what a field's text is.
    """
    if field == "caption":
        captions = article.get("captions") or []
        return "\n".join(captions) if captions else None  # type: ignore[arg-type]
    value = article.get(field) if field in FIELDS else None
    return value if isinstance(value, str) and value else None


def orphan_rows(child: pl.DataFrame, articles: pl.DataFrame) -> pl.Series:
    """Boolean mask: rows of a child table whose article_id is not in articles."""
    return ~child["article_id"].is_in(articles["article_id"].implode())


def mention_offset_errors(mentions: pl.DataFrame, articles: pl.DataFrame) -> list[str | None]:
    """Per mention row: None when text[start:end] == surface, else the reason."""
    by_id = {row["article_id"]: row for row in articles.iter_rows(named=True)}
    reasons: list[str | None] = []
    for row in mentions.select("article_id", "field", "start", "end", "surface").iter_rows():
        article_id, field, start, end, surface = row
        article = by_id.get(article_id)
        text = field_text(article, field) if article else None
        if text is None:
            reasons.append(f"no {field} text for article {article_id}")
        elif text[start:end] != surface:
            reasons.append(f"{field}[{start}:{end}] is {text[start:end]!r}, not {surface!r}")
        else:
            reasons.append(None)
    return reasons


def footnote_count_errors(articles: pl.DataFrame, footnotes: pl.DataFrame) -> list[str]:
    counts = dict(footnotes.group_by("article_id").len().iter_rows())
    return [
        f"article {a}: footnote_count {n} but {counts.get(a, 0)} footnote rows"
        for a, n in articles.select("article_id", "footnote_count").iter_rows()
        if counts.get(a, 0) != n
    ]
