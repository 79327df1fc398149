"""The dataset card's context sections: who wrote the corpus, where it comes from (the blog and
its dumps) and what personal and sensitive information it holds, computed from the tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from pipelines.publish.card_sections import md_table, share
from pipelines.publish.metadata import CURATOR_CONTACT, SOURCE_SITE

TERROR_PATTERN = r"(?i)\bterror"  # terrorism, terrorist, counter-terrorism, terror threat
TOP_PEOPLE = 8
TOP_GROUPS = 10
NO_DATE = "—"


@dataclass(frozen=True)
class Authorship:
    analyst: str | None  # the most frequent author: the blogger
    analyst_articles: int
    articles: int
    coauthors: int


def authorship(tables: Mapping[str, pl.DataFrame]) -> Authorship:
    """The analyst (most frequent author, ties by name) and how many others co-wrote."""
    articles = tables.get("articles")
    if articles is None or "authors" not in articles.columns:
        return Authorship(None, 0, 0, 0)
    counts = (
        articles.select(pl.col("authors").explode().drop_nulls().alias("author"))
        .group_by("author")
        .len()
        .sort(["len", "author"], descending=[True, False])
    )
    if not counts.height:
        return Authorship(None, 0, articles.height, 0)
    analyst, n = counts.row(0)
    return Authorship(analyst, int(n), articles.height, counts.height - 1)


def authors_phrase(who: Authorship) -> str:
    """'one analyst and 4 co-authors': the blogger and the others, never 'five authors'."""
    if who.analyst is None:
        return "no named author"
    if not who.coauthors:
        return "one analyst"
    return f"one analyst and {who.coauthors:,} co-author" + ("s" if who.coauthors > 1 else "")


def _newest(values: pl.Expr) -> pl.Expr:
    return values.max().dt.to_string("%Y-%m-%d")


PAGE_DATES_SCHEMA = {
    "page": pl.String,
    "posts": pl.Int64,
    "newest_published": pl.Date,
    "newest_accessed": pl.Date,
    "newest_month": pl.String,
}


def page_dates(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """page, posts, and the newest date each page shows: a post's stated publication date, a
    footnote's access date, a month page's archive month."""
    articles = tables.get("articles")
    if articles is None or "sources" not in articles.columns:
        return pl.DataFrame(schema=PAGE_DATES_SCHEMA)
    sightings = articles.explode("sources").select(
        pl.col("sources").struct.field("page").alias("page"),
        "article_id",
        "published_date",
        pl.col("archive_months").list.max().alias("month"),
    )
    footnotes = tables.get("footnotes")
    if footnotes is not None and "accessed_date" in footnotes.columns:
        accessed = footnotes.group_by("article_id").agg(pl.col("accessed_date").max())
        sightings = sightings.join(accessed, on="article_id", how="left")
    else:
        sightings = sightings.with_columns(accessed_date=pl.lit(None, pl.Date))
    return (
        sightings.group_by("page")
        .agg(
            pl.len().cast(pl.Int64).alias("posts"),
            _newest(pl.col("published_date")).alias("newest_published"),
            _newest(pl.col("accessed_date")).alias("newest_accessed"),
            pl.col("month").max().alias("newest_month"),
        )
        .sort("page")
    )


def _bio_with_site(tables: Mapping[str, pl.DataFrame]) -> str | None:
    """The title of the first article (by id) whose author bio prints the analyst's site."""
    articles = tables.get("articles")
    if articles is None or "author_bio" not in articles.columns:
        return None
    found = articles.filter(pl.col("author_bio").str.contains(SOURCE_SITE, literal=True))
    return found.sort("article_id")["title"][0] if found.height else None


def source_section(tables: Mapping[str, pl.DataFrame]) -> str:
    """Where the texts come from: the analyst's blog, and what each dump shows of its date."""
    who = authorship(tables)
    pages = page_dates(tables)
    bio = _bio_with_site(tables)
    rows = [
        (f"`{row['page']}`", row["posts"], *(row[c] or NO_DATE for c in list(row)[2:]))
        for row in pages.iter_rows(named=True)
    ]
    dated = [d for c in ("newest_published", "newest_accessed") for d in pages[c].drop_nulls()]
    lines = [
        "## Source data",
        "",
        f"The source is the WordPress blog of one analyst, {who.analyst or 'unnamed'}: he "
        "writes the first-person introductions and is an author of "
        f"{share(who.analyst_articles, who.articles)} articles, with "
        f"{who.coauthors:,} co-authors on some of them. The dumps print neither the blog's "
        "name nor its address"
        + (
            f"; one author bio (of “{bio}”) gives {SOURCE_SITE} as the place where “much of "
            "his work can be found”."
            if bio
            else "."
        ),
        "",
        f"The input is {pages.height:,} plain-text dumps of the "
        "blog's front page and of its tag, category and month archive pages, each holding "
        "whole posts back to back; the same post can be on several pages. The dumps carry "
        "no capture date, so each was taken on or after the newest date it shows: the "
        "newest publication date stated by a post on the page, the newest access date in a "
        "footnote of its posts, the newest month of a month page"
        + (f" (the newest of all: {max(dated)})." if dated else "."),
        "",
        md_table(
            [
                "page",
                "posts",
                "newest stated publication date",
                "newest footnote access date",
                "newest archive month",
            ],
            rows,
        ),
    ]
    return "\n".join(lines)


