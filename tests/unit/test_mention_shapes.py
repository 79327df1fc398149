"""Tier 1: the mention rules for issue 20's four error shapes, on short inline strings.

Each rule is tested alone on a tokenised string with hand-placed spans (so the test does not
depend on what the model predicts), and end to end through `extract_mentions`.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from pipelines.mentions.extract import chunk_text, extract_mentions, load_model
from pipelines.mentions.kb import default_kb
from pipelines.mentions.shapes import (
    Ent,
    join_coordinated_places,
    join_given_names,
    join_nationality_institution,
    resolve_spans,
)
from pipelines.mentions.shapes_compounds import (
    cut_lowercase_prefix,
    extend_through_connectors,
    headline_capitals,
    place_before_participle,
    split_combining_forms,
)
from pipelines.mentions.shapes_noise import (
    drop_initial_common_words,
    drop_names_in_work_titles,
    drop_office_titles,
)
from tests.unit.mention_spans import ent_at, labelled

TOKENIZER = spacy.blank("en")


def _doc(text: str) -> Doc:
    return TOKENIZER(text)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _mentions(nlp, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.label) for m in extract_mentions(nlp, [text])[0]]


# Shape 1: a shorter known name blocks a longer one.


@pytest.mark.parametrize(
    ("text", "model", "known", "expected"),
    [
        (
            "The European Court of Human Rights ruled.",
            [("The European Court of Human Rights", "ORG")],
            [("European", "NORP")],
            [("The European Court of Human Rights", "ORG")],
        ),
        (
            "The Bank of China lent money.",
            [("The Bank of China", "ORG")],
            [("China", "GPE")],
            [("The Bank of China", "ORG")],
        ),
        (
            "Jiang Qing spoke.",
            [("Jiang Qing", "PERSON")],
            [("Jiang", "PERSON")],
            [("Jiang Qing", "PERSON")],
        ),
        (
            "the U.S. Marines landed",
            [("U.S. Marines", "NORP")],
            [("U.S.", "GPE")],
            [("U.S. Marines", "ORG")],  # an institution word makes the model's span a body
        ),
    ],
)
def test_a_longer_model_name_beats_the_known_name_inside(text, model, known, expected):
    doc = _doc(text)
    got = resolve_spans(
        doc,
        [ent_at(doc, s, lab) for s, lab in model],
        [ent_at(doc, s, lab, s) for s, lab in known],
    )
    assert labelled(doc, got) == expected


@pytest.mark.parametrize(
    ("text", "model", "known"),
    [
        # titles are no part of a name: the known names stay
        (
            "Chinese President Xi Jinping",
            [("Chinese President Xi Jinping", "PERSON")],
            [("Chinese", "NORP"), ("Xi Jinping", "PERSON")],
        ),
        # two known people are not one person
        ("Ghani Xi signing", [("Ghani Xi", "PERSON")], [("Ghani", "PERSON"), ("Xi", "PERSON")]),
        # the head word is the known name: "Afghan" + "Taliban", not "Afghan Taliban"
        (
            "the Afghan Taliban",
            [("Afghan Taliban", "ORG")],
            [("Afghan", "NORP"), ("Taliban", "ORG")],
        ),
        # a compound of known names, a facility, an office: the known names stay
        (
            "Kazakh-Chinese border",
            [("Kazakh-Chinese", "ORG")],
            [("Kazakh", "NORP"), ("Chinese", "NORP")],
        ),
        ("Lianyungang Port opened", [("Lianyungang Port", "FAC")], [("Lianyungang", "GPE")]),
        ("the Chinese Embassy said", [("Chinese Embassy", "ORG")], [("Chinese", "NORP")]),
        ("Chinese Foreign Minister", [("Chinese Foreign Minister", "ORG")], [("Chinese", "NORP")]),
        (
            "Kazakhstan, Uzbekistan Group",
            [("Kazakhstan, Uzbekistan Group", "ORG")],
            [("Kazakhstan", "GPE"), ("Uzbekistan", "GPE")],
        ),
        # a title of a work is not a name
        ("The Silk Road book", [("The Silk Road", "WORK_OF_ART")], [("Silk Road", "LOC")]),
    ],
)
def test_the_known_name_keeps_its_span_against_ill_formed_model_spans(text, model, known):
    doc = _doc(text)
    known_ents = [ent_at(doc, s, lab, s) for s, lab in known]
    got = resolve_spans(doc, [ent_at(doc, s, lab) for s, lab in model], known_ents)
    assert got == known_ents


def test_an_overlapping_model_span_loses_to_the_known_name():
    doc = _doc("Chinese leaderXi Jinping spoke")
    known = [ent_at(doc, "Jinping", "PERSON", "Xi Jinping")]
    assert resolve_spans(doc, [ent_at(doc, "leaderXi Jinping spoke", "PERSON")], known) == known


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("met Sergei Lavrov in Moscow", "Lavrov", "Sergei Lavrov"),
        ("then Ivan Petrovich Lavrov said", "Lavrov", "Ivan Petrovich Lavrov"),
    ],
)
def test_given_names_join_a_known_surname(text, known, expected):
    doc = _doc(text)
    got = join_given_names(doc, [ent_at(doc, known, "PERSON", known)])
    assert labelled(doc, got) == [(expected, "PERSON")]
    assert got[0].ent_id == ""  # the base's person may not be this one: entity as written


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday Lavrov said",  # sentence-initial capital is no evidence
        "Minister Lavrov said",  # a title
        "When Lavrov said",  # a common word
        "said. Moscow Lavrov",  # sentence start again
    ],
)
def test_given_names_do_not_join_titles_or_common_words(text):
    doc = _doc(text)
    ents = [ent_at(doc, "Lavrov", "PERSON", "Lavrov")]
    assert join_given_names(doc, ents) == ents


def test_a_known_place_before_a_surname_does_not_join():
    doc = _doc("in Moscow Lavrov said")
    ents = [ent_at(doc, "Moscow", "GPE", "Moscow"), ent_at(doc, "Lavrov", "PERSON", "Lavrov")]
    assert join_given_names(doc, ents) == ents


@pytest.mark.parametrize(
    ("text", "name", "place", "expected"),
    [
        (
            "the Islamic State of Iraq and the Levant fought",
            "Islamic State of Iraq",
            ("Levant", "PERSON", ""),
            "Islamic State of Iraq and the Levant",
        ),
        (
            "the Islamic State of Iraq and Syria fought",
            "Islamic State of Iraq",
            ("Syria", "GPE", "Syria"),
            "Islamic State of Iraq and Syria",
        ),
        (
            "the Islamic State of Iraq and al-Sham fought",
            "Islamic State of Iraq",
            None,
            "Islamic State of Iraq and al-Sham",
        ),
    ],
)
def test_a_known_group_cut_at_and_takes_the_second_place(text, name, place, expected):
    doc = _doc(text)
    ents = [ent_at(doc, name, "ORG", name)]
    if place:
        ents.append(ent_at(doc, place[0], place[1], place[2]))
    got = join_coordinated_places(doc, ents)
    assert labelled(doc, got) == [(expected, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "the Bank of China and Russia signed",  # the model's name, then a known country: a list
        "the Islamic State of Iraq and Russia’s army",  # the place goes on
        "the Islamic State of Iraq and the Taliban",  # an organisation is no place
        "the Islamic State of Iraq and then some",
    ],
)
def test_coordinated_places_do_not_join_lists(text):
    doc = _doc(text)
    name = "Bank of China" if "Bank" in text else "Islamic State of Iraq"
    ents = [ent_at(doc, name, "ORG", "" if "Bank" in text else name)]
    for other, label in (("Russia", "GPE"), ("Taliban", "ORG")):
        if other in text:
            ents.append(ent_at(doc, other, label, other))
    assert join_coordinated_places(doc, ents) == ents


# Shape 2: nationality plus institution is one ORG.


@pytest.mark.parametrize(
    ("text", "nationality", "body", "expected"),
    [
        ("The French Senate voted", ("French", "NORP"), ("Senate", "ORG"), "French Senate"),
        ("the Pakistani Army said", ("Pakistani", "NORP"), None, "Pakistani Army"),
        (
            "the Indian Ministry of External Affairs said",
            ("Indian", "NORP"),
            None,
            "Indian Ministry of External Affairs",
        ),
        (
            "the Russian Defense Ministry Press Service)",
            ("Russian", "NORP"),
            None,
            "Russian Defense Ministry Press Service",
        ),
        ("Chinese MFA spokesman", ("Chinese", "NORP"), ("MFA", "ORG"), "Chinese MFA"),
        ("from U.S. Marine Corps)", ("U.S.", "GPE"), ("Marine Corps", "ORG"), "U.S. Marine Corps"),
        (
            "the Kazakh Ministry of Trade and Integration said",
            ("Kazakh", "NORP"),
            None,
            "Kazakh Ministry of Trade and Integration",
        ),
    ],
)
def test_nationality_and_institution_are_one_org(text, nationality, body, expected):
    doc = _doc(text)
    ents = [ent_at(doc, nationality[0], nationality[1], nationality[0])]
    if body:
        ents.append(ent_at(doc, body[0], body[1]))
    assert labelled(doc, join_nationality_institution(doc, ents)) == [(expected, "ORG")]


@pytest.mark.parametrize(
    ("text", "others"),
    [
        ("Russian GRU officers", [("GRU", "ORG", "GRU")]),  # a known body keeps its own span
        ("Chinese Ministry of State Security", [("Ministry of State Security", "ORG", "MSS")]),
        ("Chinese President Xi", []),  # a title, no body
        ("Chinese Foreign Minister Wang Yi", [("Wang Yi", "PERSON", "Wang Yi")]),
        ("Chinese Embassy staff", []),  # a facility, no body
        ("Chinese officials and Army units", []),  # not adjacent
        ("Chinese Huawei sold", [("Huawei", "ORG", "")]),  # a company is no government body
    ],
)
def test_nationality_stays_apart_from_known_bodies_titles_and_companies(text, others):
    doc = _doc(text)
    first = text.split()[0] if text.split()[0] != "the" else text.split()[1]
    ents = [ent_at(doc, first, "NORP", first)] + [ent_at(doc, s, lab, i) for s, lab, i in others]
    assert join_nationality_institution(doc, ents) == ents


# Shape 3: compounds and capitals.


@pytest.mark.parametrize(
    ("text", "partner", "form", "entity"),
    [
        ("a Franco-German plan", "German", "Franco", "French"),
        ("the Sino-Russian border", "Russian", "Sino", "Chinese"),
        ("Indo-Pakistani talks", "Pakistani", "Indo", "Indian"),
    ],
)
def test_combining_forms_split_into_two_nationalities(text, partner, form, entity):
    doc = _doc(text)
    got = split_combining_forms(doc, [ent_at(doc, partner, "NORP", partner)], default_kb())
    assert labelled(doc, got) == [(form, "NORP"), (partner, "NORP")]
    assert got[0].ent_id == entity


@pytest.mark.parametrize(
    "text", ["the Indo-Pacific region", "General Franco said", "Sino - Russian"]
)
def test_combining_forms_need_a_nationality_partner(text):
    doc = _doc(text)
    ents = [ent_at(doc, "Pacific", "LOC")] if "Pacific" in text else []
    assert split_combining_forms(doc, ents, default_kb()) == ents


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("the Leeds-born author", [("Leeds", "PRODUCT")], [("Leeds", "GPE")]),
        ("an Idlib-based group", [], [("Idlib", "GPE")]),
        ("a New York-based fund", [("New York", "GPE")], [("New York", "GPE")]),
        ("a Caucasus-raised poet", [("Caucasus", "LOC")], [("Caucasus", "LOC")]),
    ],
)
def test_a_place_before_born_or_based_is_the_place(text, model, expected):
    doc = _doc(text)
    got = place_before_participle(doc, [ent_at(doc, s, lab) for s, lab in model])
    assert labelled(doc, got) == expected


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("a Russian-born writer", [("Russian", "NORP", "Russian")]),  # a nationality stays NORP
        ("a Kremlin-backed group", []),  # "backed" names no place
        ("a London - born writer", []),  # not a compound
    ],
)
def test_born_and_based_leave_nationalities_and_other_compounds(text, ents):
    doc = _doc(text)
    given = [ent_at(doc, s, lab, i) for s, lab, i in ents]
    assert place_before_participle(doc, given) == given


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("the trans-Atlantic alliance", "trans-Atlantic", "LOC", "Atlantic"),
        ("a pan-Asian idea", "pan-Asian", "NORP", "Asian"),
        ("non-Western states", "non-Western", "NORP", "Western"),
        ("al-Qaeda fighters", "al-Qaeda", "ORG", "al-Qaeda"),  # an article, not a prefix
        ("Anti-Terrorism Structure", "Anti-Terrorism Structure", "ORG", "Anti-Terrorism Structure"),
    ],
)
def test_a_lower_case_prefix_is_cut(text, surface, label, expected):
    doc = _doc(text)
    got = cut_lowercase_prefix(doc, [ent_at(doc, surface, label)])
    assert labelled(doc, got) == [(expected, label)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“RUSSIANS FLEE TO KAZAKHSTAN”",
            [("RUSSIANS", "NORP", "Russian"), ("KAZAKHSTAN", "GPE", "Kazakhstan")],
        ),
        ("‘CHINA IS WATCHING’", [("CHINA", "GPE", "China")]),  # "IS" is the verb
        ("“US TROOPS LEAVE IRAN”", [("US", "GPE", "United States"), ("IRAN", "GPE", "Iran")]),
        (
            "“THE PEOPLE’S REPUBLIC OF CHINA RISES”",
            [("PEOPLE’S REPUBLIC OF CHINA", "GPE", "China")],
        ),
    ],
)
def test_headline_capitals_are_looked_up_title_cased(text, expected):
    doc = _doc(text)
    kb = default_kb()
    noise = [ent_at(doc, "IS", "ORG", "Islamic State")] if " IS " in text else []
    got = headline_capitals(doc, noise, kb)
    assert [(doc[e.start : e.end].text, e.label, e.ent_id) for e in got] == expected


@pytest.mark.parametrize(
    "text",
    ["the SCO and NATO met", "US SCO ties", "IS fighters in Syria"],  # acronyms, no headline
)
def test_acronyms_outside_headlines_are_left_alone(text):
    doc = _doc(text)
    ents = [ent_at(doc, w, "ORG", w) for w in ("SCO", "NATO", "IS") if f"{w} " in f"{text} "]
    assert headline_capitals(doc, ents, default_kb()) == ents


# Shape 4: model noise.


@pytest.mark.parametrize(
    "text",
    [
        "Faced with sanctions, Moscow turned east.",
        "Having failed in Kabul, Washington left.",
        "He left. Noting the risk, Beijing acted.",
        "“Despite this, Moscow waited.",
        "Asked about it, Lavrov said no.",
    ],
)
def test_sentence_initial_common_words_are_no_person(text):
    doc = _doc(text)
    first = doc[3] if text.startswith("He") else doc[1] if text.startswith("“") else doc[0]
    assert drop_initial_common_words(doc, [Ent(first.i, first.i + 1, "PERSON")]) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Manning said so.", "Manning"),  # a surname ending -ing, then a verb
        ("Ahmed said so.", "Ahmed"),  # a name ending -ed
        ("Ahmed, the envoy, said so.", "Ahmed"),
        ("He met Faced with.", "Faced"),  # not sentence-initial
    ],
)
def test_names_that_look_like_participles_stay(text, name):
    doc = _doc(text)
    ents = [ent_at(doc, name, "PERSON")]
    assert drop_initial_common_words(doc, ents) == ents


def test_a_known_person_is_never_dropped_as_a_common_word():
    doc = _doc("Having failed, Putin left.")
    ents = [Ent(0, 1, "PERSON", "Having")]
    assert drop_initial_common_words(doc, ents) == ents


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("He met the Chief of Defence Staff of Pakistan.", "Defence"),
        ("the Chiefs of Defence Staff of Afghanistan", "the Chiefs of Defence Staff"),
        ("the Chief of Army Staff said", "Army"),
        ("the Minister of Foreign Affairs of Pakistan", "Foreign Affairs"),
        ("the Secretary of State said", "State"),
        ("the Director of National Intelligence said", "National Intelligence"),
    ],
)
def test_an_org_swallowed_by_a_title_of_office_goes(text, org):
    doc = _doc(text)
    keep = [ent_at(doc, p, "GPE", p) for p in ("Pakistan", "Afghanistan") if p in text]
    got = drop_office_titles(doc, sorted([ent_at(doc, org, "ORG"), *keep], key=lambda e: e.start))
    assert got == keep


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("the Head of the Armed Forces spoke", "Armed Forces"),
        ("the President of the European Commission", "European Commission"),
        ("Chief of the General Staff of the Russian Armed Forces", "Russian Armed Forces"),
        ("the Ministry of Defence said", "Ministry of Defence"),  # a ministry is no office
    ],
)
def test_a_body_named_after_an_office_stays(text, org):
    doc = _doc(text)
    ents = [ent_at(doc, org, "ORG")]
    assert drop_office_titles(doc, ents) == ents


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("the just published Sinostan: China’s Inadvertent Empire, a book", ["Sinostan", "China"]),
        ("in her book China’s Western Horizon she argues", ["China"]),
        ("the report “Afghanistan After the Taliban” said", ["Afghanistan", "Taliban"]),
        ("a paper titled Russia and the Great Game in Asia", ["Russia", "Asia"]),
    ],
)
def test_names_inside_a_cited_title_go(text, inside):
    doc = _doc(text)
    ents = [ent_at(doc, s, "GPE") for s in inside]
    assert drop_names_in_work_titles(doc, ents) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("the report found that China grew", ["China"]),  # no title after the cue
        ("a book by Raffaello Pantucci", ["Raffaello Pantucci"]),
        ("the report China submitted", ["China"]),  # one word, a name
        ("a study of Central Asia", ["Central Asia"]),
        ("in a RUSI report, Kazakhstan’s Foreign Minister said", ["RUSI", "Kazakhstan"]),
        (
            "Inheriting the Storm: Beijing’s Difficult new Relationship with Kabul",
            ["Beijing", "Kabul"],
        ),
        ("the report said “China is a friend”", ["China"]),  # a quotation, not a title
    ],
)
def test_names_outside_cited_titles_stay(text, names):
    doc = _doc(text)
    ents = [ent_at(doc, s, "GPE") for s in names]
    assert drop_names_in_work_titles(doc, ents) == ents


# End to end, through the model and the base.


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        (
            "The European Court of Human Rights ruled.",
            ("European Court of Human Rights", "ORG"),
            ("European", "NORP"),
        ),
        (
            "The Indian Ministry of External Affairs said so.",
            ("Indian Ministry of External Affairs", "ORG"),
            ("Indian", "NORP"),
        ),
        ("The French Senate voted.", ("French Senate", "ORG"), ("French", "NORP")),
        ("A Franco-German plan.", ("Franco", "NORP"), ("Franco-German", "NORP")),
        ("The Leeds-born author wrote.", ("Leeds", "GPE"), ("Leeds-born", "GPE")),
        (
            "The headline read “RUSSIANS FLEE TO KAZAKHSTAN” today.",
            ("RUSSIANS", "NORP"),
            ("FLEE", "ORG"),
        ),
        ("He met the Chief of Defence Staff of Pakistan.", ("Pakistan", "GPE"), ("Defence", "ORG")),
        (
            "Fighters of the Islamic State of Iraq and the Levant crossed into Syria.",
            ("Islamic State of Iraq and the Levant", "ORG"),
            ("Levant", "PERSON"),
        ),
    ],
)
def test_shapes_end_to_end(nlp, text, wanted, unwanted):
    got = _mentions(nlp, text)
    assert wanted in got
    assert unwanted not in got


def test_shapes_keep_the_contract_end_to_end(nlp):
    got = _mentions(nlp, "Chinese President Xi Jinping met the Afghan Taliban and the Russian GRU.")
    assert got == [
        ("Chinese", "NORP"),
        ("Xi Jinping", "PERSON"),
        ("Afghan", "NORP"),
        ("Taliban", "ORG"),
        ("Russian", "NORP"),
        ("GRU", "ORG"),
    ]


def test_no_mention_runs_across_a_paragraph_break():
    from pipelines.mentions.extract import extract_mentions, load_model

    text = "The Responses\n\nBroadly, the Shanghai Cooperation Organization met in Astana."
    (found,) = extract_mentions(load_model(), [text])
    assert found and all("\n\n" not in m.surface for m in found)
    assert "Astana" in {m.surface for m in found}


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("The Pakistan Tehreek-e-Insaf won.", "Pakistan Tehreek", "Pakistan Tehreek-e-Insaf"),
        ("Lashkar-e-Taiba trained them.", "Taiba", "Lashkar-e-Taiba"),
        ("Hizb ut-Tahrir is legal here.", "Hizb", "Hizb ut-Tahrir"),
        ("Tehrik-i-Taliban Pakistan grew.", "Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
        ("Smith - e - Jones met.", "Smith", "Smith"),  # spaced dashes are no connector
    ],
)
def test_a_name_cut_at_a_connector_takes_the_rest(text, model, expected):
    doc = _doc(text)
    (got,) = extend_through_connectors(doc, [ent_at(doc, model, "ORG")])
    assert doc[got.start : got.end].text == expected


def test_a_particle_inside_a_full_name_around_a_known_given_name(nlp):
    found = _mentions(nlp, "Muhammad bin Nayef survived the attack in Jeddah.")
    assert ("Muhammad bin Nayef", "PERSON") in found


def test_a_leading_the_does_not_stop_a_longer_name_around_a_known_one(nlp):
    found = _mentions(nlp, "Exiles in the World Uyghur Congress said so.")
    assert ("World Uyghur Congress", "ORG") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurdish Peshmerga units held Kirkuk.", [("Kurdish", "NORP")]),  # no body's word
        ("The Second Chechen War began in 1999.", [("Second Chechen War", "EVENT")]),
        ("He led the Caucasus Emirate for years.", [("Caucasus Emirate", "ORG")]),
    ],
)
def test_a_nationality_or_region_inside_a_name_only_with_a_bodys_or_events_head(
    nlp, text, expected
):
    found = _mentions(nlp, text)
    assert all(pair in found for pair in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A review of Shiraz Maher’s new book came out.", ("Shiraz Maher", "PERSON")),
        (
            "It ran from Sayyid Qutb to Abu Muhammad al-Maqdisi, in order.",
            ("Abu Muhammad al-Maqdisi", "PERSON"),
        ),
    ],
)
def test_a_full_name_around_a_known_given_name_or_town_wins(nlp, text, expected):
    assert expected in _mentions(nlp, text)


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=5, max_value=60))
def test_pieces_cover_the_text_in_order(text, size):
    pieces = chunk_text(text, size)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)


def test_a_long_text_is_cut_at_paragraph_breaks_then_sentence_ends():
    text = "One para here.\n\nTwo. Abu Ayyub al-Masri spoke at length today."
    assert [p for _, p in chunk_text(text, 30)][:2] == ["One para here.", "\n\nTwo. "]
    first = chunk_text("The U.S. Marines landed at dawn today.", 20)[0][1]
    assert first == "The U.S. Marines "  # no cut after an abbreviation
