"""The dataset's version (pipelines/publish/VERSION) and its changelog (CHANGELOG.md)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Literal

VERSION_FILE = Path(__file__).with_name("VERSION")
CHANGELOG_FILE = Path(__file__).resolve().parents[2] / "CHANGELOG.md"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
UNRELEASED = re.compile(r"^## \[?Unreleased\]?[^\n]*\n(?P<body>.*?)(?=^## |\Z)", re.M | re.S)
FIRST_ENTRY = re.compile(r"^## ", re.M)
Part = Literal["major", "minor", "patch"]
PARTS: tuple[Part, ...] = ("major", "minor", "patch")


def read_version(path: Path = VERSION_FILE) -> str:
    """The last published version (0.0.0 before the first publish)."""
    version = path.read_text(encoding="utf-8").strip()
    if not SEMVER.match(version):
        raise ValueError(f"{path}: {version!r} is not MAJOR.MINOR.PATCH")
    return version


def current_version() -> str:
    """The version a release built now carries: the project's VERSION file."""
    return read_version()


def bump_version(version: str, part: Part) -> str:
    """Semantic-version bump: major.minor.patch with the lower parts reset."""
    match = SEMVER.match(version)
    if not match:
        raise ValueError(f"{version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(group) for group in match.groups())
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    if part == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown part {part!r}; expected one of {PARTS}")


def changelog_with_entry(
    changelog: str, version: str, released: datetime.date, lines: list[str]
) -> str:
    """The changelog with a new `## version — date` entry on top of the earlier ones.

    Bullets under an `## Unreleased` heading move into the new entry, followed by `lines`
    (the generated facts of the release); the Unreleased heading stays, emptied.
    """
    notes: list[str] = []
    unreleased = UNRELEASED.search(changelog)
    if unreleased:
        notes = [line for line in unreleased["body"].strip().splitlines() if line.strip()]
        changelog = (
            changelog[: unreleased.start("body")] + "\n" + changelog[unreleased.end("body") :]
        )
    entry = "\n".join([f"## {version} — {released.isoformat()}", "", *notes, *lines, "", ""])
    entries = [m.start() for m in FIRST_ENTRY.finditer(changelog)]
    if unreleased:
        later = [start for start in entries if start > unreleased.start()]
        position = later[0] if later else len(changelog)
    else:
        position = entries[0] if entries else len(changelog)
    head = changelog[:position]
    if head and not head.endswith("\n\n"):
        head = head.rstrip("\n") + "\n\n"
    return head + entry + changelog[position:]
