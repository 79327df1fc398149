"""Tier 1: the Frictionless Data Package, the Croissant document and the SHA256SUMS file.

Each check runs on the synthetic release and on a copy of the built outputs/ when there is one.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import frictionless
import mlcroissant as mlc
import polars as pl

from pipelines.dataset.describe import VIEWS
from pipelines.dataset.layout import CHART_NAME
from pipelines.dataset.write import write_release
from pipelines.publish import release_documents, sha256sums
from tests.unit.publish_fixtures import (
    RELEASED,
    TABLES,
    VERSION,
    build_outputs,
    comments_for,
    parquet_columns,
    synthetic_tables,
)

# --- Frictionless Data Package -------------------------------------------------------------


def test_datapackage_passes_frictionless_validation(release: Path):
    report = frictionless.validate(release / "datapackage.json")
    assert report.valid, report.flatten(["title", "message"])[:10]


def test_datapackage_describes_every_column_key_and_hash(release: Path):
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == VERSION
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    resources = {r["name"]: r for r in package["resources"]}
    assert sorted(resources) == sorted(TABLES)
    for name, resource in resources.items():
        assert resource["path"] == f"{name}.parquet" and resource["format"] == "parquet"
        digest = hashlib.sha256((release / resource["path"]).read_bytes()).hexdigest()
        assert resource["hash"] == f"sha256:{digest}"
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == parquet_columns(release, name)
        types = {f["name"]: f["type"] for f in fields}
        assert types["article_id"] == "string"
    articles = {f["name"]: f for f in resources["articles"]["schema"]["fields"]}
    assert articles["word_count"]["type"] == "integer"
    assert articles["published_date"]["type"] == "date"
    assert articles["authors"]["x-datatype"] == "list<string>"
    assert articles["sources"]["x-datatype"].startswith("list<struct<page: string")
    assert resources["articles"]["schema"]["primaryKey"] == ["article_id"]
    assert resources["footnotes"]["schema"]["primaryKey"] == ["article_id", "note_number"]
    for child in ("footnotes", "mentions"):
        (key,) = resources[child]["schema"]["foreignKeys"]
        assert key == {
            "fields": ["article_id"],
            "reference": {"resource": "articles", "fields": ["article_id"]},
        }


def test_frictionless_catches_a_footnote_of_no_article(tmp_path: Path):
    folder = build_outputs(tmp_path / "outputs", synthetic_tables(orphan_footnote=True))
    report = frictionless.validate(folder / "datapackage.json")
    assert not report.valid
    assert {error.type for error in report.tasks[1].errors} == {"foreign-key"}


# --- Croissant -------------------------------------------------------------------------------


def test_croissant_loads_without_issues_and_yields_every_record(release: Path):
    dataset = mlc.Dataset(jsonld=release / "croissant.json")
    assert not dataset.metadata.ctx.issues.errors
    assert not dataset.metadata.ctx.issues.warnings
    assert dataset.metadata.version == VERSION
    for table in TABLES:
        frame = pl.read_parquet(release / f"{table}.parquet")
        records = list(dataset.records(record_set=table))
        assert len(records) == frame.height
        if table == "articles":
            first = records[0]
            assert first["articles/article_id"].decode() == frame["article_id"][0]
            assert [a.decode() for a in first["articles/authors"]] == frame["authors"][0].to_list()
            page = first["articles/sources"][0]["articles/sources/page"]
            assert page.decode() == frame["sources"][0][0]["page"]


def test_croissant_lists_each_parquet_file_with_its_sha256(release: Path):
    document = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    assert document["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert VERSION in document["citeAs"] and document["version"] == VERSION
    files = {f["contentUrl"]: f for f in document["distribution"]}
    assert sorted(files) == sorted(f"{t}.parquet" for t in TABLES)
    for name, entry in files.items():
        data = (release / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["contentSize"] == f"{len(data)} B"
    fields = {rs["name"]: [f["name"] for f in rs["field"]] for rs in document["recordSet"]}
    for table in TABLES:
        assert fields[table] == parquet_columns(release, table)


# --- checksums -------------------------------------------------------------------------------


def test_sha256sums_covers_every_other_file_and_verifies(release: Path):
    listed = {}
    for line in (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    on_disk = {p.name for p in release.iterdir() if p.is_file() and p.name != "SHA256SUMS"}
    assert set(listed) == on_disk
    assert list(listed) == sorted(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest
    if shutil.which("sha256sum"):
        check = subprocess.run(
            ["sha256sum", "--check", "--strict", "SHA256SUMS"],
            cwd=release,
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_sha256sums_format_sorted_by_name(tmp_path: Path):
    (tmp_path / "b.bin").write_bytes(b"bee")
    text = sha256sums({"b.bin": tmp_path / "b.bin", "a.txt": b"ay"}).decode()
    assert text == (
        f"{hashlib.sha256(b'ay').hexdigest()}  a.txt\n{hashlib.sha256(b'bee').hexdigest()}  b.bin\n"
    )


def test_release_documents_without_files_hash_what_the_writer_writes(tmp_path: Path):
    """The pure form serialises the tables itself; its hashes match the release writer's."""
    tables = synthetic_tables()
    documents = release_documents(tables, VERSION, comments_for(tables), released=RELEASED)
    assert set(documents) == {"README.md", "datapackage.json", "croissant.json", CHART_NAME}
    release = write_release(tmp_path / "outputs", tables, comments_for(tables), VIEWS)
    croissant = json.loads(documents["croissant.json"])
    for entry in croissant["distribution"]:
        written = (release.folder / entry["contentUrl"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(written).hexdigest()
