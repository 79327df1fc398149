"""Tier 3: the build command as a user runs it, on one seed page and one empty page: what it
prints, its exit code, the WARN check in the instance, and the instance `dagster dev` reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.locks import BUILD_LOCK, exclusive
from tests.conftest import RAW_DIR, ROOT

SEED = "003_438df8717fa9cb3f.txt"  # the smallest seed page: NER stays short


@pytest.fixture(scope="module")
def cli_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], Path]:
    root = tmp_path_factory.mktemp("cli")
    raw = root / "raw"
    raw.mkdir()
    shutil.copyfile(RAW_DIR / SEED, raw / SEED)
    (raw / "empty.txt").write_bytes(b"")
    env = {
        **os.environ,
        "CORPUS_RAW_DIR": str(raw),
        "CORPUS_OUTPUTS_DIR": str(root / "outputs"),
        "DAGSTER_HOME": str(root / "home"),
    }
    env.pop("CORPUS_EXECUTOR", None)
    run = subprocess.run(
        [sys.executable, "-m", "pipelines.build", "--fail-on-rejects"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return run, root


def test_the_build_prints_stages_a_bar_and_a_summary_not_dagsters_debug_log(cli_build):
    run, _ = cli_build
    assert run.returncode == 3, run.stdout + run.stderr  # built, with a page set aside
    out = run.stdout
    for stage in ("raw_pages", "posts", "articles", "footnotes", "mentions", "dataset"):
        assert f"✓ {stage}" in out
    assert "NER [" in out and "articles" in out
    assert "Built " in out and "1 rejects." in out
    assert "1 × empty.txt: empty file" in out and "--allow-rejects" in out
    assert "check rejects:nothing_set_aside did not pass (WARN)" in out
    assert "uv run dagster dev" in out and "pipelines.publish --dry-run" in out
    everything = out + run.stderr
    assert " - DEBUG - " not in everything and "SupersessionWarning" not in everything
    assert len(out.splitlines()) < 40


def test_the_rejects_check_is_recorded_as_a_warning_in_the_instance(cli_build, monkeypatch):
    import dagster as dg
    from dagster import DagsterEventType

    _, root = cli_build
    monkeypatch.setenv("DAGSTER_HOME", str(root / "home"))
    with dg.DagsterInstance.get() as instance:
        (run,) = instance.get_runs(limit=1)
        events = instance.all_logs(run.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION)
    by_name = {e.dagster_event.event_specific_data.check_name: e for e in events}
    warned = by_name["nothing_set_aside"].dagster_event.event_specific_data
    assert not warned.passed and warned.severity == dg.AssetCheckSeverity.WARN
    assert all(
        e.dagster_event.event_specific_data.passed
        for n, e in by_name.items()
        if n != warned.check_name
    )


INSTANCE_PROBE = """
import dagster as dg
from dagster._core.instance.ref import InstanceRef

@dg.asset
def probe() -> int:
    return 1

with dg.DagsterInstance.get() as built:  # as scripts/build.sh: DAGSTER_HOME is the project
    dg.materialize([probe], instance=built)
# as `dagster dev` with DAGSTER_HOME unset: a scratch home, this folder's dagster.yaml
scratch = InstanceRef.from_dir(".tmp_dagster_home_x", config_dir=".")
with dg.DagsterInstance.from_ref(scratch) as dev:
    seen = dev.get_latest_materialization_event(dg.AssetKey("probe")) is not None
    print(len(dev.get_runs()), seen)
"""


def test_dagster_dev_reads_the_runs_the_build_wrote(tmp_path: Path):
    shutil.copyfile(ROOT / "dagster.yaml", tmp_path / "dagster.yaml")
    run = subprocess.run(
        [sys.executable, "-c", INSTANCE_PROBE],
        cwd=tmp_path,
        env={**os.environ, "DAGSTER_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1", "True"]
    assert (tmp_path / ".dagster" / "storage").is_dir()


def test_a_second_build_on_the_same_outputs_waits_or_refuses(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(RAW_DIR / SEED, raw / SEED)
    out = tmp_path / "outputs"
    env = {
        **os.environ,
        "CORPUS_RAW_DIR": str(raw),
        "CORPUS_OUTPUTS_DIR": str(out),
        "DAGSTER_HOME": str(tmp_path / "home"),
    }
    env.pop("CORPUS_EXECUTOR", None)
    command = [sys.executable, "-m", "pipelines.build"]
    # this test holds the lock as a running build does, for as long as it needs
    with exclusive(out / BUILD_LOCK):
        refused = subprocess.run(
            [*command, "--no-wait"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert refused.returncode == 4
        assert f"another build (pid {os.getpid()} since" in refused.stderr
        waiting = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert waiting.stdout is not None
        told = waiting.stdout.readline()  # it says so before it blocks
        assert f"another build (pid {os.getpid()} since" in told and "waiting for it" in told
        assert waiting.poll() is None
    rest, _ = waiting.communicate(timeout=600)
    assert waiting.returncode == 0 and "Built" in rest
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert check.returncode == 0, check.stdout  # one whole release
