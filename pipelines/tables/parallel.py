"""Independent items (pages, notes blocks) mapped over a process pool, order kept."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_WORKERS = int(os.environ.get("CORPUS_WORKERS", os.cpu_count() or 1))
MIN_ITEMS_PER_WORKER = 8  # below this a pool costs more to start than it saves
CHUNKS_PER_WORKER = 4


def ordered_map(fn: Callable[[T], R], items: Sequence[T], workers: int = 1) -> list[R]:
    """`[fn(x) for x in items]`, in a pool of `workers` processes when there is enough work.

    Workers are forked so that they start without re-importing the project; `fn` must be a
    module-level function of pure Python work (no polars inside a forked child).
    """
    if workers <= 1 or len(items) < MIN_ITEMS_PER_WORKER * 2:
        return [fn(item) for item in items]
    chunk = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        return list(pool.map(fn, items, chunksize=chunk))
