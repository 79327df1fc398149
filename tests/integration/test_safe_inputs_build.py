"""Tier 3: a real build over inputs that must not be read (a link out of the folder, a
broken link, a pipe, a folder, a file over the size limit) beside one seed page, then a
publish of that release: nothing of the secret anywhere, short reasons, guarded upload."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from pipelines.publish.__main__ import main
from tests.conftest import RAW_DIR, materialize_into
from tests.unit.publish_fixtures import REPO, FakeHub

SEED = "003_438df8717fa9cb3f.txt"
SECRET = "SECRET-7d1e one line that must never be published"
LIMIT = 1_000_000  # bytes; the seed page is 52 KB


@pytest.fixture(scope="module")
def guarded_build(tmp_path_factory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("guarded")
    raw, elsewhere = root / "raw", root / "elsewhere"
    raw.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    shutil.copyfile(RAW_DIR / SEED, raw / SEED)
    (raw / "a_leak.txt").symlink_to(elsewhere / "secret.txt")
    (raw / "b_gone.txt").symlink_to(raw / "missing.txt")
    (raw / "c_again.txt").symlink_to(raw / SEED)  # inside the folder: read, a duplicate
    (raw / "d_folder.txt").mkdir()
    os.mkfifo(raw / "e_pipe.txt")
    (raw / "f_large.txt").write_bytes(b"word " * (LIMIT // 5 + 1))
    (raw / "g_one_line.txt").write_text("password=hunter2 and nothing else\n", encoding="utf-8")
    out = root / "outputs"
    warnings = materialize_into(raw, out, max_page_bytes=LIMIT)  # type: ignore[arg-type]
    return out, warnings


def _reasons(out: Path) -> dict[str, str]:
    rejects = pl.read_parquet(out / "rejects.parquet")
    return {r["page"]: r["reason"] for r in rejects.iter_rows(named=True)}


def test_each_refused_input_is_a_reject_naming_it_and_why(guarded_build):
    out, warnings = guarded_build
    reasons = _reasons(out)
    assert "outside the input folder" in reasons["a_leak.txt"]
    assert "missing" in reasons["b_gone.txt"]
    assert "directory" in reasons["d_folder.txt"]
    assert "named pipe" in reasons["e_pipe.txt"]
    assert "larger than the size limit" in reasons["f_large.txt"]
    assert "c_again.txt" not in reasons  # a link inside the folder is an ordinary page
    said = "\n".join(warnings)
    for page in ("a_leak.txt", "b_gone.txt", "d_folder.txt", "e_pipe.txt", "f_large.txt"):
        assert page in said


def test_nothing_of_a_file_outside_the_folder_is_anywhere_in_the_outputs(guarded_build):
    out, _ = guarded_build
    needle = SECRET.encode()
    for path in out.rglob("*"):
        if path.is_file() and not path.is_symlink():
            assert needle not in path.read_bytes(), path
    rejects = pl.read_parquet(out / "rejects.parquet")
    refused = rejects.filter(pl.col("stage") == "read")
    assert (refused["raw_text"] == "").all()


def test_every_reason_is_short_and_names_no_rule_parameters(guarded_build):
    out, _ = guarded_build
    for page, reason in _reasons(out).items():
        assert 0 < len(reason) <= 300, page
        assert "'aa', 'ab'" not in reason and "\n" not in reason, page


def test_the_release_with_rejects_is_published_only_when_allowed_and_as_listed(
    guarded_build, capsys, monkeypatch, tmp_path
):
    out, _ = guarded_build
    files = {"version_file": tmp_path / "VERSION", "changelog_file": tmp_path / "CHANGELOG.md"}
    files["version_file"].write_text("0.1.0\n")  # the project's own files stay as they are
    token = "hf_guardedbuildtoken0123456789"
    monkeypatch.setenv("HF_TOKEN", token)
    (out / "my_notes.txt").write_text(SECRET, encoding="utf-8")  # a user's stray file
    hubs: list[FakeHub] = []

    def hub(_: str) -> FakeHub:
        hubs.append(FakeHub())
        return hubs[-1]

    args = ["--outputs", str(out), "--repo-id", REPO]
    assert main(args, api_factory=hub, **files) == 3 and not hubs  # refused before any Hub
    assert main([*args, "--allow-rejects"], api_factory=hub, **files) == 0
    said = capsys.readouterr()
    assert token not in said.out + said.err
    assert "my_notes.txt is not in the release's SHA256SUMS" in said.err
    commit = next(kw for name, kw in hubs[0].calls if name == "create_commit")
    uploaded = {op.path_in_repo for op in commit["operations"]}
    listed = {line.split("  ")[1] for line in (out / "SHA256SUMS").read_text().splitlines()}
    assert uploaded == listed | {"SHA256SUMS"} and "my_notes.txt" not in uploaded
    assert said.out.index("uploading") < said.out.index("published")
