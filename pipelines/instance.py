"""The Dagster instance a build and its workers share, set up once before either starts.

Two processes creating a fresh instance's SQLite storage at the same moment race in its
schema migration ("more than one head"), so the first one in creates it under a file lock.
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipelines.locks import exclusive

LOCK_NAME = ".corpus-instance.lock"


def ensure_instance() -> None:
    """Create the instance's storage in $DAGSTER_HOME, if it is not there yet (no-op unset)."""
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return
    with exclusive(Path(home) / LOCK_NAME), dg.DagsterInstance.get():
        pass
