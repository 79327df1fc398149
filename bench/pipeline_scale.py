"""How each stage scales: time against an I/O floor measured in the same run.

Builds a corpus of N× the seed pages (every copy's titles and body paragraphs varied so that
dedupe cannot collapse them), runs each stage on it, and prints per stage its time and its
ratio to the floor: reading the input and writing the same number of bytes as Parquet with
polars (the median of three runs). Mentions are compared with the bare model's `nlp.pipe` on
the same texts instead. One-time start-up costs are paid on the seed pages before anything
is timed. Each scale runs in its own process so that its peak memory (max RSS) is its own.

    uv run python bench/pipeline_scale.py                 # 1x, 10x, 50x; parse speed-up at 50x
    uv run python bench/pipeline_scale.py --scales 1 10   # a quicker look
    uv run python bench/pipeline_scale.py --mentions-scale 2

Goals (issue 9): mentions within 1.3x the bare model; time growing no faster than linearly
from 10x to 50x; peak memory under 2 GB. The goal of parse + dedupe + footnotes within 5x
the I/O floor is retired (issue 17): they are a few per cent of a build, so core/floor is
printed for information only. Whole builds are timed by `bench/throughput.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scaled_corpus import SEEDS, _copies_alike, make_corpus  # noqa: E402


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


FLOOR_RUNS = 3  # the floor is the median of these, after a warm-up
# The goals of issue 9, printed beside what a run measures and judged in `_goals`.
MENTIONS_GOAL = 1.3  # our mentions stage over the bare model's nlp.pipe
PEAK_GOAL_MB = 2048


def _floor(raw: Path, target: Path) -> float:
    """Read every input byte, write as many bytes to Parquet with polars: seconds taken."""
    start = time.perf_counter()
    texts = [p.read_bytes().decode("utf-8") for p in sorted(raw.glob("*.txt"))]
    pl.DataFrame({"text": texts}).write_parquet(target, compression="zstd")
    return time.perf_counter() - start


def _warm_up(tmp: Path, workers: int) -> None:
    """Pay one-time start-up costs before anything is timed, for the floor and stages alike.

    Polars' first Parquet write starts its thread pool (~0.035 s at 50x, a quarter of the
    floor), and the first footnote loads tldextract's suffix list. Running the floor and
    the core stages once on the seed pages pays both, so every ratio compares warm with warm.
    """
    from pipelines.tables.articles import merge_sightings
    from pipelines.tables.footnotes import build_footnotes
    from pipelines.tables.pages import list_pages, pages_frame
    from pipelines.tables.posts import parse_pages, posts_frame

    _floor(SEEDS, tmp / "warm.parquet")
    posts = posts_frame(parse_pages(pages_frame(list_pages(SEEDS)), workers))
    build_footnotes(merge_sightings(posts, workers), workers)


def run_scale(scale: int, workers: int, with_mentions: bool) -> dict[str, object]:
    """One scale, in this process: stage times, floor, peak memory."""
    from pipelines.dataset.write import write_release
    from pipelines.publish import documents_step
    from pipelines.tables.articles import add_languages, merge_sightings
    from pipelines.tables.footnotes import build_footnotes
    from pipelines.tables.pages import list_pages, pages_frame
    from pipelines.tables.posts import parse_pages, posts_frame

    out: dict[str, object] = {"scale": scale, "workers": workers}
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        out["input_bytes"] = make_corpus(raw, scale)
        _warm_up(Path(tmp), workers)
        floors = sorted(_floor(raw, Path(tmp) / "floor.parquet") for _ in range(FLOOR_RUNS))
        out["floor_s"] = floors[len(floors) // 2]
        pages, out["read_s"] = _timed(pages_frame, list_pages(raw))
        parsed, out["parse_s"] = _timed(parse_pages, pages, workers)
        posts, out["posts_frame_s"] = _timed(posts_frame, parsed)
        merged, out["dedupe_s"] = _timed(merge_sightings, posts, workers)
        articles, out["language_s"] = _timed(add_languages, merged)
        footnotes, out["footnotes_s"] = _timed(build_footnotes, articles, workers)
        out["posts"], out["articles"], out["footnotes"] = len(posts), len(articles), len(footnotes)
        out["copies_alike"] = _copies_alike(posts)
        tables = {"articles": articles.drop("notes_block"), "footnotes": footnotes}
        write = partial(write_release, documents=documents_step({}))  # as the pipeline writes
        _, out["write_s"] = _timed(write, Path(tmp) / "out", tables)
        if with_mentions:
            out.update(_mentions_cost(articles, footnotes, workers))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _mentions_cost(articles, footnotes, workers: int) -> dict[str, float]:
    import spacy

    from pipelines.mentions.extract import MODEL_PACKAGE, UNUSED_COMPONENTS, load_model
    from pipelines.tables.footnotes import marker_spans
    from pipelines.tables.mentions import build_mentions, field_texts

    texts = [t for row in articles.iter_rows(named=True) for _, t in field_texts(row)]
    models = {
        "bare_model_s": spacy.load(MODEL_PACKAGE),
        # the ceiling (issue 17): NER alone, every other component excluded, tok2vec too
        "ner_only_s": spacy.load(MODEL_PACKAGE, exclude=list(UNUSED_COMPONENTS)),
        "ner_with_tok2vec_s": spacy.load(
            MODEL_PACKAGE, exclude=[c for c in UNUSED_COMPONENTS if c != "tok2vec"]
        ),
    }
    ours = load_model()
    for model in (*models.values(), ours):
        list(model.pipe(["warm up"]))
    out: dict[str, float] = {}
    for key, model in models.items():
        start = time.perf_counter()
        for _doc in model.pipe(texts, batch_size=64):
            pass
        out[key] = time.perf_counter() - start
    start = time.perf_counter()
    build_mentions(ours, articles, marker_spans(footnotes), workers)
    out["mentions_s"] = time.perf_counter() - start
    out["words"] = float(sum(len(text.split()) for text in texts))
    return out


def _core(r: dict[str, float]) -> float:
    """The stages issue 9 holds to 5x the floor."""
    return r["parse_s"] + r["posts_frame_s"] + r["dedupe_s"] + r["footnotes_s"]


def _all(r: dict[str, float]) -> float:
    return _core(r) + r["read_s"] + r["language_s"] + r["write_s"]


def _child(args: list[str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description="Stage times against the I/O floor.")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--mentions-scale", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--mentions", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_scale(args.scale, args.workers, args.mentions)))
        return

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    rows = [_child(["--scale", str(s), "--workers", str(args.workers)]) for s in args.scales]
    print(
        f"\n{'scale':>5} {'MB in':>7} {'posts':>7} {'articles':>8} {'floor s':>8} {'read':>6} "
        f"{'parse':>7} {'dedupe':>7} {'notes':>7} {'lang':>6} {'write':>6} {'core/floor':>10} "
        f"{'all/floor':>9} {'peak MB':>8}"
    )
    for r in rows:
        print(
            f"{r['scale']:>5} {r['input_bytes'] / 1e6:>7.1f} {r['posts']:>7} {r['articles']:>8} "
            f"{r['floor_s']:>8.3f} {r['read_s']:>6.2f} {r['parse_s']:>7.2f} "
            f"{r['dedupe_s']:>7.2f} {r['footnotes_s']:>7.2f} {r['language_s']:>6.2f} "
            f"{r['write_s']:>6.2f} {_core(r) / r['floor_s']:>10.1f} "
            f"{_all(r) / r['floor_s']:>9.1f} {r['peak_rss_mb']:>8.0f}"
        )
    print(
        "core = parse (+ posts frame) + dedupe + footnotes (its 5x goal is retired, issue 17); "
        "all = core + read + language detection + write"
    )
    alike = all(r["copies_alike"] for r in rows)
    print(f"every copy parses into the same parts as the seed pages: {'yes' if alike else 'NO'}")
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        data = b["scale"] / a["scale"]
        print(f"\ngrowth {a['scale']}x -> {b['scale']}x, data x{data:.0f} (per-unit <= ~1: linear)")
        stages = {
            "core": _core,
            "parse": lambda r: r["parse_s"],
            "dedupe": lambda r: r["dedupe_s"],
            "notes": lambda r: r["footnotes_s"],
        }
        for name, time_of in stages.items():
            grow = time_of(b) / time_of(a)
            print(f"  {name:<7} time x{grow:.1f}, per-unit {grow / data:.2f}")
    big = max(args.scales)
    one = _child(["--scale", str(big), "--workers", "1"])
    print(
        f"\nparse at {big}x: 1 worker {one['parse_s']:.2f} s, {args.workers} workers "
        f"{rows[-1]['parse_s']:.2f} s, speed-up x{one['parse_s'] / rows[-1]['parse_s']:.2f}"
    )
    alone, floor = _core(one), one["floor_s"]
    print(
        f"core at {big}x on 1 worker: {alone:.2f} s ({alone / floor:.1f}x the floor); split "
        f"perfectly over {args.workers} workers it would be {alone / args.workers / floor:.1f}x"
    )
    m = _child(["--scale", str(args.mentions_scale), "--workers", str(args.workers), "--mentions"])
    print(
        f"\nmentions at {args.mentions_scale}x: ours {m['mentions_s']:.2f} s, bare model "
        f"nlp.pipe {m['bare_model_s']:.2f} s, ratio {m['mentions_s'] / m['bare_model_s']:.2f} "
        f"(goal <= {MENTIONS_GOAL:g})"
    )
    words = m["words"]
    print(
        f"NER-only ceiling (tok2vec excluded too) {m['ner_only_s']:.2f} s "
        f"({words / m['ner_only_s']:,.0f} words/s), with tok2vec kept "
        f"{m['ner_with_tok2vec_s']:.2f} s "
        f"({words / m['ner_with_tok2vec_s']:,.0f} words/s); ours over the ceiling "
        f"{m['mentions_s'] / m['ner_only_s']:.2f}"
    )
    print("\ngoals (issue 9):")
    for goal, measured, met in _goals(rows, m):
        print(f"  {'met    ' if met else 'NOT MET'}  {goal}: {measured}")


def _goals(rows: list[dict], m: dict) -> list[tuple[str, str, bool]]:
    """Each goal of issue 9, what this run measured for it, and whether that meets it."""
    big = rows[-1]
    mentions = m["mentions_s"] / m["bare_model_s"]
    goals = [
        (
            f"mentions within {MENTIONS_GOAL:g}x the bare model",
            f"{mentions:.2f}x",
            mentions <= MENTIONS_GOAL,
        ),
        (
            f"peak memory under {PEAK_GOAL_MB / 1024:g} GB at {big['scale']}x",
            f"{big['peak_rss_mb'] / 1024:.2f} GB",
            big["peak_rss_mb"] < PEAK_GOAL_MB,
        ),
    ]
    if len(rows) >= 2:
        a = rows[-2]
        per_unit = (_core(big) / _core(a)) / (big["scale"] / a["scale"])
        goals.append(
            (
                f"core time growing no faster than the data, {a['scale']}x -> {big['scale']}x",
                f"per-unit {per_unit:.2f}",
                per_unit <= 1,
            )
        )
    return goals


if __name__ == "__main__":
    main()
