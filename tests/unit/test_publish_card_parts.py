"""Tier 1: the dataset card's parts on short inline frames: example records, authorship, the
year axis, the pages' dates, the sensitive-information section and the quality figures."""

from __future__ import annotations

import datetime
import json

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from pipelines.mentions.evaluate import load_gold
from pipelines.publish.card_context import (
    authors_phrase,
    authorship,
    page_dates,
    sensitive_section,
)
from pipelines.publish.card_quality import QUALITY_FILE, load_quality, quality_section
from pipelines.publish.card_records import (
    ELLIPSIS,
    MAX_ITEMS,
    MAX_TEXT,
    example_block,
    example_row,
    shorten,
)
from pipelines.publish.glance import articles_per_year, year_bars
from pipelines.resources import PROJECT_ROOT

SOURCE = pl.Struct({"page": pl.String, "first_line": pl.Int64, "last_line": pl.Int64})


def _articles(dates: list[datetime.date | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(dates))], "published_date": dates},
        schema={"article_id": pl.String, "published_date": pl.Date},
    )


# --- example records -------------------------------------------------------------------------


def test_example_row_is_the_fullest_row_then_the_first_by_key():
    mentions = pl.DataFrame(
        {
            "article_id": ["b", "a", "c"],
            "field": ["body", "body", "body"],
            "start": [0, 5, 0],
            "end": [5, 9, 5],
            "surface": ["China", "SCO", "Kabul"],
            "label": ["GPE", "ORG", "GPE"],
            "entity": ["China", "SCO", "Kabul"],
            "entity_id": ["Q148", None, "Q5838"],
        }
    )
    assert example_row("mentions", mentions)["article_id"] == "b"  # "a" lacks entity_id
    assert example_row("mentions", mentions.head(0)) is None
    assert "no example record" in example_block("mentions", mentions.head(0))


@given(st.permutations(range(4)))
def test_example_row_does_not_depend_on_row_order(order: list[int]):
    frame = pl.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4"],
            "note_number": [2, 1, 1, 1],
            "text": ["x", "y", "", "z"],
            "urls": [["u"], ["u"], ["u"], []],
        }
    )
    shuffled = frame[order]
    assert example_row("footnotes", shuffled) == example_row("footnotes", frame)
    assert example_row("footnotes", frame)["article_id"] == "a1"


@given(st.text(max_size=3 * MAX_TEXT))
def test_shorten_cuts_long_text_with_an_ellipsis(text: str):
    cut = shorten(text)
    assert isinstance(cut, str)
    if len(text) <= MAX_TEXT:
        assert cut == text
    else:
        assert cut.endswith(ELLIPSIS) and text.startswith(cut[:-1])
        assert len(cut) <= MAX_TEXT + 1


def test_shorten_cuts_lists_nested_values_and_dates():
    assert shorten(list(range(MAX_ITEMS + 2))) == [0, 1, 2, f"{ELLIPSIS} 2 more"]
    assert shorten([1, 2]) == [1, 2]
    assert shorten({"page": "p" * 500, "day": datetime.date(2020, 6, 1)}) == {
        "page": "p" * MAX_TEXT + ELLIPSIS,
        "day": "2020-06-01",
    }


def test_example_block_is_valid_json_of_the_row():
    frame = pl.DataFrame({"article_id": ["a1"], "body": ["word " * 100]})
    block = example_block("articles", frame)
    record = json.loads(block.split("```json\n", 1)[1].split("\n```", 1)[0])
    assert record["article_id"] == "a1" and record["body"].endswith(ELLIPSIS)


# --- authors ---------------------------------------------------------------------------------


def test_authors_are_one_analyst_and_the_co_authors():
    articles = pl.DataFrame(
        {"authors": [["R P"], ["R P", "K T"], ["R P", "N Y"], ["R P"], ["N Y"]]}
    )
    who = authorship({"articles": articles})
    assert (who.analyst, who.analyst_articles, who.articles) == ("R P", 4, 5)
    assert authors_phrase(who) == "one analyst and 2 co-authors"
    assert authors_phrase(authorship({"articles": articles.head(2).tail(1)})) == (
        "one analyst and 1 co-author"
    )
    assert authors_phrase(authorship({"articles": articles.head(1)})) == "one analyst"


# --- the year axis ---------------------------------------------------------------------------


def test_year_axis_is_real_years_with_gaps_and_undated_apart():
    dates = [datetime.date(2018, 6, 18), datetime.date(2020, 6, 11), datetime.date(2020, 5, 29)]
    bars = year_bars({"articles": _articles([*dates, None, None])})
    assert (bars.years, bars.counts, bars.undated) == ([2018, 2019, 2020], [1, 0, 2], 2)
    table = articles_per_year({"articles": _articles([*dates, None])})
    assert table.rows() == [("2018", 1), ("2019", 0), ("2020", 2), ("unknown", 1)]
    assert year_bars({"articles": _articles([None])}).years == []


