"""Tier 1: the review of names the knowledge base lacks, and accepting reviewed rows into it."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.mentions.accept import AcceptError, accept, accept_file
from pipelines.mentions.kb import KnowledgeBase, default_kb, load_kb
from pipelines.mentions.merge_qids import KB_COLUMNS, read_csv
from pipelines.mentions.review import (
    CONTEXT,
    MAX_EXAMPLE,
    REVIEW_COLUMNS,
    cut_example,
    main,
    review_table,
)
from tests.unit.publish_fixtures import BUILT_OUTPUTS

BASE = """entity,label,qid,qid_source,qid_evidence,aliases
Kabul,GPE,Q5838,natural-earth,,Kabul
Taliban,ORG,,,,Taliban
Chinese,NORP,,,,Chinese
"""
BODY = "The Taliban met in Kabul. Later Wenzhou\u00a0Medical University hosted Altynkol traders."
TITLE = "Altynkol and Kabul"
SECOND = "Altynkol again, Altynkol."
REVIEW_HEADER = ",".join(REVIEW_COLUMNS)


def mention(article_id: str, field: str, text: str, surface: str, label: str, **kw) -> dict:
    """A mention row of `surface` (its first occurrence in `text`)."""
    start = kw.get("start", text.index(surface))
    return {
        "article_id": article_id,
        "field": field,
        "start": start,
        "end": start + len(surface),
        "paragraph": 0,
        "sentence": kw.get("sentence", 0),
        "surface": surface,
        "label": label,
        "entity": kw.get("entity", surface),
        "entity_id": kw.get("entity_id"),
    }


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    path = tmp_path / "kb.csv"
    path.write_text(BASE, encoding="utf-8")
    return load_kb(path)


@pytest.fixture
def articles() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "title": [TITLE, "Second"],
            "body": [BODY, SECOND],
            "captions": [[], []],
        }
    )


@pytest.fixture
def mentions() -> pl.DataFrame:
    rows = [
        mention("a1", "title", TITLE, "Altynkol", "ORG"),
        mention("a1", "body", BODY, "Taliban", "ORG", entity_id=None),
        mention("a1", "body", BODY, "Kabul", "GPE", entity_id="Q5838"),
        mention("a1", "body", BODY, "Wenzhou\u00a0Medical University", "ORG", sentence=1),
        mention("a1", "body", BODY, "Altynkol", "GPE", sentence=1),
        mention("a2", "body", SECOND, "Altynkol", "GPE"),
        mention("a2", "body", SECOND, "Altynkol", "GPE", start=SECOND.rindex("Altynkol")),
    ]
    return pl.DataFrame(rows)


def test_known_names_are_left_out_and_unknown_ones_grouped_by_frequency(kb, mentions, articles):
    table = review_table(mentions, articles, kb)
    assert table.columns == list(REVIEW_COLUMNS)
    assert table["name"].to_list() == ["Altynkol", "Wenzhou Medical University"]
    altynkol = table.row(0, named=True)
    assert (altynkol["mentions"], altynkol["articles"]) == (4, 2)
    assert altynkol["model_labels"] == "GPE:3|ORG:1"
    assert all(table[c].to_list() == ["", ""] for c in ("accept", "label", "qid"))


def test_a_case_variant_of_a_known_name_is_known(kb, articles):
    text = "The TALIBAN and the taliban."
    found = pl.DataFrame([mention("a1", "body", text, "taliban", "ORG")])
    assert review_table(found, articles.with_columns(body=pl.lit(text)), kb).is_empty()


def test_min_count_keeps_the_frequent_names(kb, mentions, articles):
    assert review_table(mentions, articles, kb, min_count=2)["name"].to_list() == ["Altynkol"]


def test_the_example_is_a_body_sentence_with_its_article(kb, mentions, articles):
    table = review_table(mentions, articles, kb)
    altynkol, wenzhou = table.rows(named=True)
    # the body's sentence comes before the title, and of a1 before a2
    assert altynkol["example"] == "Later Wenzhou Medical University hosted [[Altynkol]] traders."
    assert (altynkol["example_article_id"], altynkol["example_title"]) == ("a1", TITLE)
    assert wenzhou["example"] == "Later [[Wenzhou Medical University]] hosted Altynkol traders."


def test_a_wrong_sentence_index_falls_back_to_the_sentence_holding_the_mention(
    kb, mentions, articles
):
    shifted = mentions.with_columns(sentence=pl.lit(7, dtype=pl.Int64))
    examples = review_table(shifted, articles, kb)["example"].to_list()
    assert examples[1] == "Later [[Wenzhou Medical University]] hosted Altynkol traders."


def test_a_long_sentence_is_cut_at_words_around_the_name():
    words = " ".join(f"word{n}" for n in range(120))
    text = f"{words} Altynkol {words}."
    start = text.index("Altynkol")
    example = cut_example(text, start, start + 8, (0, len(text)))
    assert example.startswith("… word") and example.endswith(" …")
    assert "[[Altynkol]]" in example
    assert len(example) <= 2 * CONTEXT + len("[[Altynkol]]") + 4
    inner = example.removeprefix("… ").removesuffix(" …").replace("[[", "").replace("]]", "")
    assert all(re.fullmatch(r"word\d+|Altynkol", w) for w in inner.split())


@given(
    st.text(alphabet=" ab\n.", max_size=400),
    st.text(alphabet="XY ", min_size=1, max_size=20),
    st.text(alphabet=" ab\n.", max_size=400),
)
def test_the_example_always_shows_the_name_and_stays_short(before, name, after):
    text = before + name + after
    start, end = len(before), len(before) + len(name)
    example = cut_example(text, start, end, (0, len(text)))
    shown = re.sub(r"\s+", " ", name)
    assert f"[[{shown}]]" in example
    assert len(example) <= max(MAX_EXAMPLE, 2 * CONTEXT) + len(name) + 8


def test_the_cli_writes_the_review_file(tmp_path, mentions, articles, capsys):
    mentions.write_parquet(tmp_path / "mentions.parquet")
    articles.write_parquet(tmp_path / "articles.parquet")
    assert main(["--outputs", str(tmp_path)]) == 0
    table = pl.read_csv(tmp_path / "kb_review.csv")
    assert "Wenzhou Medical University" in table["name"].to_list()
    assert f"review file: {tmp_path / 'kb_review.csv'}" in capsys.readouterr().out
    assert main(["--outputs", str(tmp_path / "missing")]) == 1


# --- accepting reviewed rows


def review_csv(*lines: str) -> list[dict[str, str]]:
    """A review file's rows: name,accept,canonical_name,aliases,label,qid,qid_source,evidence."""
    header = "name,accept,canonical_name,aliases,label,qid,qid_source,qid_evidence"
    return read_csv("\n".join([header, *lines]) + "\n")


