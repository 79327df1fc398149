"""python -m pipelines.build: materialise every asset with the settings of this shell.

The settings travel with the run as its run config, so steps that run elsewhere (Celery
workers, whose own environment may differ) read the same pages and write the same release as
the command that started them. Extra arguments go to `dagster asset materialize`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pipelines.instance import ensure_instance
from pipelines.resources import CorpusSettings, settings_from_environment

# What a step reads; the executor settings stay with the process that runs the plan.
RUN_SETTINGS = ("raw_dir", "outputs_dir", "workers", "hf_repo", "storage_root")


def run_config(settings: CorpusSettings) -> dict[str, object]:
    """The run config that hands these settings to the `settings` resource of every step."""
    values = {name: getattr(settings, name) for name in RUN_SETTINGS}
    return {"resources": {"settings": {"config": values}}}


def build_command(settings: CorpusSettings, extra: Sequence[str]) -> list[str]:
    dagster = str(Path(sys.executable).with_name("dagster"))
    command = [dagster, "asset", "materialize", "--select", "*", "-m", "pipelines"]
    return [*command, "--config-json", json.dumps(run_config(settings)), *extra]


def main(argv: Sequence[str] | None = None) -> int:
    settings = settings_from_environment()
    try:
        settings.check_executor()
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if settings.executor == "celery":  # only a build beside workers can race to set it up
        ensure_instance()
    command = build_command(settings, sys.argv[1:] if argv is None else argv)
    os.execv(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
