"""A rebuild after adding one page, as a share of a full build of the same pages, measured
side by side in one run with the project's own build command (`sh scripts/build.sh`).

The pages are N varied copies of the seed pages (`bench/scaled_corpus.py`). Times:
1. a full build of copies 0..N-1 into a fresh outputs folder (empty caches);
2. the same build again with nothing changed;
3. the build after adding one page (copy N of one seed page): only that page is parsed and
   only its new articles run NER.
Every build's release is checked against a build from scratch of the same pages.

    uv run python bench/incremental_rebuild.py            # 8x the seed pages
    uv run python bench/incremental_rebuild.py --scale 4

Goal (issue 17): at 8x, the rebuild after one added page takes at most a third of the full
build's time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scaled_corpus import make_corpus  # noqa: E402

GOAL_SHARE = 1 / 3
TABLES = ("articles", "footnotes", "mentions", "rejects")
BUILD_TIMEOUT_S = 1800


def build(raw: Path, out: Path, home: Path) -> float:
    """Seconds `sh scripts/build.sh` takes to build `raw` into `out` (fails loudly)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_")}
    env.update(CORPUS_RAW_DIR=str(raw), CORPUS_OUTPUTS_DIR=str(out), DAGSTER_HOME=str(home))
    start = time.perf_counter()
    done = subprocess.run(
        ["sh", "scripts/build.sh"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return took


def release(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.parquet").read_bytes() for t in TABLES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pool, raw = work / "pool", work / "raw"
        pool.mkdir()
        raw.mkdir()
        make_corpus(pool, args.scale + 1)
        pages = sorted(pool.glob("*.txt"))
        added = next(p for p in pages if p.name.startswith(f"{args.scale:04d}_"))
        for page in pages:
            if int(page.name[:4]) < args.scale:
                shutil.copy(page, raw / page.name)
        size = sum(p.stat().st_size for p in raw.glob("*.txt"))
        home = work / "home"
        home.mkdir()
        (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; input {args.scale}x the seed pages, "
            f"{len(list(raw.glob('*.txt')))} pages, {size / 1e6:.2f} MB; added page "
            f"{added.name} ({added.stat().st_size / 1e3:.0f} KB)"
        )
        out = work / "out"
        full = build(raw, out, home)
        print(f"full build (empty caches):        {full:7.1f} s")
        unchanged = build(raw, out, home)
        print(f"rebuild, nothing changed:         {unchanged:7.1f} s  ({unchanged / full:.0%})")
        shutil.copy(added, raw / added.name)
        one_more = build(raw, out, home)
        share = one_more / full
        print(f"rebuild after adding one page:    {one_more:7.1f} s  ({share:.0%} of full)")
        scratch = work / "scratch"
        build(raw, scratch, home)
        same = release(out) == release(scratch)
        print(f"rebuilt release equals a build from scratch: {'yes' if same else 'NO'}")
        met = share <= GOAL_SHARE and same
        print(
            f"goal (one added page <= {GOAL_SHARE:.0%} of a full build): "
            + ("met" if met else "NOT MET")
        )


if __name__ == "__main__":
    main()
