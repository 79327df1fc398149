"""The run's settings: one object, read from the environment through `dg.EnvVar` when the
definitions load (never at import), overridable from the Dagster UI's launchpad.

The publish command builds the same object from the same variables, so the pipeline and
`python -m pipelines.publish` always agree on where the release is.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dagster as dg
from upath import UPath

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REPO_ID = "commentary-corpus/commentary-corpus"  # the Hub dataset repo publish uploads to

# Setting -> the environment variable that sets it.
ENV_VARS: dict[str, str] = {
    "raw_dir": "CORPUS_RAW_DIR",
    "outputs_dir": "CORPUS_OUTPUTS_DIR",
    "workers": "CORPUS_WORKERS",
    "hf_repo": "CORPUS_HF_REPO",
    "executor": "CORPUS_EXECUTOR",
    "broker_url": "CORPUS_BROKER_URL",
    "backend_url": "CORPUS_BACKEND_URL",
    "storage_root": "CORPUS_STORAGE_ROOT",
    "max_page_bytes": "CORPUS_MAX_PAGE_BYTES",
}
DEFAULT_MAX_PAGE_BYTES = 64 * 1024 * 1024  # the largest seed page is 150 KB
EXECUTORS = ("in_process", "celery")
# Settings of the process that plans the run (which executor, where its broker is), not of
# the steps: they stay out of the run config a build hands to every step.
PLANNER_SETTINGS = frozenset({"executor", "broker_url", "backend_url"})
STAGES_FOLDER = ".stages"  # under the outputs folder; never part of a release
INT_SETTINGS = frozenset({"workers", "max_page_bytes"})


class CorpusSettings(dg.ConfigurableResource):
    """Where pages are read and the release written (relative to the project root), how many
    worker processes parse and dedupe (0: one per core), the Hub repo publish uploads to, and
    what runs the steps: this process (`in_process`) or Celery workers (`celery`, through the
    broker at `broker_url`; results through `backend_url`, by default the broker), and where
    the stages keep their tables and caches between runs (`storage_root`: a folder or a
    fsspec URL such as `s3://bucket/prefix`; by default `<outputs_dir>/.stages`), and the
    largest input file read (`max_page_bytes`; a larger one is refused unread).
    """

    raw_dir: str = "data/raw"
    outputs_dir: str = "outputs"
    workers: int = 0
    hf_repo: str = DEFAULT_REPO_ID
    executor: str = "in_process"
    broker_url: str = ""
    backend_url: str = ""
    storage_root: str = ""  # empty: a `.stages` folder inside the outputs folder
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES  # larger input files are refused unread

    def raw_path(self) -> Path:
        return (PROJECT_ROOT / self.raw_dir).resolve()

    def outputs_path(self) -> Path:
        return (PROJECT_ROOT / self.outputs_dir).resolve()

    def storage_path(self) -> UPath:
        """The root the stage tables and the build caches live under (local or object store)."""
        if not self.storage_root:
            return UPath(self.outputs_path() / STAGES_FOLDER)
        root = UPath(self.storage_root)
        if not root.protocol:  # a plain path: relative to the project, like the other folders
            return UPath((PROJECT_ROOT / self.storage_root).resolve())
        return root

    def worker_count(self) -> int:
        """Processes for the parallel stages: `workers`, or one per core when it is 0."""
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    def celery_backend(self) -> str:
        return self.backend_url or self.broker_url

    def check_executor(self) -> None:
        """Raise a message a person can act on when the executor settings do not fit."""
        if self.executor not in EXECUTORS:
            raise ValueError(
                f"{ENV_VARS['executor']}={self.executor!r}: choose one of {', '.join(EXECUTORS)}"
            )
        if self.executor == "celery" and not self.broker_url:
            raise ValueError(
                f"{ENV_VARS['executor']}=celery needs a broker: set {ENV_VARS['broker_url']}="
                "redis://HOST:PORT/N (see README, Running on a cluster)"
            )


def _env_var(name: str, setting: str) -> dg.EnvVar:
    return dg.EnvVar.int(name) if setting in INT_SETTINGS else dg.EnvVar(name)  # type: ignore[return-value]


def settings_for_dagster(environ: Mapping[str, str] | None = None) -> CorpusSettings:
    """The settings resource, each variable that is set passed as a `dg.EnvVar` (so Dagster
    reads its value at run time and the UI shows where it came from); the rest default."""
    present = os.environ if environ is None else environ
    return CorpusSettings(
        **{
            setting: _env_var(name, setting)
            for setting, name in ENV_VARS.items()
            if present.get(name)
        }
    )


def settings_from_environment(environ: Mapping[str, str] | None = None) -> CorpusSettings:
    """The same settings, resolved now: for commands that run outside Dagster (publish)."""
    present = os.environ if environ is None else environ
    return CorpusSettings(
        **{setting: present[name] for setting, name in ENV_VARS.items() if present.get(name)}
    )
