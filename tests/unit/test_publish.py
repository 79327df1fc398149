"""Tier 1: the publish package — card, Data Package, Croissant, checksums, dry run, upload.

Every case runs on a small synthetic release written by the real release writer, and the
document checks also run on a copy of the built outputs/ when there is one. The Hub is the
one remote thing: uploads go to a minimal fake client, and `datasets` runs offline.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import frictionless
import mlcroissant as mlc
import polars as pl
import pytest
import yaml

from pipelines.dataset.describe import VIEWS, column_comments
from pipelines.dataset.layout import CHART_NAME
from pipelines.dataset.write import write_release
from pipelines.publish import (
    bump_version,
    release_documents,
    sha256sums,
    write_release_documents,
)
from pipelines.publish.__main__ import main
from pipelines.publish.card_header import SIZE_CATEGORIES, size_category
from pipelines.publish.upload import link_published, publish, published_files
from pipelines.publish.version import changelog_with_entry, read_version

ROOT = Path(__file__).resolve().parents[2]
BUILT_OUTPUTS = ROOT / "outputs"
RELEASED = datetime.date(2026, 1, 15)
VERSION = "1.2.3"
REPO = "someone/commentary-corpus-test"
TABLES = ("articles", "footnotes", "mentions", "rejects")
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
PLAN_LINE = re.compile(r"^  (?P<name>\S+)\s+(?P<size>\d+)\s+(?P<sha>[0-9a-f]{64})$")

SOURCE = pl.Struct({"page": pl.String, "first_line": pl.Int64, "last_line": pl.Int64})


def synthetic_tables(orphan_footnote: bool = False) -> dict[str, pl.DataFrame]:
    """Three articles, their notes and mentions, one reject: the contract's columns and types."""
    bodies = [
        "China and Kazakhstan signed a deal.1 The SCO met in Astana.2",
        "Russian officials visited Tashkent.",
        "The Taliban took Kabul.",
    ]
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "title": ["Roads east", "Moscow's view", "After Kabul"],
            "subtitle": ["A standfirst", None, None],
            "blog_note": ["A new piece for a paper.", None, "An older one."],
            "outlet": ["The Diplomat", "Nikkei Asia", None],
            "authors": [["Raffaello Pantucci"], ["Raffaello Pantucci", "Co Author"], ["X Y"]],
            "published_date": [datetime.date(2020, 6, 1), None, datetime.date(2021, 8, 20)],
            "archive_months": [["2020-06"], [], []],
            "tags": [["SCO"], [], []],
            "categories": [[], ["Nikkei Asia Review"], []],
            "headings": [[], [], ["Notes"]],
            "captions": [["A road. © Reuters"], [], []],
            "body": bodies,
            "author_bio": [None, "A bio.", None],
            "word_count": [len(body.split()) for body in bodies],
            "language": ["en", "en", "en"],
            "footnote_count": [2, 0, 1],
            "sources": [
                [{"page": "p1.txt", "first_line": 1, "last_line": 9}],
                [
                    {"page": "p1.txt", "first_line": 10, "last_line": 20},
                    {"page": "p2.txt", "first_line": 3, "last_line": 13},
                ],
                [{"page": "p2.txt", "first_line": 14, "last_line": 30}],
            ],
            "content_sha256": [hashlib.sha256(body.encode()).hexdigest() for body in bodies],
            "editor_note": [None, "Editor's note. — Ed.", None],
            "bullets": [[], ["One point"], []],
            "keywords": [["SCO"], [], []],
            "is_qa": [False, False, True],
            "sightings": [1, 2, 1],
            "source_similarity": [[1.0], [1.0, 0.93], [1.0]],
            "min_similarity": [1.0, 0.93, None],
        },
        schema_overrides={
            "sources": pl.List(SOURCE),
            "published_date": pl.Date,
            "editor_note": pl.String,
            "min_similarity": pl.Float64,
        },
    )
    footnotes = pl.DataFrame(
        {
            "article_id": ["a1", "a1", "zz" if orphan_footnote else "a3"],
            "note_number": [1, 2, 1],
            "text": ["See ‘Deal’, https://example.org/x.", "Ibid.", "rferl.org, accessed 1 May"],
            "urls": [["https://example.org/x"], [], []],
            "domains": [["example.org"], [], ["rferl.org"]],
            "accessed_date": [None, None, datetime.date(2022, 5, 1)],
            "cited_title": ["Deal", None, None],
            "marker_count": [1, 1, 0],
            "same_as_note": [None, 1, None],
            "markers": [[34], [58], []],
        },
        schema_overrides={
            "accessed_date": pl.Date,
            "same_as_note": pl.Int64,
            "markers": pl.List(pl.Int64),
        },
    )
    mentions = pl.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3"],
            "field": ["body", "body", "body", "body"],
            "start": [0, 10, 0, 4],
            "end": [5, 20, 7, 11],
            "surface": ["China", "Kazakhstan", "Russian", "Taliban"],
            "label": ["GPE", "GPE", "NORP", "ORG"],
            "entity": ["China", "Kazakhstan", "Russian", "Taliban"],
            "entity_id": ["Q148", "Q232", None, None],
        }
    )
    rejects = pl.DataFrame(
        {
            "page": ["p2.txt"],
            "stage": ["segment"],
            "reason": ["text after the notes"],
            "first_line": [31],
            "last_line": [33],
            "article_id": [None],
            "raw_text": ["Share this: Twitter"],
        },
        schema_overrides={"article_id": pl.String},
    )
    return {"articles": articles, "footnotes": footnotes, "mentions": mentions, "rejects": rejects}


