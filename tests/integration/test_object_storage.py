"""Tier 3: stage tables and caches under an `s3://` root, against moto's S3 server on a
loopback port (a real HTTP server speaking the S3 API, not a mock inside the process)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import RAW_DIR, materialize_metadata, ner_counts
from tests.integration.services import free_port, wait_until

BUCKET = "corpus-stages"
MOTO_SERVER = Path(shutil.which("moto_server") or "moto_server")
TABLES = ("articles", "footnotes", "mentions", "rejects")


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).status_code < 500
    # A server still importing its modules can accept the connection and answer late: a read
    # timeout means "not yet", like a refused connection.
    except requests.RequestException:
        return False


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    saved = {
        k: os.environ.get(k)
        for k in (
            "AWS_ENDPOINT_URL",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_DEFAULT_REGION",
        )
    }
    os.environ.update(
        AWS_ENDPOINT_URL=url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
    )
    try:
        wait_until(lambda: _answers(url), 90, "moto_server")
        import s3fs

        s3fs.S3FileSystem.clear_instance_cache()
        s3fs.S3FileSystem().mkdir(BUCKET)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_a_build_on_s3_storage_writes_the_local_bytes_and_reuses_its_caches(s3_endpoint, tmp_path):
    import s3fs

    root = f"s3://{BUCKET}/stages"
    on_s3, local = tmp_path / "on_s3", tmp_path / "local"
    first = materialize_metadata(RAW_DIR, on_s3, storage_root=root)
    materialize_metadata(RAW_DIR, local)
    for table in TABLES:
        name = f"{table}.parquet"
        assert (on_s3 / name).read_bytes() == (local / name).read_bytes(), table
    stored = s3fs.S3FileSystem().find(f"{BUCKET}/stages")
    assert f"{BUCKET}/stages/tables/posts.parquet" in stored
    assert f"{BUCKET}/stages/cache/mentions_by_content/0-of-4.parquet" in stored
    assert not (on_s3 / ".stages").exists()  # nothing of the stages left on local disk
    again = materialize_metadata(RAW_DIR, on_s3, storage_root=root)
    assert first["posts"]["pages_parsed"] == len(list(RAW_DIR.glob("*.txt")))
    assert again["posts"]["pages_parsed"] == 0
    assert ner_counts(again)["articles_recognised"] == 0
