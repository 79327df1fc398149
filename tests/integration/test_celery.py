"""Tier 3: the same build on Celery workers through a real Redis broker gives the same bytes,
and a worker killed mid-step fails the run without touching the published release.

Starts `redis-server` on a free loopback port and a worker (`python -m pipelines.worker`),
builds two seed pages through Celery (`python -m pipelines.build` with CORPUS_EXECUTOR=celery)
and compares the Parquet files with an in-process build of the same pages.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from tests.conftest import RAW_DIR, ROOT, materialize_into
from tests.integration.services import free_port

TABLES = ("articles", "footnotes", "mentions", "rejects")
PAGES = ("001_7314a070cdfb5ef1.txt", "003_438df8717fa9cb3f.txt")
BUILD_TIMEOUT_S = 600

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="needs redis-server (apt-get install redis-server; .ci/run installs it)",
)


@pytest.fixture
def broker_url() -> Iterator[str]:
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]
    server = subprocess.Popen(
        [*command, "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=20)


def _environment(home: Path, broker: str) -> dict[str, str]:
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_")}
    return {**env, "DAGSTER_HOME": str(home), "CORPUS_BROKER_URL": broker}


def _tail(path: Path, chars: int = 3000) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-chars:] if path.exists() else ""


def _seed_pages(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in PAGES:
        shutil.copy(RAW_DIR / name, raw / name)
    return raw


@dataclass
class CeleryRun:
    worker: subprocess.Popen
    build: subprocess.Popen
    logs: Path  # "worker" and "build" logs

    def log(self, which: str) -> str:
        return _tail(self.logs / which, 10**7)

    def wait(self) -> int:
        """Wait for the build; fail at once, with the worker's log, if the worker dies first."""
        deadline = time.monotonic() + BUILD_TIMEOUT_S
        while self.build.poll() is None:
            if self.worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"worker gone or build too slow:\n{_tail(self.logs / 'worker')}")
            time.sleep(0.5)
        return self.build.returncode


@contextmanager
def celery_build(tmp_path: Path, broker: str, raw: Path, out: Path) -> Iterator[CeleryRun]:
    """A worker (`python -m pipelines.worker`) and a build through it, stopped on exit."""
    env = _environment(tmp_path / "home", broker)
    logs = tmp_path / "logs"
    logs.mkdir()
    with (logs / "worker").open("w") as worker_log, (logs / "build").open("w") as build_log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "pipelines.worker"],
            cwd=ROOT,
            env=env,
            start_new_session=True,  # the worker's celery children go with it
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        build = subprocess.Popen(
            # --verbose: the tests read Dagster's own log (queues, worker errors)
            [sys.executable, "-m", "pipelines.build", "--verbose"],
            cwd=ROOT,
            env={
                **env,
                "CORPUS_EXECUTOR": "celery",
                "CORPUS_RAW_DIR": str(raw),
                "CORPUS_OUTPUTS_DIR": str(out),
            },
            stdout=build_log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield CeleryRun(worker, build, logs)
        finally:
            if build.poll() is None:
                build.kill()
                build.wait()
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=60)


def test_a_celery_build_gives_the_in_process_bytes(tmp_path: Path, broker_url: str):
    raw = _seed_pages(tmp_path)
    with celery_build(tmp_path, broker_url, raw, tmp_path / "celery") as run:
        assert run.wait() == 0, _tail(run.logs / "build")
    assert 'to queue "ner"' in run.log("build")  # NER went to its own queue
    materialize_into(raw, tmp_path / "local")
    for table in TABLES:
        celery = (tmp_path / "celery" / f"{table}.parquet").read_bytes()
        local = (tmp_path / "local" / f"{table}.parquet").read_bytes()
        assert celery == local, table


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def test_a_worker_killed_mid_step_fails_the_run_and_keeps_the_release(
    tmp_path: Path, broker_url: str
):
    """SIGKILL the worker's pool processes while NER runs: the run fails with the lost
    worker named, and outputs/ still holds the previous complete release, byte for byte."""
    raw = _seed_pages(tmp_path)
    out = tmp_path / "out"
    materialize_into(raw, out)
    before = {table: (out / f"{table}.parquet").read_bytes() for table in TABLES}
    with celery_build(tmp_path, broker_url, raw, out) as run:
        deadline = time.monotonic() + BUILD_TIMEOUT_S
        while 'Started execution of step "mentions"' not in run.log("worker"):
            assert run.build.poll() is None, _tail(run.logs / "build")
            assert time.monotonic() < deadline, _tail(run.logs / "worker")
            time.sleep(0.2)
        # run.worker is dagster-celery; its child is celery's main process; the pool below
        pool = [child for main in _children(run.worker.pid) for child in _children(main)]
        assert pool, _tail(run.logs / "worker")
        for child in pool:
            os.kill(child, signal.SIGKILL)
        assert run.build.wait(timeout=BUILD_TIMEOUT_S) != 0
    assert "WorkerLostError" in run.log("build")
    for table in TABLES:
        assert (out / f"{table}.parquet").read_bytes() == before[table], table


def test_celery_without_a_broker_is_refused_with_a_message(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_")}
    build = subprocess.run(
        [sys.executable, "-m", "pipelines.build"],
        cwd=ROOT,
        env={**env, "CORPUS_EXECUTOR": "celery", "DAGSTER_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 2
    assert "CORPUS_BROKER_URL" in build.stderr
