"""python -m pipelines.build: materialise every asset with the settings of this shell.

The settings travel with the run as its run config, so steps that run elsewhere (Celery
workers, whose own environment may differ) read the same pages and write the same release as
the command that started them. The build prints a line per finished stage, a bar for NER and
the steps' warnings, then a summary; `--verbose` shows Dagster's own DEBUG log instead. Other
arguments go to `dagster asset materialize`.

Exit codes: 0 built; 1 the run failed; 2 bad settings; 3 built, but rows or pages were set
aside and `--fail-on-rejects` was given; 4 another build was writing the same outputs folder
and `--no-wait` was given (without it, the build waits its turn).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from pipelines.instance import ensure_instance
from pipelines.locks import BUILD_LOCK, Busy, exclusive
from pipelines.resources import (
    ENV_VARS,
    PLANNER_SETTINGS,
    PROJECT_ROOT,
    CorpusSettings,
    settings_from_environment,
)

# What a step reads; the executor settings stay with the process that runs the plan.
RUN_SETTINGS = tuple(name for name in ENV_VARS if name not in PLANNER_SETTINGS)
# Dagster's notes to its own developers (a command superseded, a parameter in beta): nothing a
# user of the dataset can act on, so they are left out unless --verbose.
LIBRARY_WARNING = re.compile(r"^\S+\.py:\d+: (?:Supersession|Beta|Preview)Warning: ")
EXIT_REJECTS = 3
EXIT_BUSY = 4


def run_config(settings: CorpusSettings, verbose: bool = False) -> dict[str, object]:
    """The run config that hands these settings to the `settings` resource of every step.

    Without `verbose` Dagster's console log is silenced: the build's own lines, read from
    the run's events, say what a user needs, warnings included."""
    values = {name: getattr(settings, name) for name in RUN_SETTINGS}
    level = "DEBUG" if verbose else "CRITICAL"
    return {
        "resources": {"settings": {"config": values}},
        "loggers": {"console": {"config": {"log_level": level}}},
    }


def build_command(
    settings: CorpusSettings, extra: Sequence[str], verbose: bool = False
) -> list[str]:
    dagster = str(Path(sys.executable).with_name("dagster"))
    command = [dagster, "asset", "materialize", "--select", "*", "-m", "pipelines"]
    config = json.dumps(run_config(settings, verbose))
    return [*command, "--config-json", config, *extra]


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="sh scripts/build.sh", description="Build the dataset from the pages in data/raw/."
    )
    parser.add_argument("--verbose", action="store_true", help="show Dagster's DEBUG log")
    parser.add_argument(
        "--no-wait",
        action="store_true",
        help=f"refuse (exit {EXIT_BUSY}) instead of waiting when another build is writing the "
        "same outputs folder",
    )
    parser.add_argument(
        "--fail-on-rejects",
        action="store_true",
        help=f"exit with {EXIT_REJECTS} when any row or page was set aside",
    )
    return parser.parse_known_args(argv)


def _forward(stream: IO[str], out: IO[str], verbose: bool) -> None:
    from pipelines.progress import filtered

    lines = stream if verbose else filtered(stream, lambda s: bool(LIBRARY_WARNING.match(s)))
    for line in lines:
        out.write(line)
        out.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args, extra = parse_args(sys.argv[1:] if argv is None else argv)
    settings = settings_from_environment()
    try:
        settings.check_executor()
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    # the instance the UI reads too (./dagster.yaml, whose paths are relative to the project
    # folder), unless DAGSTER_HOME names another
    os.chdir(PROJECT_ROOT)
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT))
    ensure_instance()
    lock = settings.outputs_path() / BUILD_LOCK
    try:
        with exclusive(lock, wait=not args.no_wait, on_wait=_waiting(settings)) as held:
            return _build(settings, args, extra, held.fileno())
    except KeyboardInterrupt:
        print("interrupted: the run was stopped", file=sys.stderr)
        return 130
    except Busy as busy:
        print(
            f"error: another build ({busy}) is writing {settings.outputs_dir}/: try again when "
            "it is done, or leave out --no-wait to wait for it",
            file=sys.stderr,
        )
        return EXIT_BUSY


def _waiting(settings: CorpusSettings) -> Callable[[str], None]:
    def say(who: str) -> None:
        where = f"{settings.outputs_dir}/"
        print(f"another build ({who}) is writing {where}: waiting for it …", flush=True)

    return say


def _build(
    settings: CorpusSettings, args: argparse.Namespace, extra: list[str], lock_fd: int
) -> int:
    """Run the build's dagster command and follow it. The child inherits the build lock's
    descriptor, so the lock holds until the run itself has ended, whatever stops this
    process first."""
    from dagster import DagsterInstance

    from pipelines.progress import RunWatcher, follow
    from pipelines.summary import summary_text, table_counts

    print(f"Building from {settings.raw_dir}/ into {settings.outputs_dir}/ …", flush=True)
    started = time.time()
    # a build stopped by a signal stops its run too: the run is the child's, not ours
    children: list[subprocess.Popen[str]] = []
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, lambda number, _frame: [c.send_signal(number) for c in children])
    child = subprocess.Popen(
        build_command(settings, extra, args.verbose),
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(lock_fd,),
    )
    children.append(child)
    assert child.stderr is not None
    relay = threading.Thread(target=_forward, args=(child.stderr, sys.stderr, args.verbose))
    relay.start()
    try:
        with DagsterInstance.get() as instance:
            watcher = RunWatcher(instance, sys.stdout, logs=not args.verbose)
            watcher.expect(run_config(settings)["resources"])
            follow(watcher, lambda: child.poll() is None, started)
    except KeyboardInterrupt:
        child.send_signal(signal.SIGINT)
        raise
    finally:
        child.wait()
        relay.join()
    view = watcher.view
    if child.returncode != 0 or view.failed_steps:
        print(f"Build failed (exit code {child.returncode}); run with --verbose for the whole log.")
        return 1
    outputs = settings.outputs_path()
    shown = Path(os.path.relpath(outputs)) if outputs.is_relative_to(Path.cwd()) else outputs
    home = os.environ["DAGSTER_HOME"]
    other_home = None if Path(home).resolve() == PROJECT_ROOT else home
    seconds = time.time() - started
    print(summary_text(outputs, seconds, view.failed_checks, view.checks_passed, shown, other_home))
    if watcher.run_id is None:
        print("note: the run's events were not found in the instance; counts are the files'")
    rejects = table_counts(outputs).get("rejects", 0)  # the files, as the summary counts
    return EXIT_REJECTS if args.fail_on_rejects and rejects else 0


if __name__ == "__main__":
    sys.exit(main())
