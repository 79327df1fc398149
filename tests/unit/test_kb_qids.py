"""Tier 1: the knowledge base's QIDs carry sources and stay unique; the merge refuses bad pairs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.mentions.kb import KB_PATH, default_kb
from pipelines.mentions.merge_qids import (
    KB_COLUMNS,
    SHARED_QIDS,
    MergeError,
    merge,
    qid_problems,
    read_csv,
    write_csv,
)

QID_SHAPE = re.compile(r"^Q[1-9][0-9]*$")
BASE = """entity,label,qid,qid_source,qid_evidence,aliases
Kabul,GPE,Q5838,natural-earth,,Kabul
Taliban,ORG,,,,Taliban
Chinese,NORP,,,,Chinese
"""
HEADER = "name,qid,source,evidence\n"


@pytest.fixture(scope="module")
def kb_rows() -> list[dict[str, str]]:
    return read_csv(KB_PATH.read_text(encoding="utf-8"))


def test_every_qid_is_well_formed_and_sourced(kb_rows):
    with_qid = [r for r in kb_rows if r["qid"]]
    assert with_qid
    assert [r["entity"] for r in with_qid if not QID_SHAPE.match(r["qid"])] == []
    assert [r["entity"] for r in with_qid if not r["qid_source"].strip()] == []


def test_no_qid_names_two_entities_except_the_listed_ones(kb_rows):
    owners: dict[str, set[str]] = {}
    for row in kb_rows:
        if row["qid"]:
            owners.setdefault(row["qid"], set()).add(row["entity"])
    shared = {q: names for q, names in owners.items() if len(names) > 1}
    assert shared == {"Q160381": {"Western world", "Western"}}
    assert all(shared[q] <= names for q, names in SHARED_QIDS.items())
    assert qid_problems(kb_rows) == []


def test_western_is_norp_with_the_western_world_qid():
    by_name = {e.entity: e for e in default_kb().entities}
    assert (by_name["Western"].label, by_name["Western"].qid) == ("NORP", "Q160381")
    assert by_name["Western world"].label == "LOC"


def test_the_file_is_written_in_its_own_dialect():
    text = KB_PATH.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(KB_COLUMNS)
    assert write_csv(read_csv(text)) == text


def test_merge_adds_a_pair_with_its_source_and_evidence():
    pairs = read_csv(HEADER + 'Taliban,Q42418,X-FACTR en.txt#L5174,"""Q42418 | Taliban"""\n')
    result = merge(read_csv(BASE), pairs)
    taliban = next(r for r in result.rows if r["entity"] == "Taliban")
    assert (taliban["qid"], taliban["qid_source"]) == ("Q42418", "X-FACTR en.txt#L5174")
    assert taliban["qid_evidence"] == '"Q42418 | Taliban"'
    assert result.added == ["Taliban"]
    again = merge(result.rows, pairs)
    assert again.rows == result.rows and again.unchanged == ["Taliban"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Tashkent,Q269,src,ev", "no entity of that name"),
        ("Taliban,Q5838,src,ev", "Q5838 already belongs to 'Kabul'"),
        ("Kabul,Q1,src,ev", "would overwrite its QID Q5838 with Q1"),
        ("Taliban,Q042418,src,ev", "'Q042418' is not a QID"),
        ("Taliban,Q42418,,ev", "empty source"),
    ],
)
def test_merge_refuses_with_a_clear_message(line, message):
    with pytest.raises(MergeError, match=re.escape(message)):
        merge(read_csv(BASE), read_csv(HEADER + line + "\n"))


def test_merge_refuses_one_qid_for_two_names_in_the_file():
    pairs = read_csv(HEADER + "Taliban,Q42418,a,b\nChinese,Q42418,a,b\n")
    with pytest.raises(MergeError, match="Q42418 also given for 'Taliban'"):
        merge(read_csv(BASE), pairs)


def test_a_listed_shared_qid_is_allowed_and_others_are_not():
    base = BASE + "Western world,LOC,Q160381,note,,West\nWestern,NORP,,,,Western\n"
    result = merge(read_csv(base), read_csv(HEADER + "Western,Q160381,issue 18,quote\n"))
    assert qid_problems(result.rows) == []
    with pytest.raises(MergeError, match="Q160381 already belongs to 'Western world'"):
        merge(read_csv(base), read_csv(HEADER + "Chinese,Q160381,a,b\n"))


def test_problems_name_an_unsourced_or_malformed_qid():
    rows = read_csv(BASE + "Bamako,GPE,Q3703,,,Bamako\nOsh,GPE,Q1٣,src,,Osh\n")
    assert qid_problems(rows) == ["Bamako: Q3703 has no qid_source", "Osh: 'Q1٣' is not a QID"]


CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=20)


@given(st.lists(st.fixed_dictionaries({c: CELL for c in KB_COLUMNS}), max_size=5))
def test_csv_round_trip_keeps_every_cell(rows):
    stripped = [{k: v.strip() for k, v in row.items()} for row in rows]
    assert read_csv(write_csv(stripped)) == stripped


def test_a_csv_line_with_an_unquoted_comma_is_refused_with_its_line(tmp_path, capsys):
    from pipelines.mentions.merge_qids import CsvShapeError, main, read_csv

    text = "name,qid,source,evidence\nTaliban,Q42,repo@abc:f#L1,a quote, with a comma\n"
    with pytest.raises(CsvShapeError, match="line 2 has more fields"):
        read_csv(text)
    pairs, kb = tmp_path / "pairs.csv", tmp_path / "kb.csv"
    pairs.write_text(text, encoding="utf-8")
    kb.write_text(KB_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    assert main([str(pairs), str(kb)]) == 1
    assert "line 2 has more fields" in capsys.readouterr().err
    assert main([str(tmp_path / "missing.csv"), str(kb)]) == 1  # a message, no traceback
    assert "No such file" in capsys.readouterr().err
