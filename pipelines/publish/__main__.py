"""python -m pipelines.publish: upload the built release in outputs/ to the Hugging Face Hub.

    python -m pipelines.publish --dry-run          # list what would be uploaded, touch nothing
    HF_TOKEN=… python -m pipelines.publish --bump minor --repo-id OWNER/NAME

Exit codes: 0 done; 1 no release to publish, a file that does not match SHA256SUMS, or a
failed upload; 2 usage error or no HF_TOKEN; 3 the release holds rejects (rows or pages a
build set aside) and --allow-rejects was not given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pipelines.publish.metadata import TOKEN_ENV
from pipelines.publish.upload import (
    HubApi,
    PublishedFile,
    ReleaseHoldsRejects,
    ReleaseMismatch,
    checksummed_files,
    format_plan,
    publish,
    rejects_held,
    release_folder,
    unlisted_files,
)
from pipelines.publish.version import (
    CHANGELOG_FILE,
    PARTS,
    VERSION_FILE,
    bump_version,
    read_version,
)
from pipelines.resources import ENV_VARS, settings_from_environment

EXIT_REJECTS = 3


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.publish",
        description="Upload the release in outputs/ to a Hugging Face dataset repo, after "
        "bumping the dataset version (pipelines/publish/VERSION, CHANGELOG.md, the card).",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print the repo, the version and every file with size and sha256; upload and "
        "write nothing",
    )
    parser.add_argument(
        "--repo-id",
        default=None,
        help=f"OWNER/NAME of the dataset repo (default: ${ENV_VARS['hf_repo']}, else the "
        "settings' default)",
    )
    parser.add_argument(
        "--outputs",
        type=Path,
        default=None,
        help=f"the built outputs folder (default: ${ENV_VARS['outputs_dir']} or outputs/)",
    )
    parser.add_argument(
        "--bump", choices=PARTS, default="minor", help="which version part to bump (minor)"
    )
    parser.add_argument("--private", action="store_true", help="create the repo as private")
    parser.add_argument(
        "--allow-rejects",
        action="store_true",
        help="publish even though the build set rows or pages aside (they are in "
        "rejects.parquet, which is published with the release)",
    )
    return parser.parse_args(argv)


def _hf_api(token: str) -> HubApi:
    from huggingface_hub import HfApi

    return HfApi(token=token)


def main(
    argv: Sequence[str] | None = None,
    api_factory: Callable[[str], HubApi] = _hf_api,
    version_file: Path = VERSION_FILE,
    changelog_file: Path = CHANGELOG_FILE,
) -> int:
    """Run the command line; `api_factory(token)` makes the Hub client, and the version and
    changelog files are the project's (tests pass a fake Hub and copies)."""
    args = parse_args(argv)
    settings = settings_from_environment()  # the same object the pipeline's runs use
    outputs = (args.outputs or settings.outputs_path()).resolve()
    repo_id = args.repo_id or settings.hf_repo
    if repo_id.count("/") != 1:
        print(f"error: --repo-id must be OWNER/NAME, got {repo_id!r}", file=sys.stderr)
        return 2
    token = os.environ.get(TOKEN_ENV)
    if not args.dry_run and not token:
        print(
            f"error: set {TOKEN_ENV} to a Hugging Face token with write access to {repo_id} "
            "(https://huggingface.co/settings/tokens), or use --dry-run",
            file=sys.stderr,
        )
        return 2
    try:
        release_folder(outputs)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    version = read_version(version_file)
    new_version = bump_version(version, args.bump)
    held = rejects_held(outputs)
    refused = held > 0 and not args.allow_rejects
    if refused:
        print(
            f"{'note' if args.dry_run else 'error'}: the release holds {held:,} rejects (rows or "
            f"pages the build set aside; see {outputs / 'rejects.parquet'}). Mend the input and "
            "rebuild, or publish them as they are with --allow-rejects.",
            file=sys.stderr,
        )
    if refused and not args.dry_run:
        return EXIT_REJECTS
    try:
        listed = checksummed_files(outputs)
    except ReleaseMismatch as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name in unlisted_files(outputs, listed):
        print(f"note: {name} is not in the release's SHA256SUMS: not uploaded", file=sys.stderr)
    if args.dry_run:
        print(format_plan(repo_id, version, new_version, listed, args.private))
        print(
            "dry run: nothing uploaded, nothing written. A real run first rewrites README.md, "
            "datapackage.json, croissant.json, the chart, CHANGELOG.md and SHA256SUMS for "
            f"version {new_version}, so their sizes and hashes will differ."
        )
        return 0
    assert token  # checked above
    from pipelines.dataset.describe import column_comments

    def announce(files: list[PublishedFile], bumped: str) -> None:
        print(format_plan(repo_id, version, bumped, files, args.private))
        print("uploading …", flush=True)

    try:
        result = publish(
            outputs,
            repo_id,
            api_factory(token),
            bump=args.bump,
            private=args.private,
            comments=column_comments(),
            allow_rejects=args.allow_rejects,
            announce=announce,
            version_file=version_file,
            changelog_file=changelog_file,
        )
    except ReleaseMismatch as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ReleaseHoldsRejects as held:  # rebuilt with rejects since the check above
        print(f"error: {held}; publish them with --allow-rejects", file=sys.stderr)
        return EXIT_REJECTS
    except Exception as error:  # the Hub's errors: said without the token, whatever they hold
        print(f"error: upload failed: {redacted(str(error), token)}", file=sys.stderr)
        return 1
    print(f"published {repo_id} version {result.version} (tag v{result.version})")
    return 0


def redacted(text: str, secret: str) -> str:
    """`text` with every occurrence of `secret` masked."""
    return text.replace(secret, "hf_***") if secret else text


if __name__ == "__main__":
    sys.exit(main())
