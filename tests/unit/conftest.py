"""Tier 1: fixtures shared by the publish tests: a release folder with its documents."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(params=["synthetic", "built"])
def release(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A release folder with its documents: synthetic always, the built outputs if present."""
    # Imported here rather than at the top, so that the other unit tests in this folder do not
    # pay for importing the release writer and the publish package when run on their own.
    from tests.unit.publish_fixtures import (
        BUILT_OUTPUTS,
        TABLES,
        build_outputs,
        copy_built_release,
        synthetic_tables,
    )

    if request.param == "synthetic":
        return build_outputs(tmp_path / "outputs", synthetic_tables())
    if not all((BUILT_OUTPUTS / f"{t}.parquet").is_file() for t in TABLES):
        pytest.skip("no built outputs/ (run scripts/build.sh)")
    return copy_built_release(tmp_path / "built")
