"""Publish-ready release: dataset card, Frictionless and Croissant metadata, checksums, upload.

What to call, and where:

* The pipeline's `dataset` asset hands `documents_step(comments, repo_id=…)` to the release
  writer (`pipelines.dataset.write.write_release(..., documents=...)`), which calls it once the
  Parquet files and corpus.duckdb are in the new release folder and before the flip. It
  renders README.md (the Hugging Face dataset card), datapackage.json, croissant.json,
  corpus_at_a_glance.png and CHANGELOG.md from the tables in memory and the written files'
  sizes and hashes, then, last, SHA256SUMS over every other file; it returns their names so
  they get published links.

* To upload a built release: `python -m pipelines.publish --dry-run` lists the files, then
  `HF_TOKEN=… python -m pipelines.publish [--repo-id OWNER/NAME] [--bump minor]` bumps the
  version (pipelines/publish/VERSION), rewrites the documents with it, uploads every
  published file of outputs/ in one commit, tags it `v<version>`, and records the version in
  VERSION and CHANGELOG.md. Outputs folder and default repo come from the same settings as
  the pipeline's (`pipelines.resources.CorpusSettings`: $CORPUS_OUTPUTS_DIR, $CORPUS_HF_REPO).

Imports run one way: publish reads the release layout from `pipelines.dataset.layout`; the
release writer never imports publish. `release_documents(tables, version, comments)` is the
pure form (name -> bytes), and `sha256sums(files)` renders a SHA256SUMS file. Nothing here
uses the network, except `publish` through the Hub client it is handed.
"""

from pipelines.publish.docs import (
    documents_step,
    release_documents,
    sha256sums,
    write_release_documents,
)
from pipelines.publish.version import bump_version, current_version, read_version

__all__ = [
    "bump_version",
    "current_version",
    "documents_step",
    "read_version",
    "release_documents",
    "sha256sums",
    "write_release_documents",
]
