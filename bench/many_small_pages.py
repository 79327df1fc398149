"""5,000 page files of a few KB each, built beside the same posts in 50 large files, side by
side in one run: does the build stay proportional to bytes, and what does a file cost?

Each small page is one seed post, shortened to about `--page-kb` KB (its introduction, title
and front matter, then whole lines of its body), in a varied copy (`bench/scaled_corpus.py`:
" (k)" on the headline, content words re-lettered), so no two pages are near-duplicates.
The large files hold the same pages' lines, 100 to a file. Both are built from scratch with
`sh scripts/build.sh`.

    uv run python bench/many_small_pages.py                 # 5,000 pages of ~2.5 KB
    uv run python bench/many_small_pages.py --pages 1000

Printed: both build times, seconds per MB, the overhead per page file
((small - large) / (files_small - files_large)), and whether both give the same articles
(dedupe merges the shortened copies whose varied words are too few, alike in both).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.incremental_rebuild import build  # noqa: E402
from bench.scaled_corpus import SEEDS, _vary  # noqa: E402

PAGES_PER_LARGE_FILE = 100


def short_posts(page_kb: float) -> list[tuple[list[str], int]]:
    """Every seed post cut to about `page_kb` KB: (lines, index of its headline)."""
    from pipelines.parsing.page import parse_page
    from pipelines.tables.pages import page_row, page_source

    posts = []
    for seed in sorted(SEEDS.glob("*.txt")):
        data = seed.read_bytes()
        lines = data.decode("utf-8").split("\n")
        for post in parse_page(page_source(page_row(seed.name, data))).posts:
            keep: list[str] = []
            size = 0
            for number in range(post.first_line, post.last_line + 1):
                line = lines[number - 1]
                past_title = number > post.title_line + 2
                if past_title and size + len(line) > page_kb * 1000 and line.strip():
                    break
                keep.append(line)
                size += len(line) + 1
            posts.append((keep, post.title_line - post.first_line))
    return posts


def small_pages(count: int, page_kb: float) -> list[str]:
    posts = short_posts(page_kb)
    pages = []
    for n in range(count):
        lines, headline = posts[n % len(posts)]
        copy = n // len(posts) + 1
        pages.append(
            "\n".join(
                f"{line} ({copy})" if i == headline else line if i < headline else _vary(line, copy)
                for i, line in enumerate(lines)
            )
            + "\n"
        )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--page-kb", type=float, default=2.5)
    args = parser.parse_args()
    pages = small_pages(args.pages, args.page_kb)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        small, large, home = work / "small", work / "large", work / "home"
        for folder in (small, large, home):
            folder.mkdir()
        (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
        for n, text in enumerate(pages):
            (small / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        for start in range(0, len(pages), PAGES_PER_LARGE_FILE):
            chunk = pages[start : start + PAGES_PER_LARGE_FILE]
            (large / f"{start:05d}.txt").write_text("\n\n".join(chunk), encoding="utf-8")
        size = sum(p.stat().st_size for p in small.glob("*.txt"))
        files = {"small": len(pages), "large": len(list(large.glob("*.txt")))}
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; {files['small']} pages, {size / 1e6:.2f} MB "
            f"({size / len(pages) / 1e3:.1f} KB a page)"
        )
        took, articles = {}, {}
        for name, raw in (("large", large), ("small", small)):
            out = work / f"out_{name}"
            took[name] = build(raw, out, home)
            articles[name] = pl.read_parquet(out / "articles.parquet")
            rejects = pl.read_parquet(out / "rejects.parquet")
            print(
                f"{name:>5}: {files[name]:>5} files, build {took[name]:6.1f} s "
                f"({took[name] / (size / 1e6):.1f} s/MB), {len(articles[name])} articles, "
                f"{len(rejects)} rejects"
            )
        per_page = (took["small"] - took["large"]) / (files["small"] - files["large"])
        print(f"overhead per page file: {per_page * 1000:.1f} ms")
        same = sorted(articles["small"]["body"].to_list()) == sorted(
            articles["large"]["body"].to_list()
        )
        print(f"same article bodies from small and large files: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
