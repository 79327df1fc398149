"""One build at a time on an outputs folder: advisory file locks that a killed process drops.

The build command holds `.build.lock` for its whole run, so a second build on the same
folder waits (or, asked not to, refuses) with a message naming the first. The release writer
holds `.release.lock` while it writes and flips, so even runs started elsewhere (the UI, a
bare `dagster asset materialize`) publish one release after the other, never interleaved.
"""

from __future__ import annotations

import datetime
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

BUILD_LOCK = ".build.lock"
RELEASE_LOCK = ".release.lock"


class Busy(RuntimeError):
    """Another process holds the lock and the caller chose not to wait."""


def holder(lock: Path) -> str:
    """Who holds `lock`, as its holder wrote it ("pid 123 since 2026-12-02T01:00:00Z")."""
    try:
        text = lock.read_text(encoding="utf-8").strip()
    except OSError:
        return "another process"
    return text or "another process"


@contextmanager
def exclusive(
    lock: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[IO[str]]:
    """Hold `lock` for the block (yielding its open file, whose descriptor a child process
    may inherit to share it). If another process holds it: raise Busy unless `wait`, else
    tell `on_wait` who holds it and wait for it to be released."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(lock)
            if not wait:
                raise Busy(who) from None
            if on_wait is not None:
                on_wait(who)
            fcntl.flock(handle, fcntl.LOCK_EX)
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {now}\n")
        handle.flush()
        try:
            yield handle
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
