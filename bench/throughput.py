"""Whole-pipeline throughput at several sizes, beside the bare NER-only model's ceiling on
the same text, measured side by side in one run.

For each scale, N varied copies of the seed pages (`bench/scaled_corpus.py`) are built from
scratch with the project's own command (`sh scripts/build.sh`, empty caches, a fresh
outputs folder). The ceiling is spaCy's NER alone (every other component excluded, tok2vec
too) running `nlp.pipe` over the built articles' text fields in one process: the cost of
the recognition any pipeline of ours must pay, before rules, tables or files.

    uv run python bench/throughput.py                  # 1x, 4x, 16x
    uv run python bench/throughput.py --scales 1 4

Marginal throughput is (bytes_b - bytes_a) / (time_b - time_a) between the smallest and the
largest scale: start-up costs (Dagster, the model) cancel out.

Goal (issue 17): whole pipeline at least 0.08 MB/s marginal on a 2-core machine, time
growing linearly with the input.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.incremental_rebuild import build  # noqa: E402
from bench.scaled_corpus import make_corpus  # noqa: E402

GOAL_MB_S = 0.08


def ner_ceiling_s(articles_parquet: Path) -> tuple[float, int]:
    """Seconds the NER-only model takes over the articles' text fields, and their words."""
    import polars as pl
    import spacy

    from pipelines.mentions.extract import MODEL_PACKAGE, UNUSED_COMPONENTS
    from pipelines.tables.mentions import field_texts

    articles = pl.read_parquet(articles_parquet)
    texts = [t for row in articles.iter_rows(named=True) for _, t in field_texts(row)]
    nlp = spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS))
    list(nlp.pipe(["warm up"]))
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start, sum(len(t.split()) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; build workers: one per core"
    )
    print(
        f"{'scale':>5} {'MB in':>6} {'build s':>8} {'MB/s':>6} {'ceiling s':>9} "
        f"{'build/ceiling':>13}"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            work = Path(tmp) / f"x{scale}"
            raw, out, home = work / "raw", work / "out", work / "home"
            for folder in (raw, home):
                folder.mkdir(parents=True)
            (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
            size = make_corpus(raw, scale)
            took = build(raw, out, home)
            ceiling, _words = ner_ceiling_s(out / "articles.parquet")
            rows.append((scale, size, took, ceiling))
            print(
                f"{scale:>5} {size / 1e6:>6.2f} {took:>8.1f} {size / 1e6 / took:>6.3f} "
                f"{ceiling:>9.1f} {took / ceiling:>13.2f}"
            )
    (s_a, b_a, t_a, c_a), (s_b, b_b, t_b, c_b) = rows[0], rows[-1]
    marginal = (b_b - b_a) / 1e6 / (t_b - t_a)
    ceiling_marginal = (b_b - b_a) / 1e6 / (c_b - c_a)
    print(
        f"\nmarginal {s_a}x -> {s_b}x: whole pipeline {marginal:.3f} MB/s; NER-only ceiling "
        f"(one process) {ceiling_marginal:.3f} MB/s; pipeline / ceiling "
        f"{marginal / ceiling_marginal:.2f}"
    )
    if len(rows) >= 3:
        (_, b_m, t_m, _) = rows[-2]
        early = (t_m - t_a) / ((b_m - b_a) / 1e6)
        late = (t_b - t_m) / ((b_b - b_m) / 1e6)
        print(f"seconds per MB, first step {early:.1f}, last step {late:.1f} (linear: about equal)")
    met = marginal >= GOAL_MB_S
    print(f"goal (>= {GOAL_MB_S} MB/s marginal): {'met' if met else 'NOT MET'}")


if __name__ == "__main__":
    main()
