"""Independent items (pages, posts, notes blocks) mapped over a process pool, order kept."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import current_process, get_context
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 8  # below this a pool costs more to start than it saves
CHUNKS_PER_WORKER = 4

# Jobs of the maps under way, by number. Forked workers inherit this table, so the items
# reach them without being pickled through a pipe: only (job, start, stop) is sent.
_JOBS: dict[int, tuple[Callable[[Any], Any], Sequence[Any]]] = {}
_job_numbers = itertools.count()


def _run_chunk(task: tuple[int, int, int]) -> list[Any]:
    job, start, stop = task
    fn, items = _JOBS[job]
    return [fn(items[i]) for i in range(start, stop)]


def ordered_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    workers: int = 1,
    min_items: int = MIN_ITEMS_PER_WORKER * 2,
) -> list[R]:
    """`[fn(x) for x in items]`, in a pool of `workers` processes when there is enough work.

    Fewer than `min_items` items are mapped here: starting a pool takes tens of ms.

    Workers are forked so that they start without re-importing the project and read the
    items from the parent's memory; `fn` must be a module-level function of pure Python
    work (no polars inside a forked child). Results come back pickled, in item order.
    """
    # A daemonic process (a Celery worker's pool child) may not start children: there the
    # cluster's workers are the parallelism, and the map runs here.
    if workers <= 1 or len(items) < min_items or current_process().daemon:
        return [fn(item) for item in items]
    size = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    job = next(_job_numbers)
    tasks = [(job, start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _JOBS[job] = (fn, items)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
            return [result for chunk in pool.map(_run_chunk, tasks) for result in chunk]
    finally:
        del _JOBS[job]
