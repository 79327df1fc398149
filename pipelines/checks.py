"""Asset checks: the pandera models and cross-table integrity, blocking the release on error."""

import dagster as dg
import pandera.polars as pa
import polars as pl

from pipelines.display import REASON_CHARS, cut
from schemas import ArticlesSchema, FootnotesSchema, MentionsSchema
from schemas.integrity import footnote_count_errors, mention_offset_errors, orphan_rows

MAX_LISTED = 20


def _pandera_result(frame: pl.DataFrame, model: type[pa.DataFrameModel]) -> dg.AssetCheckResult:
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        return dg.AssetCheckResult(
            passed=False,
            metadata={
                "failures": len(cases),
                "first_failures": dg.MetadataValue.md(str(cases.head(MAX_LISTED))),
            },
        )
    return dg.AssetCheckResult(passed=True, metadata={"rows": len(frame)})


def _problems_result(problems: list[str]) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not problems,
        metadata={
            "problems": len(problems),
            "first_problems": dg.MetadataValue.md("\n".join(problems[:MAX_LISTED]) or "none"),
        },
    )


@dg.asset_check(asset="articles", blocking=True, description="Pandera ArticlesSchema, lazy.")
def articles_schema(articles: pl.DataFrame) -> dg.AssetCheckResult:
    return _pandera_result(articles, ArticlesSchema)


@dg.asset_check(asset="footnotes", blocking=True, description="Pandera FootnotesSchema, lazy.")
def footnotes_schema(footnotes: pl.DataFrame) -> dg.AssetCheckResult:
    return _pandera_result(footnotes, FootnotesSchema)


@dg.asset_check(
    asset="footnotes",
    blocking=True,
    additional_ins={
        "articles": dg.AssetIn("articles"),
        "footnote_rejects": dg.AssetIn("footnote_rejects"),
    },
    description="Every footnote points at an article; footnote_count matches the rows "
    "(published or set aside in rejects).",
)
def footnotes_integrity(
    footnotes: pl.DataFrame, articles: pl.DataFrame, footnote_rejects: pl.DataFrame
) -> dg.AssetCheckResult:
    orphans = footnotes.filter(orphan_rows(footnotes, articles))
    problems = [
        f"orphan footnote {a}#{n}"
        for a, n in orphans.select("article_id", "note_number").iter_rows()
    ]
    counted = pl.concat([footnotes.select("article_id"), footnote_rejects.select("article_id")])
    return _problems_result(problems + footnote_count_errors(articles, counted))


@dg.asset_check(asset="mentions", blocking=True, description="Pandera MentionsSchema, lazy.")
def mentions_schema(mentions: pl.DataFrame) -> dg.AssetCheckResult:
    return _pandera_result(mentions, MentionsSchema)


@dg.asset_check(
    asset="mentions",
    blocking=True,
    additional_ins={"articles": dg.AssetIn("articles")},
    description="Every mention points at an article and text[start:end] == surface.",
)
def mentions_integrity(mentions: pl.DataFrame, articles: pl.DataFrame) -> dg.AssetCheckResult:
    problems = [r for r in mention_offset_errors(mentions, articles) if r]
    orphans = int(orphan_rows(mentions, articles).sum())
    if orphans:
        problems.insert(0, f"{orphans} mentions point at no article")
    return _problems_result(problems)


@dg.asset_check(
    asset="rejects",
    description="Nothing was set aside. WARN (the run still publishes) when any page, block or "
    "row went to rejects, so the UI shows the asset yellow and the build's summary names them.",
)
def nothing_set_aside(rejects: pl.DataFrame) -> dg.AssetCheckResult:
    by_reason = rejects.group_by("stage", "reason").len().sort("len", descending=True)
    listed = [
        f"- {n} × {cut(reason, REASON_CHARS)} ({stage})"
        for stage, reason, n in by_reason.head(MAX_LISTED).iter_rows()
    ]
    return dg.AssetCheckResult(
        passed=rejects.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "rejects": len(rejects),
            "by_reason": dg.MetadataValue.md("\n".join(listed) or "none"),
        },
    )


CHECKS = [
    articles_schema,
    footnotes_schema,
    footnotes_integrity,
    mentions_schema,
    mentions_integrity,
    nothing_set_aside,
]