@given(st.lists(st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1))), max_size=30))
def test_year_axis_has_every_year_once_and_every_article(dates: list[datetime.date | None]):
    bars = year_bars({"articles": _articles(dates)})
    if bars.years:
        assert bars.years == list(range(bars.years[0], bars.years[-1] + 1))
    assert sum(bars.counts) + bars.undated == len(dates)
    assert bars.undated == dates.count(None)


# --- where the texts come from ---------------------------------------------------------------


def test_page_dates_are_the_newest_dates_each_page_shows():
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "published_date": [datetime.date(2018, 6, 18), None],
            "archive_months": [["2020-06"], []],
            "sources": [
                [{"page": "p1.txt", "first_line": 1, "last_line": 9}],
                [
                    {"page": "p1.txt", "first_line": 10, "last_line": 20},
                    {"page": "p2.txt", "first_line": 1, "last_line": 5},
                ],
            ],
        },
        schema_overrides={"sources": pl.List(SOURCE), "published_date": pl.Date},
    )
    footnotes = pl.DataFrame(
        {"article_id": ["a2", "a2"], "accessed_date": [datetime.date(2022, 9, 12), None]}
    )
    pages = page_dates({"articles": articles, "footnotes": footnotes})
    assert pages.rows() == [
        ("p1.txt", 2, "2018-06-18", "2022-09-12", "2020-06"),
        ("p2.txt", 1, None, "2022-09-12", None),
    ]


# --- personal and sensitive information ------------------------------------------------------


def test_sensitive_section_counts_people_groups_and_terrorism():
    articles = pl.DataFrame({"body": ["A terrorist attack.", "Counter-terrorism.", "Trade."]})
    mentions = pl.DataFrame(
        {
            "label": ["PERSON", "PERSON", "PERSON", "NORP", "GPE"],
            "entity": ["Xi Jinping", "Xi Jinping", "Ayman al-Zawahiri", "Uyghur", "China"],
            "entity_id": ["Q15031", None, None, None, "Q148"],
        }
    )
    section = sensitive_section({"articles": articles, "mentions": mentions})
    assert section.startswith("## Personal and sensitive information")
    assert "2 distinct people are tagged PERSON (3 mentions)" in section
    assert "Xi Jinping (2), Ayman al-Zawahiri (1)" in section
    assert "2 of 3 (67%) articles use the words terror" in section
    assert "Uyghur (1)" in section and "Xinjiang" in section
    assert "1 of 3 (33%) PERSON mentions carry an id" in section
    assert "curator" in section
    assert "Xinjiang" not in sensitive_section({"articles": articles, "mentions": mentions[:3]})


# --- mention quality -------------------------------------------------------------------------


def test_quality_figures_file_matches_the_gold_sets():
    figures = load_quality()
    assert figures is not None, f"no {QUALITY_FILE}: run bench/mentions_eval.py --write"
    datetime.date.fromisoformat(figures["measured"])
    for gold in figures["gold_sets"]:
        examples = load_gold(PROJECT_ROOT / gold["file"])
        assert gold["paragraphs"] == len(examples)
        assert gold["mentions"] == sum(len(example.spans) for example in examples)
        assert gold["description"] and len(gold["systems"]) == 2


def test_quality_section_reports_each_gold_set_and_the_coverage():
    figures = {
        "measured": "2026-12-02",
        "command": "bench",
        "match": "exact",
        "model": "m 1",
        "gold_sets": [
            {
                "name": "held-out",
                "file": "h.jsonl",
                "description": "labelled blind",
                "paragraphs": 67,
                "mentions": 520,
                "systems": [{"system": "ours", "precision": 0.9436, "recall": 0.96538, "f1": 0.95}],
                "entity_accuracy": 1.0,
            }
        ],
    }
    mentions = pl.DataFrame({"label": ["GPE", "GPE", "ORG"], "entity_id": ["Q148", None, "Q1"]})
    section = quality_section({"mentions": mentions}, figures)
    assert "| held-out | `h.jsonl` | labelled blind | 67 | 520 |" in section
    assert "| held-out | ours | 0.944 | 0.965 | 0.950 |" in section
    assert "2 of 3 (67%) mentions carry a Wikidata id" in section
    assert "| GPE | 2 | 1 of 2 (50%) |" in section and "| ORG | 1 | 1 of 1 (100%) |" in section
    assert "No quality figures" in quality_section({"mentions": mentions}, None)
