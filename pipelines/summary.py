"""The closing summary of a build: what was written, what was set aside, what to do next."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.display import REASON_CHARS, one_line

TABLE_NAMES = ("articles", "footnotes", "mentions", "rejects")
REASONS_SHOWN = 5
NEXT_STEPS = (
    ("{home}uv run dagster dev", "this run's materializations, metadata and checks in the UI"),
    (
        'uv run python -c "import duckdb; '
        "print(duckdb.connect('{db}', read_only=True).sql('FROM article_overview LIMIT 5'))\"",
        "query the tables",
    ),
    ("uv run python -m pipelines.publish --dry-run", "what a publish would upload"),
)


def table_counts(outputs: Path) -> dict[str, int]:
    """Rows of each published table in `outputs` (a table not written is left out)."""
    return {
        name: int(pl.scan_parquet(path).select(pl.len()).collect().item())
        for name in TABLE_NAMES
        if (path := outputs / f"{name}.parquet").exists()
    }


def rejects_by_reason(rejects: pl.DataFrame, shown: int = REASONS_SHOWN) -> list[str]:
    """`  12 × page is empty (stage parse)` lines, most frequent reason first."""
    if rejects.is_empty():
        return []
    counted = (
        rejects.group_by("stage", "reason")
        .len()
        .sort(["len", "stage", "reason"], descending=[True, False, False])
    )
    lines = [
        f"    {n:>5} × {one_line(reason, REASON_CHARS)} (stage {stage})"
        for stage, reason, n in counted.head(shown).iter_rows()
    ]
    if len(counted) > shown:
        lines.append(f"    and {len(counted) - shown} other reasons")
    return lines


def summary_text(
    outputs: Path,
    seconds: float,
    failed_checks: list[str],
    checks_passed: int = 0,
    display: Path | None = None,
    other_home: str | None = None,
) -> str:
    """The lines a finished build prints; `display` is the outputs folder as the user knows
    it (relative to where they stand), defaulting to the absolute path; `other_home` is the
    DAGSTER_HOME the build used when it is not the project's."""
    shown = display or outputs
    counts = table_counts(outputs)
    counted = ", ".join(f"{counts[n]:,} {n}" for n in TABLE_NAMES if n in counts)
    lines = [f"Built {shown}/ in {seconds:.0f} s: {counted}."]
    rejects_path = outputs / "rejects.parquet"
    if counts.get("rejects"):
        lines.append(
            f"  ! {counts['rejects']:,} rows or pages set aside ({shown}/rejects.parquet):"
        )
        lines.extend(rejects_by_reason(pl.read_parquet(rejects_path)))
        lines.append("    publish refuses this release unless given --allow-rejects")
    for check in failed_checks:
        lines.append(f"  ! asset check {check} did not pass")
    if checks_passed:
        lines.append(f"  {checks_passed} asset checks passed")
    lines.append(f"  files: {shown}/corpus.duckdb, {shown}/*.parquet, card {shown}/README.md")
    lines.append("Next:")
    db = f"{shown}/corpus.duckdb"
    for command, why in NEXT_STEPS:
        home = f"DAGSTER_HOME={other_home} " if other_home else ""
        lines.extend((f"  # {why}", f"  {command.format(db=db, home=home)}"))
    return "\n".join(lines)
