"""Tier 1: what a build prints: the bar, the stage lines, the noise filter, the summary."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from pipelines.build import LIBRARY_WARNING, parse_args, run_config
from pipelines.display import cut, one_line
from pipelines.progress import filtered, ner_line, progress_bar, stage_line
from pipelines.resources import CorpusSettings
from pipelines.summary import rejects_by_reason, summary_text


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_the_bar_is_always_its_width_and_fills_with_the_share_done(done: int, total: int):
    bar = progress_bar(min(done, total), total, width=20)
    assert len(bar) == 22 and bar[0] == "[" and bar[-1] == "]"
    filled = bar.count("#")
    assert filled == (20 if total == 0 else round(20 * min(done, total) / total))


def test_a_stage_line_and_a_ner_line_read_as_a_person_writes_them():
    assert stage_line("articles", 1234, 1.25) == "  ✓ articles              1,234 rows     1.2 s"
    assert stage_line("dataset", None, 2.0).split() == ["✓", "dataset", "2.0", "s"]
    line = ner_line(120, 480, 2, 4, 10.24)
    assert line.startswith("  NER [######------------------] 120/480 articles  2/4 shards")
    assert line.endswith("10.2 s")


def test_dagsters_notes_to_its_developers_are_filtered_with_their_source_line():
    lines = [
        "/x/click/core.py:911: SupersessionWarning: Function `asset_materialize_command` is"
        " superseded\n",
        "  return callback(*args, **kwargs)\n",
        "/x/spacy/util.py:10: UserWarning: a model warning a user should see\n",
        "  warnings.warn(message)\n",
        "/x/dagster/sel.py:100: BetaWarning: Parameter `include_sources` is in beta\n",
        "  return AssetSelection.all()\n",
        "Traceback (most recent call last):\n",
    ]
    kept = list(filtered(lines, lambda s: bool(LIBRARY_WARNING.match(s))))
    assert kept == [lines[2], lines[3], lines[6]]


def test_cut_marks_the_cut_and_one_line_joins_whitespace():
    assert cut("abcdef", 10) == "abcdef"
    assert cut("abcdefghijkl", 5) == "abcd…" and len(cut("x" * 99, 40)) == 40
    assert one_line("a\n  b\tc", 20) == "a b c"


def test_the_console_log_is_silent_unless_verbose_and_the_settings_travel():
    settings = CorpusSettings(raw_dir="in", outputs_dir="out")
    quiet, loud = run_config(settings), run_config(settings, verbose=True)
    assert quiet["loggers"] == {"console": {"config": {"log_level": "CRITICAL"}}}
    assert loud["loggers"] == {"console": {"config": {"log_level": "DEBUG"}}}
    assert quiet["resources"]["settings"]["config"]["raw_dir"] == "in"
    args, extra = parse_args(["--verbose", "--fail-on-rejects", "--partition", "x"])
    assert args.verbose and args.fail_on_rejects and extra == ["--partition", "x"]


def _rejects(reasons: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"page": ["p.txt"] * len(reasons), "stage": ["read"] * len(reasons), "reason": reasons}
    )


def test_rejects_are_counted_by_reason_most_frequent_first_and_the_tail_is_summed():
    reasons = ["empty file"] * 3 + ["binary file"] * 2 + [f"reason {i}" for i in range(6)]
    lines = rejects_by_reason(_rejects(reasons), shown=3)
    assert lines[0].split() == ["3", "×", "empty", "file", "(stage", "read)"]
    assert lines[1].split()[:4] == ["2", "×", "binary", "file"]
    assert lines[-1].strip() == "and 5 other reasons"
    assert rejects_by_reason(_rejects([])) == []


def test_the_summary_names_the_tables_the_rejects_and_the_next_commands(tmp_path: Path):
    pl.DataFrame({"article_id": ["a", "b"]}).write_parquet(tmp_path / "articles.parquet")
    pl.DataFrame({"article_id": ["a"]}).write_parquet(tmp_path / "mentions.parquet")
    _rejects(["empty file: no text at all"]).write_parquet(tmp_path / "rejects.parquet")
    text = summary_text(tmp_path, 12.4, ["rejects:nothing_set_aside"], 5, Path("outputs"))
    assert text.splitlines()[0] == "Built outputs/ in 12 s: 2 articles, 1 mentions, 1 rejects."
    assert "1 × empty file: no text at all (stage read)" in text
    assert "--allow-rejects" in text and "asset check rejects:nothing_set_aside" in text
    assert "uv run dagster dev" in text and "outputs/corpus.duckdb" in text
    assert "DAGSTER_HOME=/h uv run dagster dev" in summary_text(tmp_path, 1, [], other_home="/h")


def test_the_watcher_follows_a_real_runs_events_into_lines(tmp_path: Path):
    import io
    import time

    from pipelines.progress import RunWatcher

    @dg.asset
    def articles() -> dg.MaterializeResult:
        return dg.MaterializeResult(metadata={"dagster/row_count": 33})

    @dg.asset_check(asset=articles)
    def nothing_set_aside() -> dg.AssetCheckResult:
        return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.WARN)

    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        started = time.time()
        dg.materialize([articles, nothing_set_aside], instance=instance)
        out = io.StringIO()
        watcher = RunWatcher(instance, out)
        assert watcher.find_run(started)
        watcher.poll()
    said = out.getvalue()
    assert "✓ articles" in said and "33 rows" in said
    assert "check articles:nothing_set_aside did not pass (WARN)" in said
    assert watcher.view.failed_checks == ["articles:nothing_set_aside"]
