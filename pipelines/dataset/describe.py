"""Column descriptions (from the pandera models) and the DuckDB views of a release."""

from __future__ import annotations

from pipelines.dataset.cooccurrence import (
    ENTITY_COOCCURRENCE,
    ENTITY_COOCCURRENCE_COMMENT,
    ENTITY_COOCCURRENCE_SQL,
)
from schemas.catalog import TABLES

VIEWS = {
    "article_overview": """
        SELECT a.article_id, a.title, a.outlet, a.published_date, a.authors, a.word_count,
               a.footnote_count, a.sightings,
               (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id) AS mentions
        FROM articles a""",
    "entity_totals": """
        SELECT entity, any_value(entity_id) AS entity_id, mode(label) AS label,
               count(*) AS mentions, count(DISTINCT article_id) AS articles
        FROM mentions GROUP BY entity ORDER BY mentions DESC, entity""",
    "citations_by_domain": """
        SELECT d.domain, count(*) AS citations, count(DISTINCT f.article_id) AS articles
        FROM footnotes f, unnest(f.domains) AS d(domain)
        GROUP BY d.domain ORDER BY citations DESC, d.domain""",
    ENTITY_COOCCURRENCE: ENTITY_COOCCURRENCE_SQL,
}
VIEW_COMMENTS = {ENTITY_COOCCURRENCE: ENTITY_COOCCURRENCE_COMMENT}


def column_comments() -> dict[str, dict[str, str]]:
    """table -> {"": table description, column: description}; view -> {"": its comment}."""
    comments: dict[str, dict[str, str]] = {}
    for table, model in TABLES.items():
        schema = model.to_schema()
        entry = {"": (model.__doc__ or "").strip()}
        entry.update({name: col.description or "" for name, col in schema.columns.items()})
        comments[table] = entry
    comments.update({view: {"": text} for view, text in VIEW_COMMENTS.items()})
    return comments
