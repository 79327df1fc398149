"""Tier 1: what may be read (regular files inside the input folder, under a size limit),
reasons a person can read, one writer at a time, and a publish that uploads what it lists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.locks import Busy, exclusive
from pipelines.publish.__main__ import main, redacted
from pipelines.publish.upload import ReleaseMismatch, checksummed_files, unlisted_files
from pipelines.tables.inputs import RefusedInput, admitted_path, read_admitted
from pipelines.tables.pages import list_pages, pages_frame
from pipelines.validation import MAX_REASON_VALUE, check_name, failure_reason
from tests.unit.publish_fixtures import REPO, ROOT, FakeHub, build_outputs, synthetic_tables

SECRET = "SECRET-4f9c do not publish"
PAGE = "Archive for May, 2021\n\nA post.\n"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    raw, elsewhere = tmp_path / "raw", tmp_path / "elsewhere"
    raw.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(SECRET, encoding="utf-8")
    (raw / "page.txt").write_text(PAGE, encoding="utf-8")
    return raw, elsewhere


def _refusal(raw: Path, name: str, max_bytes: int = 1000) -> str:
    with pytest.raises(RefusedInput) as refused:
        read_admitted(raw / name, admitted_path(raw, raw / name, max_bytes), max_bytes)
    return str(refused.value)


def test_a_link_out_of_the_folder_is_refused_and_not_read(folders):
    raw, elsewhere = folders
    (raw / "leak.txt").symlink_to(elsewhere / "secret.txt")
    assert "outside the input folder" in _refusal(raw, "leak.txt")
    (raw / "via").symlink_to(elsewhere, target_is_directory=True)
    assert "outside the input folder" in _refusal(raw, "via/secret.txt")


def test_a_link_inside_the_folder_is_read_and_a_broken_one_refused(folders):
    raw, _ = folders
    (raw / "again.txt").symlink_to("page.txt")
    again = raw / "again.txt"
    assert read_admitted(again, admitted_path(raw, again, 1000), 1000) == PAGE.encode()
    (raw / "gone.txt").symlink_to("missing.txt")
    assert "missing" in _refusal(raw, "gone.txt")
    (raw / "loop.txt").symlink_to("loop.txt")  # a loop is a reject, not a crash
    assert "could not be examined" in _refusal(raw, "loop.txt")


def test_pipes_folders_and_large_files_are_refused_unread(folders):
    raw, _ = folders
    os.mkfifo(raw / "pipe.txt")  # opening it to read would block the build
    (raw / "folder.txt").mkdir()
    (raw / "big.txt").write_bytes(b"x" * 1001)
    assert "named pipe" in _refusal(raw, "pipe.txt")
    assert "directory" in _refusal(raw, "folder.txt")
    reason = _refusal(raw, "big.txt")
    assert "1,001 > 1,000 bytes" in reason and "CORPUS_MAX_PAGE_BYTES" in reason
    admitted = admitted_path(raw, raw / "page.txt", 1000)
    (raw / "other.txt").write_text("swapped in", encoding="utf-8")  # another inode
    os.replace(raw / "other.txt", raw / "page.txt")
    with pytest.raises(RefusedInput, match="changed while"):
        read_admitted(raw / "page.txt", admitted, 1000)


def test_every_entry_gets_a_row_and_a_refused_one_holds_no_content(folders):
    raw, elsewhere = folders
    (raw / "leak.txt").symlink_to(elsewhere / "secret.txt")
    os.mkfifo(raw / "pipe.txt")
    frame = pages_frame(list_pages(raw), 1000, raw)
    assert frame["page"].to_list() == ["leak.txt", "page.txt", "pipe.txt"]
    refused = frame.filter(pl.col("error").is_not_null())
    assert refused["page"].to_list() == ["leak.txt", "pipe.txt"]
    assert refused["text"].is_null().all() and refused["sha256"].is_null().all()
    assert SECRET not in str(frame.to_dicts())


def test_a_failed_check_is_named_without_its_parameters():
    assert check_name("greater_than_or_equal_to(1)") == "greater_than_or_equal_to(1)"
    assert check_name("isin(['aa', 'ab', " + "'xx', " * 200 + "])") == "isin(…)"


@given(st.text(min_size=1, max_size=3000), st.lists(st.text(max_size=5), max_size=400))
def test_a_failed_check_gives_a_short_reason_whatever_the_value(value: str, allowed: list[str]):
    failure = {
        "failure_case": value,
        "schema_context": "Column",
        "column": "language",
        "check": f"isin({allowed!r})",
    }
    reason = failure_reason("articles", failure)
    assert reason.startswith("articles.language failed isin(")
    assert len(reason) <= 60 + MAX_REASON_VALUE and "\n" not in reason


def test_a_second_holder_is_refused_or_waits(tmp_path: Path):
    lock = tmp_path / ".build.lock"
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    with pytest.raises(Busy) as busy, exclusive(lock, wait=False):
        pass
    assert f"pid {other.pid}" in str(busy.value)
    told: list[str] = []
    with exclusive(lock, on_wait=told.append):  # waits until the other one lets go
        pass
    assert other.wait(timeout=30) == 0
    assert told and f"pid {other.pid}" in told[0]


HOLD = """
import sys, time
from pathlib import Path
from pipelines.locks import exclusive
with exclusive(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(1.5)
"""


def test_publish_uploads_only_what_the_checksums_name(tmp_path: Path):
    out = tmp_path / "outputs"
    build_outputs(out, synthetic_tables())
    (out / "notes_to_self.txt").write_text(SECRET, encoding="utf-8")
    names = [f.name for f in checksummed_files(out)]
    assert "notes_to_self.txt" not in names and "SHA256SUMS" in names
    assert unlisted_files(out) == ["notes_to_self.txt"]
    (out / ".current" / "articles.parquet").write_bytes(b"changed after the build")
    with pytest.raises(ReleaseMismatch, match=r"articles\.parquet does not match"):
        checksummed_files(out)


class FailingHub(FakeHub):
    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def create_commit(self, repo_id, operations, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError(f"401 Unauthorized for token {self.token}")


def test_the_token_is_never_printed(tmp_path: Path, capsys, monkeypatch):
    token = "hf_abcdefghijklmnopqrstuvwxyz123456"
    monkeypatch.setenv("HF_TOKEN", token)
    out = tmp_path / "outputs"
    build_outputs(out, synthetic_tables())
    args = ["--outputs", str(out), "--repo-id", REPO, "--allow-rejects"]
    files = {"version_file": tmp_path / "VERSION", "changelog_file": tmp_path / "CHANGELOG.md"}
    files["version_file"].write_text("0.1.0\n")
    assert main(args, api_factory=FailingHub, **files) == 1
    said = capsys.readouterr()
    assert token not in said.out + said.err and "upload failed: 401" in said.err
    assert redacted("x hf_1 y hf_1", "hf_1") == "x hf_*** y hf_***"
