"""What a build prints while it runs: one line per finished stage, a bar for NER, warnings.

The lines come from the run's events in the Dagster instance, not from the steps' own output,
so they read the same whether the steps run in subprocesses here or on Celery workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from dagster import DagsterEventType, DagsterInstance, EventLogEntry, RunsFilter
from dagster._core.events import StepMaterializationData, StepSuccessData

from pipelines.display import one_line

NER_STEP_PREFIX = "ner_shard_"
BAR_WIDTH = 24
MESSAGE_CHARS = 300  # a warning is cut here on the terminal; the run log keeps it whole
WARNING_LEVEL = 30  # logging.WARNING: the steps' warnings and errors are shown


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """`[#####-----]` filled in proportion to done/total (full when total is 0)."""
    filled = width if total <= 0 else min(width, round(width * done / total))
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def stage_line(stage: str, rows: int | None, seconds: float) -> str:
    """`  ✓ articles            33 rows     1.2 s`."""
    counted = f"{rows:>9,} rows" if rows is not None else " " * 14
    return f"  ✓ {stage:<18}{counted}  {seconds:6.1f} s"


def ner_line(done: int, total: int, shards_done: int, shards: int, seconds: float) -> str:
    """`  NER [####----] 120/480 articles  2/4 shards  10.2 s`."""
    bar = progress_bar(done, total)
    return (
        f"  NER {bar} {done:,}/{total:,} articles  {shards_done}/{shards} shards  {seconds:.1f} s"
    )


@dataclass
class RunView:
    """What the watcher has learnt of a run from its events."""

    shards: int = 0  # NER shard steps in the run's plan
    ner_done: int = 0
    shards_done: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failed_checks: list[str] = field(default_factory=list)
    checks_passed: int = 0
    check_steps: set[str] = field(default_factory=set)  # steps that only ran asset checks
    ner_started: float | None = None
    failed_steps: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        """The articles NER runs over: the articles asset's rows."""
        return self.rows.get("articles", 0)


class RunWatcher:
    """Follows one run's event log and writes a concise account of it to `out`."""

    def __init__(self, instance: DagsterInstance, out: TextIO, logs: bool = True):
        self.instance = instance
        self.out = out
        self.view = RunView()
        self.logs = logs  # False when Dagster's own console log already shows the messages
        self.run_id: str | None = None
        self._cursor: str | None = None
        self._resources: object = None
        self._live = False  # the NER line is on screen and may be redrawn in place

    def expect(self, resources: object) -> None:
        """Follow only a run whose resources config is this one (two builds on other
        folders can share the instance)."""
        self._resources = resources

    def find_run(self, created_after: float) -> bool:
        """Pick up the run this build started (the newest created after `created_after`)."""
        from datetime import UTC, datetime

        # run storage keeps whole seconds: a run made in the build's first second must count
        after = datetime.fromtimestamp(int(created_after) - 1, tz=UTC)
        runs = self.instance.get_runs(filters=RunsFilter(created_after=after), limit=20)
        for run in runs:  # newest first
            if self._resources is None or run.run_config.get("resources") == self._resources:
                self.run_id = run.run_id
                break
        return self.run_id is not None

    def poll(self) -> None:
        """Read the events written since the last poll and print what they say."""
        if self.run_id is None:
            return
        while True:
            page = self.instance.get_records_for_run(self.run_id, cursor=self._cursor, limit=500)
            for record in page.records:
                self.handle(record.event_log_entry)
            self._cursor = page.cursor
            if not page.has_more:
                return

    def handle(self, entry: EventLogEntry) -> None:
        event = entry.dagster_event
        if event is None:
            if self.logs and entry.level >= WARNING_LEVEL:
                self._say(
                    f"  ! {entry.step_key or 'run'}: {one_line(entry.user_message, MESSAGE_CHARS)}"
                )
            return
        kind = event.event_type
        step = event.step_key or ""
        data = event.event_specific_data
        if kind == DagsterEventType.ASSET_MATERIALIZATION_PLANNED:
            planned = getattr(data, "asset_key", None)
            self.view.shards += bool(
                planned and planned.to_user_string().startswith(NER_STEP_PREFIX)
            )
        elif kind == DagsterEventType.ASSET_MATERIALIZATION and isinstance(
            data, StepMaterializationData
        ):
            self._materialized(data)
        elif kind == DagsterEventType.STEP_SUCCESS and isinstance(data, StepSuccessData):
            self._succeeded(step, data.duration_ms / 1000)
        elif kind == DagsterEventType.STEP_START and step.startswith(NER_STEP_PREFIX):
            if self.view.ner_started is None:
                self.view.ner_started = entry.timestamp
        elif kind == DagsterEventType.STEP_FAILURE:
            self.view.failed_steps.append(step)
            error = getattr(data, "error", None)
            message = one_line(error.message if error else event.message or "", MESSAGE_CHARS)
            self._say(f"  ✗ {step} failed: {message}")
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION:
            self._checked(step, data, entry.timestamp)

    def _materialized(self, data: StepMaterializationData) -> None:
        materialization = data.materialization
        metadata = materialization.metadata
        asset = materialization.asset_key.to_user_string()
        rows = metadata.get("dagster/row_count")
        if rows is not None:
            self.view.rows[asset] = int(rows.value)  # type: ignore[arg-type]
        if asset.startswith(NER_STEP_PREFIX):
            for key in ("articles_recognised", "articles_reused"):
                if key in metadata:
                    self.view.ner_done += int(metadata[key].value)  # type: ignore[arg-type]

    def _checked(self, step: str, data: object, at: float) -> None:
        if step not in self.view.rows:
            self.view.check_steps.add(step)
        if getattr(data, "passed", True):
            self.view.checks_passed += 1
            return
        key = getattr(data, "asset_key", None)
        name = f"{key.to_user_string() if key else '?'}:{getattr(data, 'check_name', '?')}"
        self.view.failed_checks.append(name)
        severity = getattr(getattr(data, "severity", None), "value", "ERROR")
        self._say(f"  ! check {name} did not pass ({severity})")

    def _succeeded(self, step: str, seconds: float) -> None:
        v = self.view
        if step.startswith(NER_STEP_PREFIX):
            v.shards_done += 1
            since = time.time() - (v.ner_started or time.time())
            line = ner_line(v.ner_done, v.articles, v.shards_done, v.shards, since)
            self._say(line, live=v.shards_done < v.shards)
        elif step not in v.check_steps:
            self._say(stage_line(step, v.rows.get(step), seconds))

    def _say(self, line: str, live: bool = False) -> None:
        """Print a line; a live line on a terminal is redrawn by the next one."""
        tty = self.out.isatty()
        if self._live and tty:
            self.out.write("\r\033[K")
        self.out.write(line + ("" if live and tty else "\n"))
        self.out.flush()
        self._live = live and tty


def follow(
    watcher: RunWatcher,
    running: Callable[[], bool],
    started_at: float,
    interval_s: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll the run's events until `running()` turns false, then read the last of them."""
    while running():
        if watcher.run_id is not None or watcher.find_run(started_at):
            watcher.poll()
        sleep(interval_s)
    if watcher.run_id is not None or watcher.find_run(started_at):
        watcher.poll()


def filtered(lines: Iterable[str], noise: Callable[[str], bool]) -> Iterable[str]:
    """The lines that are not `noise`, each noise line taking its indented follower with it."""
    skip_next = False
    for line in lines:
        if skip_next and line.startswith("  "):
            skip_next = False
            continue
        skip_next = noise(line)
        if not skip_next:
            yield line