def _entity_counts(mentions: pl.DataFrame, label: str, n: int) -> list[tuple[str, int]]:
    return (
        mentions.filter(pl.col("label") == label)
        .group_by("entity")
        .len()
        .sort(["len", "entity"], descending=[True, False])
        .head(n)
        .rows()
    )


def sensitive_section(tables: Mapping[str, pl.DataFrame]) -> str:
    """Personal and sensitive information: who is named, what is discussed, what users owe."""
    articles = tables.get("articles", pl.DataFrame())
    mentions = tables.get("mentions", pl.DataFrame())
    has_mentions = {"label", "entity", "entity_id"} <= set(mentions.columns)
    people = mentions.filter(pl.col("label") == "PERSON") if has_mentions else pl.DataFrame()
    n_people = people["entity"].n_unique() if people.height else 0
    linked_people = int(people["entity_id"].is_not_null().sum()) if people.height else 0
    top_people = _entity_counts(mentions, "PERSON", TOP_PEOPLE) if has_mentions else []
    groups = _entity_counts(mentions, "NORP", TOP_GROUPS) if has_mentions else []
    n_terror = (
        int(articles["body"].str.contains(TERROR_PATTERN).sum())
        if "body" in articles.columns
        else 0
    )
    uyghurs = has_mentions and "Uyghur" in set(mentions["entity"].to_list())
    listed = ", ".join(f"{name} ({count:,})" for name, count in top_people)
    named_groups = ", ".join(f"{name} ({count:,})" for name, count in groups)
    return "\n".join(
        [
            "## Personal and sensitive information",
            "",
            "The corpus is published commentary on security and politics, and it names "
            "real, mostly living, people.",
            "",
            f"- **Named people.** {n_people:,} distinct people are tagged PERSON "
            f"({people.height:,} mentions)"
            + (f"; the most named: {listed}" if listed else "")
            + ". They are heads of state, officials, analysts and co-authors, militants and "
            "attackers named in writing on terrorism, and victims of attacks where an "
            "article names them. Author bios are kept as printed (names, posts, "
            "affiliations).",
            f"- **Terrorism.** {share(n_terror, articles.height)} articles use the words "
            "terror, terrorism or terrorist: attacks, militant groups, radicalisation and "
            "counter-terrorism policy are discussed in detail.",
            "- **Ethnic, national and religious groups.** Groups are tagged NORP"
            + (f"; the most named: {named_groups}" if named_groups else "")
            + "."
            + (
                " The Uyghurs are discussed in the context of militancy and of China's "
                "security policy, mass detentions and surveillance in Xinjiang."
                if uyghurs
                else ""
            )
            + " The labels mark words in the text; they say nothing about any person's "
            "ethnicity or religion.",
            "",
            "What the dataset does: it republishes texts that their authors and outlets made "
            "public, with no private data, contact details or anything gathered beyond the "
            "pages; it links names to Wikidata by machine "
            f"({share(linked_people, people.height)} PERSON mentions carry an id), and a "
            "wrong link can pin a statement on the wrong person (see "
            "[Mention quality](#mention-quality)). What it does not do: it infers no "
            "attribute of any person, holds no data on people other than what the texts say, "
            "and has not been reviewed for defamation or accuracy of the original reporting.",
            "",
            "What users owe: do not use the corpus to profile, track or target individuals or "
            "groups; check an entity link before relying on it about a person; quote "
            "statements about people in context, with the original article; and follow the "
            "data-protection law that applies to you (names of living people are personal "
            "data, e.g. under the GDPR).",
            "",
            f"Removal or correction: a person named in the corpus, or a rights holder, can "
            f"ask for a text or a mention to be removed or corrected through the curator, "
            f"{CURATOR_CONTACT}, or a discussion on the dataset repository. A removal takes "
            "effect in the next version and is noted in the changelog, without repeating "
            "what was removed.",
        ]
    )
