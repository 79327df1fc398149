"""Pushing a built release from outputs/ to a Hugging Face dataset repo.

The Hub client is passed in (`api`), so tests use a small fake: nothing here reaches the
network unless it is handed a real `huggingface_hub.HfApi`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import polars as pl
from huggingface_hub import CommitOperationAdd

from pipelines.dataset.layout import CURRENT, SHA256SUMS, link_published
from pipelines.locks import RELEASE_LOCK, exclusive
from pipelines.publish.docs import sha256_of, write_release_documents
from pipelines.publish.metadata import ordered_tables
from pipelines.publish.version import (
    CHANGELOG_FILE,
    VERSION_FILE,
    Part,
    bump_version,
    changelog_with_entry,
    read_version,
)
from pipelines.summary import table_counts

REPO_TYPE = "dataset"


class HubApi(Protocol):
    """The part of huggingface_hub.HfApi that publishing uses."""

    def create_repo(self, repo_id: str, **kwargs: Any) -> Any: ...
    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any: ...
    def create_tag(self, repo_id: str, **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class PublishedFile:
    name: str  # the published name in outputs/ and in the repo
    path: Path  # the file it resolves to, inside the current release folder
    size: int
    sha256: str


@dataclass(frozen=True)
class PublishResult:
    repo_id: str
    version: str
    files: list[PublishedFile]
    commit: Any


def published_files(outputs: Path) -> list[PublishedFile]:
    """Every regular file reachable under a published name in outputs/, sorted by name.

    Published names are the visible entries (symlinks into .current/ after a release);
    hidden entries (.current, .releases, .gitkeep, temporaries) are internals.
    """
    files = []
    for name in published_names(outputs):
        path = (outputs / name).resolve()
        files.append(PublishedFile(name, path, path.stat().st_size, sha256_of(path)))
    return files


def published_names(outputs: Path) -> list[str]:
    """The visible names of regular files (or links to them) in outputs/, sorted."""
    return [
        entry.name
        for entry in sorted(outputs.iterdir())
        if not entry.name.startswith(".") and entry.is_file()
    ]


class ReleaseMismatch(RuntimeError):
    """The release folder does not match its SHA256SUMS: nothing is uploaded."""


def checksummed_files(outputs: Path) -> list[PublishedFile]:
    """Exactly the files the current release's SHA256SUMS names, each checked against its
    hash, and SHA256SUMS itself: what a publish uploads, whatever else lies in outputs/."""
    folder = release_folder(outputs)
    sums = folder / SHA256SUMS
    if not sums.is_file():
        raise ReleaseMismatch(f"{folder.name} has no {SHA256SUMS}: rebuild")
    files = []
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        path = folder / name
        if "/" in name or name.startswith(".") or not path.is_file() or path.is_symlink():
            raise ReleaseMismatch(f"{SHA256SUMS} names {name!r}, not a file of the release")
        if sha256_of(path) != digest:
            raise ReleaseMismatch(f"{name} does not match its hash in {SHA256SUMS}: rebuild")
        files.append(PublishedFile(name, path, path.stat().st_size, digest))
    files.append(PublishedFile(SHA256SUMS, sums, sums.stat().st_size, sha256_of(sums)))
    return sorted(files, key=lambda f: f.name)


def unlisted_files(outputs: Path, listed: Sequence[PublishedFile] | None = None) -> list[str]:
    """Visible names in outputs/ that the release's SHA256SUMS does not name (not uploaded);
    `listed` is `checksummed_files(outputs)` when the caller has it already (no rehashing)."""
    names = {f.name for f in (checksummed_files(outputs) if listed is None else listed)}
    return [name for name in published_names(outputs) if name not in names]


def format_plan(
    repo_id: str, version: str, new_version: str, files: Sequence[PublishedFile], private: bool
) -> str:
    """What a publish would do: repo, version change, and every file with size and sha256."""
    width = max((len(f.name) for f in files), default=0)
    total = sum(f.size for f in files)
    lines = [
        f"repo: {repo_id} (dataset, {'private' if private else 'public'})",
        f"version: {version} -> {new_version}",
        f"files: {len(files)} ({total:,} bytes)",
        *(f"  {f.name:<{width}}  {f.size:>12}  {f.sha256}" for f in files),
    ]
    return "\n".join(lines)


def release_folder(outputs: Path) -> Path:
    """The release folder that outputs/.current points at."""
    current = outputs / CURRENT
    if not current.is_dir():
        raise FileNotFoundError(f"{outputs} holds no release ({CURRENT} is missing): build first")
    return current.resolve()


class ReleaseHoldsRejects(RuntimeError):
    """The release holds rows or pages a build set aside; publishing needs allow_rejects."""

    def __init__(self, held: int) -> None:
        super().__init__(f"the release holds {held:,} rejects")
        self.held = held


def rejects_held(outputs: Path) -> int:
    """Rows in the release's rejects table: what a build set aside (0 when there is none)."""
    return table_counts(release_folder(outputs)).get("rejects", 0)


