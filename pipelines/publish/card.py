"""The Hugging Face dataset card (README.md): YAML header plus a datasheet for the dataset.

Every number in the card is computed from the tables; the prose around the numbers is fixed.
The header and citation are in `card_header`, the generated tables in `card_sections`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import polars as pl
import yaml

from pipelines.dataset.describe import VIEWS
from pipelines.dataset.layout import CHART_NAME
from pipelines.publish.card_context import (
    authors_phrase,
    authorship,
    sensitive_section,
    source_section,
)
from pipelines.publish.card_header import bibtex, card_metadata
from pipelines.publish.card_quality import load_quality, quality_section
from pipelines.publish.card_records import example_block
from pipelines.publish.card_sections import (
    count,
    glance_section,
    language_names,
    md_table,
    share,
    table_section,
)
from pipelines.publish.metadata import (
    CURATOR_CONTACT,
    LICENSE_ID,
    LICENSE_TITLE,
    LICENSE_URL,
    PRETTY_NAME,
    SUMMARY,
    dataset_url,
)
from schemas.catalog import row_meaning

OTHER_FILES = (
    ("corpus.duckdb", "the same tables in one DuckDB database, with column comments and views"),
    ("datapackage.json", "Frictionless Data Package: table schemas, keys and hashes"),
    ("croissant.json", "MLCommons Croissant 1.0 metadata (JSON-LD)"),
    (CHART_NAME, "the chart in 'The corpus at a glance'"),
    ("CHANGELOG.md", "what changed in each version"),
    ("SHA256SUMS", "checksums of every other file: `sha256sum -c SHA256SUMS`"),
)


def dataset_card(
    tables: Mapping[str, pl.DataFrame],
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    repo_id: str,
    released: datetime.date,
    other_files: Sequence[str] | None = None,
    quality: Mapping[str, object] | None = None,
) -> str:
    """README.md for the Hub: YAML header, then the datasheet (Gebru et al.) as markdown.

    `other_files` names the non-table files of the release, to list only those that exist;
    `quality` is the mention quality figures, by default the committed figures file.
    """
    header = yaml.safe_dump(card_metadata(tables), sort_keys=False, allow_unicode=True, width=1000)
    articles = tables.get("articles")
    footnotes = tables.get("footnotes")
    mentions = tables.get("mentions")
    rejects = tables.get("rejects")
    n_articles = articles.height if articles is not None else 0
    n_footnotes = footnotes.height if footnotes is not None else 0
    n_mentions = mentions.height if mentions is not None else 0
    n_rejects = rejects.height if rejects is not None else 0
    n_outlets = count(articles, pl.col("outlet").drop_nulls().n_unique())
    authors = authors_phrase(authorship(tables))
    n_dated = count(articles, pl.col("published_date").is_not_null().sum())
    n_no_outlet = count(articles, pl.col("outlet").is_null().sum())
    n_words = count(articles, pl.col("word_count").sum())
    n_pages = count(articles, pl.col("sources").explode().struct.field("page").n_unique())
    n_sightings = count(articles, pl.col("sources").list.len().sum())
    n_linked = count(mentions, pl.col("entity_id").is_not_null().sum())
    n_entities = count(mentions, pl.col("entity").n_unique())
    n_with_urls = count(footnotes, (pl.col("urls").list.len() > 0).sum())
    n_cited_articles = count(footnotes, pl.col("article_id").n_unique())
    languages = card_metadata(tables)["language"]
    rejects_by_stage = (
        rejects.group_by("stage").len().sort("stage").rows()
        if rejects is not None and "stage" in rejects.columns
        else []
    )
    url = dataset_url(repo_id)
    empty = [name for name, frame in tables.items() if not frame.height]
    overview_rows = [
        (f"`{name}`", row_meaning(name), f"{frame.height:,}", f"`{name}.parquet`")
        for name, frame in tables.items()
    ]
    file_rows = [(f"`{name}.parquet`", f"the `{name}` table") for name in tables]
    file_rows += [
        (f"`{name}`", text)
        for name, text in OTHER_FILES
        if other_files is None or name in other_files
    ]
    body = [
        f"# {PRETTY_NAME}",
        "",
        SUMMARY,
        "",
        f"Version **{version}** ({released.isoformat()}): {n_articles:,} articles "
        f"({n_words:,} words) from {n_outlets:,} outlets by {authors}, "
        f"{n_footnotes:,} footnotes and {n_mentions:,} entity mentions of {n_entities:,} "
        f"distinct entities. Data license: {LICENSE_TITLE} (see [License](#license) for the "
        "article texts).",
        "",
        "```python",
        "from datasets import load_dataset",
        "",
        f'articles = load_dataset("{repo_id}", "articles", split="train")',
        f'mentions = load_dataset("{repo_id}", "mentions", split="train")',
        "```",
        "",
        "Or query every table at once with DuckDB: "
        '`duckdb corpus.duckdb -c "FROM article_overview"` (views '
        + ", ".join(f"`{view}`" for view in VIEWS)
        + "; every column has a comment). Full-text search ranks articles by BM25 over "
        "title, subtitle and body: `FROM search_articles('Uyghur')` gives `article_id`, "
        "`title`, `outlet` and `score`, once DuckDB 1.5's `fts` extension is loaded "
        "(`LOAD fts`; offline, from the `duckdb-extension-fts` wheel).",
        "",
        "## Motivation",
        "",
        "The analyst's commentary is scattered over newspapers, magazines, think-tank "
        "series and journals; his blog republishes it, but as web pages, with each post "
        "repeated on tag, category and month pages. This dataset turns that archive into "
        "one clean, citable corpus so that researchers can study how China's role in "
        "Central Asia, the Shanghai Cooperation Organisation and counter-terrorism are "
        "discussed over time and across outlets, trace the sources the writing relies on "
        "(footnotes with URLs and cited works), and work with the people, places and "
        "organisations it names (entity mentions with character offsets and Wikidata ids).",
        "",
        "It was built by the commentary-corpus project with an open pipeline; it is not "
        "affiliated with the author or the outlets. Intended uses: close and distant "
        "reading, citation and source analysis, entity-centred search, and teaching or "
        "testing text-processing methods on a small, fully traceable corpus. It is not "
        "meant for profiling individuals, and its entity labels are machine-made, so it is "
        "not a gold standard for named-entity recognition.",
        "",
        f"Curator: {CURATOR_CONTACT}. Questions, corrections and removal requests go to the "
        f"curator or to a discussion on [the dataset repository]({url}).",
        "",
        "## Composition",
        "",
        md_table(["table", "one row per", "rows", "file"], overview_rows),
        "",
        f"Language of the articles (`articles.language`): {language_names(languages)}. "
        "Mentions and "
        "footnotes point at their article through `article_id`; a mention's `start`/`end` "
        "index the named field of the article (`text[start:end] == surface`; captions are "
        "joined by a newline first). Lists are Parquet lists; dates are dates.",
        "",
        *(
            [
                ", ".join(f"`{name}`" for name in empty)
                + (" is" if len(empty) == 1 else " are")
                + " empty in this version, so without a `datasets` config (the `datasets` "
                "library cannot load a Parquet file with no rows); the Parquet files are "
                "published all the same, and the tables are in corpus.duckdb.",
                "",
            ]
            if empty
            else []
        ),
        *(
            line
            for name, frame in tables.items()
            for line in (
                table_section(name, frame, comments.get(name, {})),
                "",
                example_block(name, frame),
                "",
            )
        ),
        source_section(tables),
        "",
        "## Collection and processing",
        "",
        f"From the {n_pages:,} dumps, the pipeline, written with Dagster, polars and DuckDB:",
        "",
        "1. decodes each page and reads its header line (tag, category or month archive);",
        "2. cuts the page into posts, choosing the set of post starts that the evidence "
        "on the page best supports (headline shape, front matter or body after it, the "
        "blogger's voice or the end of a post before it), and each post into its parts: "
        "the blogger's own introduction, the original article's address (`url`), title, "
        "standfirst, bylines and datelines, captions, body, author bio and numbered "
        "notes, rejoining hard-wrapped lines. Posts that are only a note (a talk, a media "
        "appearance, a quote, with no article under it) are not articles: they are kept "
        "in `rejects` with a reason of their own;",
        f"3. merges the {n_sightings:,} sightings of posts across pages into {n_articles:,} "
        "distinct articles (exact hash of the normalised body, then MinHash/LSH "
        "near-duplicates), keeping every page and line span in `articles.sources`;",
        "4. splits the notes into one row per footnote, with URLs, registered domains "
        "(public-suffix list bundled with the pipeline), access dates, cited titles and "
        "the places in the body that cite them;",
        "5. finds entity mentions with a curated knowledge base of names and Wikidata ids "
        "plus spaCy's small English model, with OntoNotes labels;",
        "6. validates every table against pandera schemas and integrity checks "
        "(referential integrity, `text[start:end] == surface`) before the release is "
        "written, atomically, as Parquet and DuckDB.",
        "",
        f"Whatever a stage could not use is kept in `rejects` ({n_rejects:,} rows"
        + (
            ": " + ", ".join(f"{stage} {count:,}" for stage, count in rejects_by_stage)
            if rejects_by_stage
            else ""
        )
        + ") with its page, line span, reason and raw text. No text was written or "
        "edited by hand.",
        "",
        quality_section(tables, load_quality() if quality is None else quality),
        "",
        glance_section(tables),
        "",
        sensitive_section(tables),
        "",
        "## Known limitations",
        "",
        f"- `published_date` is filled only where the post states it: "
        f"{share(n_dated, n_articles)} articles. Month pages give `archive_months`, which "
        "is when the blogger posted, not when the outlet published.",
        f"- `outlet` is unknown for {share(n_no_outlet, n_articles)} articles.",
        "- The text comes from plain-text dumps of web pages: italics, links inside the "
        "body, tables and images are lost (captions are kept), and rare layout mistakes "
        "can put a sentence in the wrong part of a post.",
        f"- Entity mentions are machine-generated (knowledge base plus a small statistical "
        f"model): expect missed and wrong spans. {share(n_linked, n_mentions)} mentions "
        "carry a Wikidata id (see [Mention quality](#mention-quality)).",
        f"- {share(n_with_urls, n_footnotes)} footnotes have a URL; many cited pages may "
        f"have moved or disappeared since. Footnotes come from {n_cited_articles:,} articles.",
        "- The corpus is one analyst's writing (with co-authors) on a few topics: it says "
        "nothing representative about its outlets or about the regions it covers.",
        "",
        "## License",
        "",
        f"The dataset — its structure, extracted fields, annotations, metadata and "
        f"documents — is released under [{LICENSE_TITLE}]({LICENSE_URL}) "
        f"(`{LICENSE_ID}`). The copyright in the article texts, titles, standfirsts, "
        "captions, bios and notes stays with their authors and the original outlets; "
        "they are included so the dataset can be used for research (scholarship, text "
        "and data mining). Quote them as you would quote the originals, cite the original "
        "articles, and clear any reuse beyond that with the rights holders. To ask for an "
        f"article to be removed, write to the curator ({CURATOR_CONTACT}) or open a "
        f"discussion on [the dataset repository]({url}).",
        "",
        "## How to cite",
        "",
        "```bibtex",
        bibtex(version, repo_id, released),
        "```",
        "",
        "When you quote an article, please also cite it (author, outlet, date).",
        "",
        "## Version and changelog",
        "",
        f"This is version **{version}**, released {released.isoformat()}. Versions follow "
        "semantic versioning: major when a column of the contract is renamed, removed or "
        "changes meaning; minor for new articles, columns or tables; patch for fixes. "
        "What changed in each version: [CHANGELOG.md](CHANGELOG.md). Each published "
        f"version is tagged `v{version}` in the dataset repository, so "
        f'`load_dataset("{repo_id}", "articles", revision="v{version}")` loads exactly '
        "this version.",
        "",
        "## Files",
        "",
        md_table(["file", "contents"], file_rows),
        "",
    ]
    return f"---\n{header}---\n\n" + "\n".join(body)
