"""Whole builds through Celery with 1 and 2 worker processes, beside an in-process build of
the same pages, measured side by side in one run.

Starts its own `redis-server` on a free loopback port. The pages are N copies of the seed
pages (`bench/scaled_corpus.py`), so the input is the same for every build.

    uv run python bench/celery_workers.py            # 4x the seed pages
    uv run python bench/celery_workers.py --scale 8

The graph is a chain up to footnotes (pages → posts → articles → footnotes); NER then runs in
four shard assets (`ner_shard_0..3`) that two workers can take two at a time, before
mentions and the release. Inside a Celery pool process a step does not fork, so one worker
process runs one shard on one core.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scaled_corpus import make_corpus  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _build(env: dict[str, str], out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pipelines.build"],
        cwd=ROOT,
        env={**env, "CORPUS_OUTPUTS_DIR": str(out)},
        check=True,
        timeout=1800,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        sys.exit("needs redis-server (apt-get install redis-server)")
    tmp = Path(tempfile.mkdtemp(prefix="celery-bench-"))
    raw = tmp / "raw"
    raw.mkdir()
    size = make_corpus(raw, args.scale)
    port = _free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    home = tmp / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_")}
    env = {**base, "DAGSTER_HOME": str(home), "CORPUS_RAW_DIR": str(raw)}
    broker = {"CORPUS_BROKER_URL": f"redis://127.0.0.1:{port}/0"}
    try:
        time.sleep(0.5)
        _build(env, tmp / "warm")  # first-run costs (instance storage, model files) paid here
        results = {"in process": _build(env, tmp / "local")}
        for processes in (1, 2):
            worker = subprocess.Popen(
                [sys.executable, "-m", "pipelines.worker", "--", f"--concurrency={processes}"],
                cwd=ROOT,
                env={**env, **broker},
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(5)  # the worker connects before the clock starts
                if worker.poll() is not None:
                    sys.exit(f"the worker exited ({worker.returncode}): run it by hand to see why")
                celery_env = {**env, **broker, "CORPUS_EXECUTOR": "celery"}
                results[f"celery, {processes} worker process(es)"] = _build(
                    celery_env, tmp / f"celery{processes}"
                )
            finally:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=60)
    finally:
        redis.terminate()
        redis.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; input {args.scale}x the seed pages, {size / 1e6:.1f} MB"
    )
    local = results["in process"]
    for name, seconds in results.items():
        print(f"  {name:<32} {seconds:7.1f} s   {seconds / local:5.2f}x in-process")


if __name__ == "__main__":
    main()