def test_accepted_rows_are_appended_in_the_base_columns(kb):
    review = review_csv(
        "Altynkol,yes,,,GPE,,,",
        "Wenzhou Medical University,YES,,Wenzhou Medical University|WMU,ORG,,,",
        "Trains,no,,,,,,",
        "Observer,,,,,,,",
    )
    result = accept(read_csv(BASE), kb, review)
    assert result.added == ["Altynkol", "Wenzhou Medical University"]
    assert result.rows[-2:] == [
        dict(zip(KB_COLUMNS, ["Altynkol", "GPE", "", "", "", "Altynkol"], strict=True)),
        dict(
            zip(
                KB_COLUMNS,
                ["Wenzhou Medical University", "ORG", "", "", "", "Wenzhou Medical University|WMU"],
                strict=True,
            )
        ),
    ]


def test_a_canonical_name_keeps_the_reviewed_name_as_alias_and_joins_two_names(kb):
    review = review_csv(
        "MFA,yes,Ministry of Foreign Affairs of China,,ORG,,,",
        "Chinese MFA,yes,Ministry of Foreign Affairs of China,,ORG,,,",
    )
    result = accept(read_csv(BASE), kb, review)
    assert result.added == ["Ministry of Foreign Affairs of China"]
    assert result.rows[-1]["aliases"] == "MFA|Chinese MFA"


def test_listed_aliases_replace_a_cut_reviewed_name(kb):
    review = review_csv("Amenas,yes,In Amenas,In Amenas,GPE,,,")
    assert accept(read_csv(BASE), kb, review).rows[-1]["aliases"] == "In Amenas"