def release_notes(tables: Mapping[str, pl.DataFrame]) -> list[str]:
    """The generated changelog lines of a release: rows per table."""
    counts = ", ".join(f"{name} {frame.height:,}" for name, frame in tables.items())
    return [f"- Rows: {counts}."]


def publish(
    outputs: Path,
    repo_id: str,
    api: HubApi,
    *,
    bump: Part = "minor",
    private: bool = False,
    comments: Mapping[str, Mapping[str, str]],
    version_file: Path = VERSION_FILE,
    changelog_file: Path = CHANGELOG_FILE,
    released: datetime.date | None = None,
    allow_rejects: bool = False,
    announce: Callable[[list[PublishedFile], str], None] | None = None,
) -> PublishResult:
    """Bump the version, rewrite the release documents with it, upload, then record the bump.

    VERSION and CHANGELOG.md are written only after the upload succeeded, so a failed
    upload can simply be run again and gets the same version. A release holding rejects is
    refused (ReleaseHoldsRejects) unless `allow_rejects`; only the files SHA256SUMS names are
    uploaded, each checked against its hash (ReleaseMismatch); `announce(files, version)` is
    called with them before the upload starts.
    """
    # a build flipping or pruning releases meanwhile would change what is uploaded
    with exclusive(outputs / RELEASE_LOCK):
        released = released or datetime.date.today()
        folder = release_folder(outputs)
        held = rejects_held(outputs)
        if held and not allow_rejects:
            raise ReleaseHoldsRejects(held)
        version = bump_version(read_version(version_file), bump)
        parquet = {path.stem: path for path in folder.glob("*.parquet")}
        tables = {name: pl.read_parquet(parquet[name]) for name in ordered_tables(list(parquet))}
        old_changelog = (
            changelog_file.read_text(encoding="utf-8") if changelog_file.is_file() else ""
        )
        changelog = changelog_with_entry(old_changelog, version, released, release_notes(tables))
        names = write_release_documents(
            folder, version, comments, repo_id=repo_id, released=released, changelog=changelog
        )
        link_published(outputs, names)
        files = checksummed_files(outputs)
        if announce is not None:  # what is about to go up, before anything does
            announce(files, version)
        api.create_repo(repo_id, repo_type=REPO_TYPE, private=private, exist_ok=True)
        operations = [
            CommitOperationAdd(path_in_repo=f.name, path_or_fileobj=str(f.path)) for f in files
        ]
        commit = api.create_commit(
            repo_id,
            operations,
            repo_type=REPO_TYPE,
            commit_message=f"Release {version}",
            commit_description=f"Dataset version {version}, {len(files)} files; see CHANGELOG.md.",
        )
        api.create_tag(
            repo_id, tag=f"v{version}", revision=getattr(commit, "oid", None), repo_type=REPO_TYPE
        )
        version_file.write_text(f"{version}\n", encoding="utf-8")
        changelog_file.write_text(changelog, encoding="utf-8")
        return PublishResult(repo_id, version, files, commit)
