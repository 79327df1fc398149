"""The scaled corpus bench/pipeline_scale.py times: N varied copies of every seed page.

Copy k of a seed page keeps every line's shape (headlines get " (k)", the content words of the
other lines outside the introductions are re-lettered with a cipher of the copy's own), so
dedupe finds nothing to merge while each copy parses into the same parts as the seed pages;
`_copies_alike` checks that on the parsed posts.
"""

from __future__ import annotations

import importlib
import random
import re
import string
from functools import cache
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"


# Modules whose rules read the words of a line: a word any of their patterns spells out is
# left as it is in every copy, so that each copy keeps the shapes the parser reads.
RULE_MODULES = (
    "pipelines.parsing.classify",
    "pipelines.parsing.classify_bylines",
    "pipelines.parsing.classify_captions",
    "pipelines.parsing.classify_furniture",
    "pipelines.parsing.classify_names",
    "pipelines.parsing.classify_wording",
    "pipelines.parsing.shapes",
    "pipelines.parsing.paragraphs",
    "pipelines.parsing.evidence",
    "pipelines.parsing.front",
    "pipelines.parsing.header",
    "pipelines.parsing.post",
    "pipelines.parsing.units",
    "pipelines.parsing.credits",
    "pipelines.parsing.dates",
    "pipelines.footnotes.split",
    "pipelines.footnotes.markers",
    "pipelines.footnotes.citations",
    "pipelines.footnotes.region",
    "pipelines.footnotes.urls",
    "pipelines.footnotes.accessed",
    "pipelines.footnotes.titles",
)
WORD = re.compile(r"\b[a-z]{4,}\b")  # a lower-case word: the content a copy may change
KEEP_TOKEN = re.compile(r"[/:@]|^www\.")  # URLs and addresses stay as printed


def _words_in(pattern: str) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", pattern.lower()))


@cache
def _rule_words() -> frozenset[str]:
    """Words the rules spell out: in their patterns, and in the `*_WORDS` tuples a pattern is
    built from with `by_first_character` (BLOG_CUE_WORDS). Such a pattern shows only pieces of
    its words ("iece" of "piece"), which are left out."""
    from pipelines.parsing.alternation import by_first_character

    spelled: set[str] = set()
    listed: set[str] = set()
    pieces: set[str] = set()
    for name in RULE_MODULES:
        for key, value in vars(importlib.import_module(name)).items():
            if isinstance(value, re.Pattern):
                spelled |= _words_in(value.pattern)
            elif key.endswith("_WORDS") and isinstance(value, tuple) and str in map(type, value):
                listed |= _words_in("|".join(value))
                pieces |= _words_in(by_first_character(value))
    return frozenset((spelled - (pieces - listed)) | listed)


@cache
def _cipher(copy: int) -> dict[int, int]:
    """A letter substitution of its own for each copy (seeded, so every run builds the same)."""
    letters = list(string.ascii_lowercase)
    random.Random(copy).shuffle(letters)
    return str.maketrans(string.ascii_lowercase, "".join(letters))


def _vary(line: str, copy: int) -> str:
    """Re-letter the line's lower-case content words: a different text, the same shape.

    Capitalised words (names, months, outlets), short words, numbers, punctuation, URLs and
    every word a parsing rule spells out stay; each copy substitutes letters with a cipher of
    its own, so two copies share little more than those kept words and dedupe has no reason
    to compare them.
    """
    keep, cipher = _rule_words(), _cipher(copy)

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return word if word in keep else word.translate(cipher)

    return " ".join(
        token if KEEP_TOKEN.search(token) else WORD.sub(swap, token) for token in line.split(" ")
    )


def make_corpus(folder: Path, scale: int) -> int:
    """Write `scale` varied copies of every seed page; returns the bytes written.

    In copy k every headline gets " (k)" and every other line outside the introductions has
    its content words re-lettered (see `_vary`), so that no two copies of a post are
    near-duplicates while every line keeps the shape the parser reads (`_copies_alike` checks
    that each copy parses into the same parts as the seed pages). Copy 0 is the seed pages.
    """
    from pipelines.parsing.page import parse_page
    from pipelines.tables.pages import page_row, page_source

    total = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        data = seed.read_bytes()
        posts = parse_page(page_source(page_row(seed.name, data))).posts
        headlines = {post.title_line for post in posts}
        intros = {n for post in posts for n in range(post.first_line, post.title_line)}
        lines = data.decode("utf-8").split("\n")
        for copy in range(scale):
            varied = []
            for number, line in enumerate(lines, start=1):
                if number in headlines:
                    line = f"{line} ({copy})"
                elif copy and number not in intros:
                    line = _vary(line, copy)
                varied.append(line)
            out = "\n".join(varied).encode("utf-8")
            (folder / f"{copy:04d}_{seed.name}").write_bytes(out)
            total += len(out)
    return total


# What a post's parse looks like apart from its words: every copy must match the seed pages.
SHAPE = {
    "first_line": pl.col("first_line"),
    "last_line": pl.col("last_line"),
    "title_line": pl.col("title_line"),
    "notes_first_line": pl.col("notes_first_line"),
    "note_count": pl.col("note_count"),
    "captions": pl.col("captions").list.len(),
    "headings": pl.col("headings").list.len(),
    "bullets": pl.col("bullets").list.len(),
    "keywords": pl.col("keywords").list.len(),
    "authors": pl.col("authors").list.join("|"),
    "outlet": pl.col("outlet"),
    "published_date": pl.col("published_date"),
    "no_subtitle": pl.col("subtitle").is_null(),
    "no_bio": pl.col("author_bio").is_null(),
    "is_qa": pl.col("is_qa"),
    "paragraphs": pl.col("body").str.count_matches("\n\n"),
}


def _copies_alike(posts: pl.DataFrame) -> bool:
    """Does every copy parse into the same parts, at the same lines, as the seed pages?"""
    shapes = posts.select(
        copy=pl.col("page").str.slice(0, 4), seed=pl.col("page").str.slice(5), **SHAPE
    ).sort("seed", "first_line")
    seeds = shapes.filter(pl.col("copy") == "0000").drop("copy")
    copies = shapes.group_by("copy", maintain_order=True)
    return all(frame.drop("copy").equals(seeds) for _, frame in copies)
