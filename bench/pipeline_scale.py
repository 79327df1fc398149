"""How each stage scales: time against an I/O floor measured in the same run.

Builds a corpus of N× the seed pages (every copy's titles and body paragraphs varied so that
dedupe cannot collapse them), runs each stage on it, and prints per stage its time and its
ratio to the floor: reading the input and writing the same number of bytes as Parquet with
polars. Mentions are compared with the bare model's `nlp.pipe` on the same texts instead.
Each scale runs in its own process so that its peak memory (max RSS) is its own.

    uv run python bench/pipeline_scale.py                 # 1x, 10x, 50x; parse speed-up at 50x
    uv run python bench/pipeline_scale.py --scales 1 10   # a quicker look
    uv run python bench/pipeline_scale.py --mentions-scale 2

Goals (issue 9): parse + dedupe + footnotes within 5x the I/O floor; mentions within 1.3x the
bare model; time growing no faster than linearly from 10x to 50x; peak memory under 2 GB.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "data" / "raw"
LONG_LINE = 200


def _rotate(text: str, copy: int) -> str:
    """Caesar-shift the letters of one half of a line: a different text, same shape.

    Copy k shifts by k % 25 + 1 the second half (k // 25 even) or the first half (odd), so no
    two of the first 50 copies share a line.
    """
    shift = copy % 25 + 1
    half = len(text) // 2
    start, end = (half, len(text)) if (copy // 25) % 2 == 0 else (half // 4, half)
    rotated = "".join(
        chr((ord(c) - base + shift) % 26 + base) if c.isascii() and c.isalpha() else c
        for c in text[start:end]
        for base in (ord("a") if c.islower() else ord("A"),)
    )
    return text[:start] + rotated + text[end:]


def make_corpus(folder: Path, scale: int) -> int:
    """Write `scale` varied copies of every seed page; returns the bytes written.

    In copy k every headline gets " (k)" and half of every long line outside the introductions
    (body paragraphs, notes, bios) is letter-shifted (see `_rotate`), so that no two copies of
    a post are near-duplicates while every line keeps the shape the parser reads.
    """
    from pipelines.parsing.page import parse_page

    total = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        data = seed.read_bytes()
        posts = parse_page(seed.name, data).posts
        headlines = {post.title_line for post in posts}
        intros = {n for post in posts for n in range(post.first_line, post.title_line)}
        lines = data.decode("utf-8").split("\n")
        for copy in range(scale):
            varied = []
            for number, line in enumerate(lines, start=1):
                if number in headlines:
                    line = f"{line} ({copy})"
                elif copy and len(line) > LONG_LINE and number not in intros:
                    line = _rotate(line, copy)
                varied.append(line)
            out = "\n".join(varied).encode("utf-8")
            (folder / f"{copy:04d}_{seed.name}").write_bytes(out)
            total += len(out)
    return total


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def run_scale(scale: int, workers: int, with_mentions: bool) -> dict[str, object]:
    """One scale, in this process: stage times, floor, peak memory."""
    import polars as pl

    from pipelines.dataset.write import write_release
    from pipelines.tables.articles import add_languages, merge_sightings
    from pipelines.tables.footnotes import build_footnotes
    from pipelines.tables.pages import list_pages, pages_frame
    from pipelines.tables.posts import parse_pages, posts_frame

    out: dict[str, object] = {"scale": scale, "workers": workers}
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        out["input_bytes"] = make_corpus(raw, scale)
        # floor: read every input byte, write as many bytes to Parquet with polars
        start = time.perf_counter()
        texts = [p.read_bytes().decode("utf-8") for p in sorted(raw.glob("*.txt"))]
        pl.DataFrame({"text": texts}).write_parquet(Path(tmp) / "floor.parquet", compression="zstd")
        out["floor_s"] = time.perf_counter() - start
        pages, out["read_s"] = _timed(pages_frame, list_pages(raw))
        parsed, out["parse_s"] = _timed(parse_pages, pages, workers)
        posts, out["posts_frame_s"] = _timed(posts_frame, parsed)
        merged, out["dedupe_s"] = _timed(merge_sightings, posts)
        articles, out["language_s"] = _timed(add_languages, merged)
        footnotes, out["footnotes_s"] = _timed(build_footnotes, articles, workers)
        out["posts"], out["articles"], out["footnotes"] = len(posts), len(articles), len(footnotes)
        tables = {"articles": articles.drop("notes_block"), "footnotes": footnotes}
        _, out["write_s"] = _timed(write_release, Path(tmp) / "out", tables)
        if with_mentions:
            out.update(_mentions_cost(articles, footnotes))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _mentions_cost(articles, footnotes) -> dict[str, float]:
    import spacy

    from pipelines.mentions.extract import MODEL_PACKAGE, load_model
    from pipelines.tables.footnotes import marker_spans
    from pipelines.tables.mentions import build_mentions, field_texts

    texts = [t for row in articles.iter_rows(named=True) for _, t in field_texts(row)]
    bare = spacy.load(MODEL_PACKAGE)
    ours = load_model()
    bare.pipe(["warm up"]), ours.pipe(["warm up"])
    start = time.perf_counter()
    for _doc in bare.pipe(texts, batch_size=64):
        pass
    bare_s = time.perf_counter() - start
    start = time.perf_counter()
    build_mentions(ours, articles, marker_spans(footnotes))
    return {"mentions_s": time.perf_counter() - start, "bare_model_s": bare_s}


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
            f"{r['floor_s']:>8.2f} {r['read_s']:>6.2f} {r['parse_s']:>7.2f} "
            f"{r['dedupe_s']:>7.2f} {r['footnotes_s']:>7.2f} {r['language_s']:>6.2f} "
            f"{r['write_s']:>6.2f} {_core(r) / r['floor_s']:>10.1f} "
            f"{_all(r) / r['floor_s']:>9.1f} {r['peak_rss_mb']:>8.0f}"
        )
    print(
        "core = parse (+ posts frame) + dedupe + footnotes (goal: core/floor <= 5); "
        "all = core + read + language detection + write"
    )
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        grow = _core
        ratio = (grow(b) / grow(a)) / (b["scale"] / a["scale"])
        print(
            f"growth {a['scale']}x -> {b['scale']}x: time x{grow(b) / grow(a):.1f} for data "
            f"x{b['scale'] / a['scale']:.0f} (per-unit ratio {ratio:.2f}; <= ~1 is linear)"
        )
    big = max(args.scales)
    one = _child(["--scale", str(big), "--workers", "1"])
    print(
        f"\nparse at {big}x: 1 worker {one['parse_s']:.2f} s, {args.workers} workers "
        f"{rows[-1]['parse_s']:.2f} s, speed-up x{one['parse_s'] / rows[-1]['parse_s']:.2f}"
    )
    m = _child(["--scale", str(args.mentions_scale), "--workers", str(args.workers), "--mentions"])
    print(
        f"\nmentions at {args.mentions_scale}x: ours {m['mentions_s']:.2f} s, bare model "
        f"nlp.pipe {m['bare_model_s']:.2f} s, ratio {m['mentions_s'] / m['bare_model_s']:.2f} "
        "(goal <= 1.3)"
    )


if __name__ == "__main__":
    main()
