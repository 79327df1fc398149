"""python -m pipelines.worker: a Celery worker for the pipeline's steps.

    CORPUS_BROKER_URL=redis://127.0.0.1:6379/0 sh scripts/worker.sh            # both queues
    CORPUS_BROKER_URL=… sh scripts/worker.sh --queue ner -- --concurrency=1     # an NER pool

It serves the general queue and the `ner` queue unless told otherwise, with broker and backend
from the same settings as the build (`pipelines.resources.CorpusSettings`); arguments after
`--` go to `celery worker`. The worker and the build must share the Dagster instance
(DAGSTER_HOME) and the project folder; scripts/worker.sh and scripts/build.sh set both.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml

from pipelines.executors import QUEUES
from pipelines.instance import ensure_instance
from pipelines.resources import ENV_VARS, CorpusSettings, settings_from_environment


def worker_command(
    settings: CorpusSettings, config_yaml: Path, queues: Sequence[str], extra: Sequence[str]
) -> list[str]:
    """The `dagster-celery worker start` command line for these settings and queues."""
    command = [str(Path(sys.executable).with_name("dagster-celery")), "worker", "start"]
    command += ["-A", "dagster_celery.app", "-y", str(config_yaml)]
    command += ["-q", ",".join(queues)]  # celery takes one comma-separated -Q
    return [*command, "--", *extra] if extra else command  # past `--`: celery's own options


def write_config(settings: CorpusSettings, folder: Path) -> Path:
    """The executor config block the worker reads (broker and backend), as a YAML file."""
    path = folder / "celery.yaml"
    config = {
        "execution": {
            "config": {"broker": settings.broker_url, "backend": settings.celery_backend()}
        }
    }
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.worker", description=__doc__)
    parser.add_argument(
        "--queue", action="append", choices=QUEUES, help="a queue to serve (default: all)"
    )
    parser.add_argument("extra", nargs="*", help="arguments for `celery worker`, after --")
    args = parser.parse_args(argv)
    settings = settings_from_environment()
    if not settings.broker_url:
        print(
            f"error: set {ENV_VARS['broker_url']}=redis://HOST:PORT/N to the broker the build uses",
            file=sys.stderr,
        )
        return 2
    if not os.environ.get("DAGSTER_HOME"):
        print("error: set DAGSTER_HOME to the build's Dagster instance", file=sys.stderr)
        return 2
    ensure_instance()
    folder = Path(tempfile.mkdtemp(prefix="corpus-worker-"))
    command = worker_command(
        settings, write_config(settings, folder), args.queue or QUEUES, args.extra
    )
    print(f"celery worker on {', '.join(args.queue or QUEUES)} via {settings.broker_url}")
    # dagster-celery starts `celery` by name: the environment's own, first on the PATH.
    bin_dir = str(Path(sys.executable).parent)
    os.environ["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])
    os.execv(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