def test_a_qid_is_added_with_its_source(kb):
    review = review_csv('Altynkol,yes,,,GPE,Q4736934,some/repo@abc:f#L1,"""Altynkol"" Q4736934"')
    row = accept(read_csv(BASE), kb, review).rows[-1]
    assert (row["qid"], row["qid_source"]) == ("Q4736934", "some/repo@abc:f#L1")


def test_accepting_twice_changes_nothing(tmp_path):
    kb_path, review_path = tmp_path / "kb.csv", tmp_path / "review.csv"
    kb_path.write_text(BASE, encoding="utf-8")
    review_path.write_text(
        "name,accept,canonical_name,aliases,label,qid,qid_source,qid_evidence\n"
        "Observer,yes,SCO observer state,Observers,ORG,,,\n"  # the plural only
        "Observers,yes,SCO observer state,,ORG,,,\n",
        encoding="utf-8",
    )
    first = accept_file(review_path, kb_path)
    after = kb_path.read_text(encoding="utf-8")
    assert after == BASE + "SCO observer state,ORG,,,,Observers\n"
    second = accept_file(review_path, kb_path)
    assert (first.added, second.added) == (["SCO observer state"], [])
    assert second.unchanged == ["SCO observer state", "SCO observer state"]
    assert kb_path.read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Kabul,yes,,,GPE,,,", "'Kabul' is already in the base as the name of 'Kabul' (GPE)"),
        ("Talibs,yes,,Talibs|taliban,ORG,,,", "'taliban' is already in the base as an alias of"),
        ("Altynkol,yes,Taliban,,ORG,,,", "'Taliban' is already in the base as the name"),
        ("Altynkol,yes,,,CITY,,,", "label 'CITY' is not one of PERSON, ORG, GPE"),
        ("Altynkol,yes,,,,,,", "label '' is not one of"),
        ("Altynkol,yes,,,GPE,Q4736934,,", "Q4736934 has no qid_source"),
        ("Altynkol,yes,,,GPE,Q5838,src,ev", "Q5838 already belongs to 'Kabul'"),
        ("Altynkol,yes,,,GPE,Q04736934,src,ev", "'Q04736934' is not a QID"),
        ("Altynkol,yes,,,GPE,,src,", "qid_source or qid_evidence given without a qid"),
        ("Altynkol,maybe,,,GPE,,,", "accept is 'maybe', not yes/no"),
    ],
)
def test_accept_refuses_with_a_clear_message(kb, line, message):
    with pytest.raises(AcceptError, match=re.escape(message)):
        accept(read_csv(BASE), kb, review_csv(line))


def test_two_entities_claiming_one_alias_or_qid_are_refused(kb):
    review = review_csv("Altynkol,yes,,Khorgos,GPE,Q1,a,b", "Khorgos,yes,,,GPE,Q1,a,b")
    with pytest.raises(AcceptError) as refused:
        accept(read_csv(BASE), kb, review)
    assert "'khorgos' is also claimed by 'Altynkol'" in str(refused.value)
    assert "'Q1' is also claimed by 'Altynkol'" in str(refused.value)


def test_a_refusal_leaves_the_base_untouched(tmp_path):
    kb_path, review_path = tmp_path / "kb.csv", tmp_path / "review.csv"
    kb_path.write_text(BASE, encoding="utf-8")
    review_path.write_text(
        "name,accept,canonical_name,aliases,label,qid,qid_source,qid_evidence\n"
        "Altynkol,yes,,,GPE,,,\nKabul,yes,,,GPE,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(AcceptError):
        accept_file(review_path, kb_path)
    assert kb_path.read_text(encoding="utf-8") == BASE


def test_a_file_without_the_decision_columns_is_refused(kb):
    with pytest.raises(AcceptError, match="lacks column"):
        accept(read_csv(BASE), kb, read_csv("name,accept\nAltynkol,yes\n"))


@pytest.mark.skipif(
    not (BUILT_OUTPUTS / "mentions.parquet").is_file(), reason="no built outputs folder"
)
def test_the_built_release_review_lists_only_unknown_names():
    table = review_table(
        pl.read_parquet(BUILT_OUTPUTS / "mentions.parquet"),
        pl.read_parquet(BUILT_OUTPUTS / "articles.parquet"),
        default_kb(),
    )
    assert [n for n in table["name"] if default_kb().lookup(n)] == []
    assert table["mentions"].is_sorted(descending=True)
    assert all("[[" in example for example in table["example"])
