"""Tier 1: the publish command: dry run, upload to a fake Hub, version bump and changelog.

The Hub is the one remote thing: uploads go to a minimal fake client that records the calls.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.dataset.describe import column_comments
from pipelines.publish import bump_version
from pipelines.publish.__main__ import main
from pipelines.publish.upload import ReleaseHoldsRejects, publish, published_files
from pipelines.publish.version import changelog_with_entry, read_version
from tests.unit.publish_fixtures import (
    RELEASED,
    REPO,
    ROOT,
    FakeHub,
    build_outputs,
    synthetic_tables,
)

PLAN_LINE = re.compile(r"^  (?P<name>\S+)\s+(?P<size>\d+)\s+(?P<sha>[0-9a-f]{64})$")


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    out = tmp_path / "outputs"
    build_outputs(out, synthetic_tables())
    return out


# --- dry run and upload ----------------------------------------------------------------------


def no_hub(token: str) -> FakeHub:
    raise AssertionError("a dry run or a refused run must not create a Hub client")


def visible_files(outputs: Path) -> dict[str, Path]:
    return {p.name: p for p in outputs.iterdir() if not p.name.startswith(".") and p.is_file()}


def test_dry_run_lists_exactly_the_published_files_and_uploads_nothing(
    outputs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    before = {p: p.stat().st_mtime_ns for p in outputs.rglob("*") if p.is_file()}
    version = read_version()
    code = main(["--dry-run", "--outputs", str(outputs), "--repo-id", REPO], api_factory=no_hub)
    out = capsys.readouterr().out
    assert code == 0
    listed = {m["name"]: m for m in map(PLAN_LINE.match, out.splitlines()) if m}
    expected = visible_files(outputs)
    assert set(listed) == set(expected)
    assert {"README.md", "SHA256SUMS", "corpus.duckdb", "articles.parquet"} <= set(listed)
    for name, match in listed.items():
        data = expected[name].read_bytes()
        assert int(match["size"]) == len(data)
        assert match["sha"] == hashlib.sha256(data).hexdigest()
    assert REPO in out and f"{version} -> {bump_version(version, 'minor')}" in out
    assert before == {p: p.stat().st_mtime_ns for p in outputs.rglob("*") if p.is_file()}
    assert read_version() == version


def test_published_files_skip_release_internals(outputs: Path):
    names = [f.name for f in published_files(outputs)]
    assert names == sorted(visible_files(outputs))
    assert not any(name.startswith(".") for name in names)


def test_dry_run_as_a_module(outputs: Path):
    run = subprocess.run(
        [sys.executable, "-m", "pipelines.publish", "--dry-run", "--outputs", str(outputs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "CORPUS_HF_REPO": REPO},
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert f"repo: {REPO}" in run.stdout and "SHA256SUMS" in run.stdout


def test_upload_without_token_exits_2(
    outputs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("HF_TOKEN", raising=False)
    assert main(["--outputs", str(outputs), "--repo-id", REPO], api_factory=no_hub) == 2
    assert "HF_TOKEN" in capsys.readouterr().err


def test_a_release_with_rejects_is_refused_unless_allowed(
    outputs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    args = ["--outputs", str(outputs), "--repo-id", REPO]
    assert main(args, api_factory=no_hub) == 3
    err = capsys.readouterr().err
    assert "1 rejects" in err and "--allow-rejects" in err and "hf_not_a_real_token" not in err
    with pytest.raises(ReleaseHoldsRejects):
        publish(outputs, REPO, FakeHub(), comments=column_comments())
    # a dry run still lists the files, and says a real run would be refused
    assert main([*args, "--dry-run"], api_factory=no_hub) == 0
    assert "--allow-rejects" in capsys.readouterr().err


def test_publish_bumps_rewrites_uploads_tags_and_records(outputs: Path, tmp_path: Path):
    version_file = tmp_path / "VERSION"
    version_file.write_text("0.3.1\n")
    changelog_file = tmp_path / "CHANGELOG.md"
    changelog_file.write_text("# Changelog\n\nIntro.\n\n## Unreleased\n\n- Added rejects.\n")
    hub = FakeHub()
    result = publish(
        outputs,
        REPO,
        hub,
        bump="minor",
        comments=column_comments(),
        version_file=version_file,
        changelog_file=changelog_file,
        released=RELEASED,
        allow_rejects=True,  # the synthetic release holds one reject
    )
    assert result.version == "0.4.0"
    assert [name for name, _ in hub.calls] == ["create_repo", "create_commit", "create_tag"]
    repo_call, commit_call, tag_call = (kwargs for _, kwargs in hub.calls)
    assert repo_call == {
        "repo_id": REPO,
        "repo_type": "dataset",
        "private": False,
        "exist_ok": True,
    }
    uploaded = {op.path_in_repo: Path(op.path_or_fileobj) for op in commit_call["operations"]}
    assert set(uploaded) == set(visible_files(outputs))
    for name, path in uploaded.items():
        assert path.read_bytes() == (outputs / name).read_bytes()
    assert commit_call["repo_type"] == "dataset" and "0.4.0" in commit_call["commit_message"]
    assert tag_call == {
        "repo_id": REPO,
        "tag": "v0.4.0",
        "revision": "f" * 40,
        "repo_type": "dataset",
    }
    # the bump is written back: VERSION, CHANGELOG.md, and the documents uploaded
    assert version_file.read_text() == "0.4.0\n"
    changelog = changelog_file.read_text()
    assert changelog.index("## Unreleased") < changelog.index("## 0.4.0 — 2026-01-15")
    entry = changelog.split("## 0.4.0 — 2026-01-15", 1)[1]
    assert "- Added rejects." in entry and "articles 3, footnotes 3, mentions 4, rejects 1" in entry
    assert (outputs / "CHANGELOG.md").read_text() == changelog
    card = (outputs / "README.md").read_text()
    assert "version **0.4.0**" in card and "version      = {0.4.0}" in card
    assert json.loads((outputs / "datapackage.json").read_text())["version"] == "0.4.0"
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=outputs, capture_output=True)
    assert check.returncode == 0


# --- versions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "expected"), [("major", "2.0.0"), ("minor", "1.3.0"), ("patch", "1.2.4")]
)
def test_bump_version(part: str, expected: str):
    assert bump_version("1.2.3", part) == expected  # type: ignore[arg-type]


def test_bump_rejects_a_malformed_version():
    with pytest.raises(ValueError):
        bump_version("1.2", "patch")


def test_changelog_entry_goes_above_earlier_entries():
    text = "# Changelog\n\nIntro.\n\n## 0.1.0 — 2025-01-01\n\n- First.\n"
    new = changelog_with_entry(text, "0.2.0", RELEASED, ["- Rows: articles 3."])
    assert new == (
        "# Changelog\n\nIntro.\n\n## 0.2.0 — 2026-01-15\n\n- Rows: articles 3.\n\n"
        "## 0.1.0 — 2025-01-01\n\n- First.\n"
    )


def test_project_version_file_is_semver():
    assert re.fullmatch(r"\d+\.\d+\.\d+", read_version())