def comments_for(tables: dict[str, pl.DataFrame]) -> dict[str, dict[str, str]]:
    """The project's descriptions of the columns these tables have (the writer needs that)."""
    return {
        table: {k: v for k, v in texts.items() if not k or k in tables[table].columns}
        for table, texts in column_comments().items()
    }


def build_outputs(outputs: Path, tables: dict[str, pl.DataFrame]) -> Path:
    """A release as the wired pipeline makes it: release writer, then the documents, linked."""
    comments = comments_for(tables)
    release = write_release(outputs, tables, comments, VIEWS)
    names = write_release_documents(
        release.folder, VERSION, comments, repo_id=REPO, released=RELEASED
    )
    link_published(outputs, names)
    return release.folder


def copy_built_release(target: Path) -> Path:
    """The built outputs/ files (tables and DuckDB only) copied into a fresh folder."""
    target.mkdir()
    for name in [*(f"{t}.parquet" for t in TABLES), "corpus.duckdb"]:
        shutil.copyfile(BUILT_OUTPUTS / name, target / name)
    write_release_documents(target, VERSION, column_comments(), repo_id=REPO, released=RELEASED)
    return target


@pytest.fixture(params=["synthetic", "built"])
def release(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A release folder with its documents: synthetic always, the built outputs if present."""
    if request.param == "synthetic":
        return build_outputs(tmp_path / "outputs", synthetic_tables())
    if not all((BUILT_OUTPUTS / f"{t}.parquet").is_file() for t in TABLES):
        pytest.skip("no built outputs/ (run scripts/build.sh)")
    return copy_built_release(tmp_path / "built")


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    out = tmp_path / "outputs"
    build_outputs(out, synthetic_tables())
    return out


def front_matter(card: str) -> dict[str, Any]:
    match = FRONT_MATTER.match(card)
    assert match, "the card does not open with a --- YAML block ---"
    return yaml.safe_load(match["yaml"])


def parquet_columns(folder: Path, table: str) -> list[str]:
    return list(pl.read_parquet_schema(folder / f"{table}.parquet"))


# --- dataset card ----------------------------------------------------------------------------


def test_card_header_has_license_sizes_tasks_and_one_config_per_table(release: Path):
    meta = front_matter((release / "README.md").read_text(encoding="utf-8"))
    assert meta["license"] == "cc-by-4.0"
    assert meta["language"] == ["en"]
    assert meta["pretty_name"]
    rows = pl.read_parquet(release / "articles.parquet").height
    assert meta["size_categories"] == [size_category(rows)]
    assert set(meta["task_categories"]) <= {"token-classification", "text-classification"}
    assert meta["tags"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    # one config per table; an empty table has none, as `datasets` cannot load it
    non_empty = [t for t in TABLES if pl.read_parquet(release / f"{t}.parquet").height]
    assert sorted(configs) == sorted(non_empty)
    for name, config in configs.items():
        paths = [entry["path"] for entry in config["data_files"]]
        assert paths == [f"{name}.parquet"]
        assert (release / paths[0]).is_file()
    assert [c["config_name"] for c in meta["configs"] if c.get("default")] == ["articles"]


def test_card_documents_every_column_and_embeds_the_chart(release: Path):
    card = (release / "README.md").read_text(encoding="utf-8")
    comments = column_comments()
    for table in TABLES:
        section = card.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0]
        for column in parquet_columns(release, table):
            row = next(line for line in section.splitlines() if line.startswith(f"| `{column}`"))
            if comments[table].get(column):
                assert comments[table][column].split("|")[0].strip()[:30] in row
    assert f"![Articles per year and per outlet]({CHART_NAME})" in card
    assert (release / CHART_NAME).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    for heading in (
        "## Motivation",
        "## Composition",
        "## Collection and processing",
        "## The corpus at a glance",
        "## Known limitations",
        "## License",
        "## How to cite",
        "## Version and changelog",
    ):
        assert heading in card
    assert f"version      = {{{VERSION}}}" in card
    assert "copyright in the article texts" in card


def test_card_counts_come_from_the_data(tmp_path: Path):
    folder = build_outputs(tmp_path / "outputs", synthetic_tables())
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "| 2020 | 1 |" in card and "| 2021 | 1 |" in card and "| unknown | 1 |" in card
    assert "| The Diplomat | 1 |" in card and "| unknown | 1 |" in card
    assert "| China | GPE | [Q148](https://www.wikidata.org/wiki/Q148) | 1 | 1 |" in card
    assert "| example.org | 1 | 1 |" in card and "| rferl.org | 1 | 1 |" in card
    assert "3 articles" in card and "3 footnotes" in card and "4 entity mentions" in card


@pytest.mark.parametrize(
    ("rows", "bucket"),
    [(0, "n<1K"), (999, "n<1K"), (1_000, "1K<n<10K"), (54_321, "10K<n<100K"), (10**13, "n>1T")],
)
def test_size_category_uses_hub_buckets(rows: int, bucket: str):
    assert size_category(rows) == bucket
    assert bucket in {label for _, label in SIZE_CATEGORIES} | {"n>1T"}


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


# --- dry run and upload ----------------------------------------------------------------------


class FakeHub:
    """Records the Hub calls publish makes; the real HfApi is never constructed in tests."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def create_repo(self, repo_id: str, **kwargs: Any) -> str:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))
        return f"https://huggingface.co/datasets/{repo_id}"

    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any:
        self.calls.append(
            ("create_commit", {"repo_id": repo_id, "operations": operations, **kwargs})
        )
        return type("CommitInfo", (), {"oid": "f" * 40})()

    def create_tag(self, repo_id: str, **kwargs: Any) -> None:
        self.calls.append(("create_tag", {"repo_id": repo_id, **kwargs}))


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


# --- loading with datasets, offline ----------------------------------------------------------


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No Hub access for `datasets`, and a private cache."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf_home"))
    import datasets
    import huggingface_hub

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    datasets.disable_progress_bars()
    return tmp_path / "hf_cache"


def test_parquet_files_load_with_datasets(release: Path, offline: Path):
    from datasets import load_dataset

    for table in TABLES:
        path = str(release / f"{table}.parquet")
        frame = pl.read_parquet(path)
        if not frame.height:
            with pytest.raises(ValueError, match="no data"):  # why empty tables get no config
                load_dataset("parquet", data_files={"train": path}, cache_dir=str(offline))
            continue
        loaded = load_dataset(
            "parquet", data_files={"train": path}, split="train", cache_dir=str(offline)
        )
        assert loaded.num_rows == frame.height
        assert loaded.column_names == frame.columns
        if frame.height:
            assert loaded[0][frame.columns[0]] == frame[frame.columns[0]][0]


def test_card_configs_load_with_datasets(tmp_path: Path, offline: Path):
    from datasets import load_dataset

    folder = build_outputs(tmp_path / "outputs", synthetic_tables())
    mentions = load_dataset(str(folder), "mentions", split="train", cache_dir=str(offline))
    assert mentions.num_rows == 4 and "entity_id" in mentions.column_names
    articles = load_dataset(str(folder), split="train", cache_dir=str(offline))  # the default
    assert articles["article_id"] == ["a1", "a2", "a3"]
