"""Time post parsing alone (`parse_page`) over the seed pages, in one process.

    uv run python bench/parse_speed.py --repeat 5

Compare two commits side by side (same machine, alternating runs), e.g. with a worktree of
the older one: `git worktree add /tmp/old <rev>`, then run this file from each checkout
(`cd /tmp/old && python /path/to/bench/parse_speed.py`): each run times the checkout it is
started from, and the median of a few alternating runs gives the ratio.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from pipelines.parsing.page import page_text, parse_page

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the pages")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    parse_page(page_text("warm-up.txt", texts[0]))
    start = time.perf_counter()
    for _ in range(args.repeat):
        for n, text in enumerate(texts):
            parse_page(page_text(f"page{n}.txt", text))
    elapsed = time.perf_counter() - start
    machine = platform.processor() or platform.machine()
    print(f"{elapsed:.2f} s for {args.repeat} x {len(texts)} pages ({machine}, {Path.cwd()})")


if __name__ == "__main__":
    main()
