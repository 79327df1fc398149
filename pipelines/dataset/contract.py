"""The dataset contract inside the repository: `docs/dataset.md`, rendered from the pandera
models in `schemas/`, never written by hand.

`uv run python -m pipelines.dataset.contract` rewrites the file; a tier-1 test fails when the
committed file no longer matches the models.
"""

from __future__ import annotations

import sys
from pathlib import Path

from schemas.catalog import TABLES

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "dataset.md"
HEADER = """\
# The dataset, column by column

Generated from the pandera models in `schemas/` by
`uv run python -m pipelines.dataset.contract`; do not edit by hand (a test fails when this
file and the models disagree). Each table is a Parquet file in the release and a table of
`corpus.duckdb`, with these descriptions as its column comments.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render() -> str:
    """The contract as Markdown: one section per published table, one row per column."""
    parts = [HEADER]
    for table, model in TABLES.items():
        schema = model.to_schema()
        parts.append(f"\n## {table}\n\n{_cell(model.__doc__ or '')}\n")
        if key := getattr(model.Config, "unique", None):  # a key of several columns
            parts.append(f"\nKey: {', '.join(f'`{name}`' for name in key)} (unique together).\n")
        parts.append("\n| column | type | null | unique | description |\n|---|---|---|---|---|\n")
        for name, column in schema.columns.items():
            null = "yes" if column.nullable else "no"
            unique = "yes" if column.unique else ""
            row = f"| `{name}` | {column.dtype} | {null} | {unique} |"
            parts.append(f"{row} {_cell(column.description or '')} |\n")
    return "".join(parts)


def main() -> None:
    DOCUMENT.parent.mkdir(parents=True, exist_ok=True)
    DOCUMENT.write_text(render(), encoding="utf-8")
    print(f"wrote {DOCUMENT}", file=sys.stderr)


if __name__ == "__main__":
    main()
