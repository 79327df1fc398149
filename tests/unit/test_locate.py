"""Tier 1: the paragraph and sentence of a mention, counted from the start of its field."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.mentions.locate import layouts, locate, paragraph_spans
from pipelines.tables.mentions import LOCATION_COLUMNS, MENTIONS_SCHEMA, locate_mentions

BODY = (
    "Mr. Xi met the U.S. envoy in Astana. Russia, e.g. Putin, was absent.\n\n"
    "Tokayev spoke first. Mirziyoyev spoke next."
)


def test_abbreviations_do_not_end_a_sentence_and_indexes_run_on_across_paragraphs():
    starts = [BODY.index(w) for w in ("Xi", "U.S.", "Russia", "Putin", "Tokayev", "Mirziyoyev")]
    assert locate(BODY, "body", starts) == [(0, 0), (0, 0), (0, 1), (0, 1), (1, 2), (1, 3)]


def test_a_note_marker_glued_to_the_stop_still_ends_the_sentence():
    text = "Kabul fell to the Taliban.12 Beijing watched. Moscow waited.3"
    starts = [text.index(w) for w in ("Kabul", "Beijing", "Moscow")]
    assert locate(text, "body", starts) == [(0, 0), (0, 1), (0, 2)]


def test_each_caption_is_a_paragraph_and_a_sentence_of_its_own():
    text = "Xi Jinping in Astana\nPutin and Tokayev (Handout photo)"
    starts = [text.index(w) for w in ("Xi", "Putin", "Tokayev")]
    assert locate(text, "caption", starts) == [(0, 0), (1, 1), (1, 1)]


def test_a_single_newline_does_not_break_a_body_paragraph_but_splits_captions():
    assert paragraph_spans("a\nb", "body") == [(0, 3)]
    assert paragraph_spans("a\nb", "caption") == [(0, 1), (2, 3)]
    assert paragraph_spans("a\n\n\nb", "blog_note") == [(0, 1), (4, 5)]


def test_empty_and_blank_texts_have_one_paragraph_and_one_sentence():
    for text in ("", "   ", "Word."):
        layout = layouts([("title", text)])[0]
        assert (layout.paragraphs, layout.sentences) == ((0,), (0,))


def test_locate_mentions_adds_the_columns_in_the_model_order_and_keeps_the_rows():
    articles = pl.DataFrame(
        {"article_id": ["a"], "title": ["China and Russia"], "body": [BODY], "captions": [[]]}
    )
    rows = [("a", "body", BODY.index("Tokayev"), "Tokayev"), ("a", "title", 10, "Russia")]
    ner = pl.DataFrame(
        [
            {
                "article_id": a,
                "field": f,
                "start": s,
                "end": s + len(w),
                "surface": w,
                "label": "PERSON",
                "entity": w,
                "entity_id": None,
            }
            for a, f, s, w in rows
        ],
        schema={k: v for k, v in MENTIONS_SCHEMA.items() if k not in LOCATION_COLUMNS},
    )
    located = locate_mentions(ner, articles)
    assert located.columns == list(MENTIONS_SCHEMA)
    assert located.select(LOCATION_COLUMNS).rows() == [(1, 2), (0, 0)]
    assert located.drop(LOCATION_COLUMNS).equals(ner.select(located.drop(LOCATION_COLUMNS).columns))
    assert locate_mentions(ner.clear(), articles).columns == list(MENTIONS_SCHEMA)


WORDS = st.sampled_from(["Xi", "met", "Mr.", "U.S.", "e.g.", "Putin", "ok", "3", "(Kabul)"])
ENDS = st.sampled_from([" ", ". ", "! ", "? ", ".1 ", "\n", "\n\n", "\n \n\n"])
TEXTS = st.lists(st.tuples(WORDS, ENDS), max_size=40).map(lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, field=st.sampled_from(["body", "caption", "title"]), data=st.data())
def test_every_start_lies_in_the_paragraph_and_sentence_it_is_given(text, field, data):
    starts = sorted(data.draw(st.lists(st.integers(0, max(len(text) - 1, 0)), max_size=20)))
    layout = layouts([(field, text)])[0]
    spans = paragraph_spans(text, field)
    found = [layout.locate(s) for s in starts]
    assert found == locate(text, field, starts)
    assert found == sorted(found)  # monotone non-decreasing with start
    assert set(layout.paragraphs) <= set(layout.sentences)  # no sentence crosses a paragraph
    for start, (paragraph, sentence) in zip(starts, found, strict=True):
        assert 0 <= paragraph <= sentence
        bounds = [*layout.paragraphs, len(text) + 1], [*layout.sentences, len(text) + 1]
        assert bounds[0][paragraph] <= start < bounds[0][paragraph + 1]
        assert bounds[1][sentence] <= start < bounds[1][sentence + 1]
        # the text between two paragraph starts is the paragraph and then its break
        assert spans[paragraph][0] == layout.paragraphs[paragraph]
