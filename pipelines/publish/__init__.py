"""Publish-ready release: dataset card, Frictionless and Croissant metadata, checksums, upload.

What to call, and where:

* In the release writer (`pipelines.dataset.write.write_release`), once the Parquet files,
  corpus.duckdb and any extra files are in the new release folder and before `_publish`::

      from pipelines.publish import current_version, write_release_documents

      for name in write_release_documents(folder, current_version(), comments or {}):
          files[name] = folder / name

  It reads the Parquet files in `folder` and writes README.md (the Hugging Face dataset
  card), datapackage.json, croissant.json, corpus_at_a_glance.png, CHANGELOG.md and, last,
  SHA256SUMS over every other file; it returns their names so they get published links.
  It must run last: SHA256SUMS covers whatever is in the folder when it runs.

* To upload a built release: `python -m pipelines.publish --dry-run` lists the files, then
  `HF_TOKEN=… python -m pipelines.publish [--repo-id OWNER/NAME] [--bump minor]` bumps the
  version (pipelines/publish/VERSION), rewrites the documents with it, uploads every
  published file of outputs/ in one commit, tags it `v<version>`, and records the version in
  VERSION and CHANGELOG.md. The default repo is $CORPUS_HF_REPO, else DEFAULT_REPO_ID.

The upload itself is `pipelines.publish.upload.publish` (not imported here, so that the
release writer can import this package without an import cycle).
`release_documents(tables, version, comments)` is the pure form (name -> bytes), and
`sha256sums(files)` renders a SHA256SUMS file. Nothing here uses the network, except
`publish` through the Hub client it is handed.
"""

from pipelines.publish.docs import release_documents, sha256sums, write_release_documents
from pipelines.publish.metadata import DEFAULT_REPO_ID, default_repo_id
from pipelines.publish.version import bump_version, current_version, read_version

__all__ = [
    "DEFAULT_REPO_ID",
    "bump_version",
    "current_version",
    "default_repo_id",
    "read_version",
    "release_documents",
    "sha256sums",
    "write_release_documents",
]
