"""Where the pipeline reads and writes; overridable from the Dagster UI's launchpad or env."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class CorpusPaths(dg.ConfigurableResource):
    """Input pages folder and output folder (relative paths are taken from the project root)."""

    raw_dir: str = os.environ.get("CORPUS_RAW_DIR", "data/raw")
    outputs_dir: str = os.environ.get("CORPUS_OUTPUTS_DIR", "outputs")

    def raw_path(self) -> Path:
        return (PROJECT_ROOT / self.raw_dir).resolve()

    def outputs_path(self) -> Path:
        return (PROJECT_ROOT / self.outputs_dir).resolve()
