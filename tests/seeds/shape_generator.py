"""Tier 2 (shapes): the generator of synthetic archive pages, recording each page's posts.

`build_page` writes posts of known shapes (current theme, older theme, title-first) in one of
two layouts (blank-line paragraphs or one paragraph per line) under an optional page header,
and records every expectation (span, title line, outlet, url, date) as it writes; `pages` is
the hypothesis strategy that draws such pages from the pools in `tests.seeds.shape_texts`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st

from tests.seeds.shape_texts import (
    BIO,
    BLOG_TITLES,
    BODY_SENTENCES,
    BYLINE,
    CUE_INTROS,
    MONTHS,
    OUTLETS,
    PLAIN_INTROS,
    STANDFIRSTS,
    STORIES,
    TAG_VALUES,
    TAGS,
    Story,
)


@dataclass(frozen=True)
class PostSpec:
    """Every choice that makes up one post; the builder turns it into lines."""

    shape: str  # "current" | "older" | "title_first"
    headline: str
    body: tuple[str, ...]
    intro: str | None = None
    outlet: str | None = None  # canonical name the intro refers to
    url: str | None = None
    standfirst: str | None = None
    byline: bool = False
    dateline: date | None = None
    # with a clock the dateline reads "March 12, 2012 10:32 AM", without it "12 March 2012"
    clock: str | None = None
    bio: bool = False
    blog_title: str | None = None
    posted: date | None = None
    tags: str | None = None
    filed_under: bool = False
    continue_reading: bool = False


@dataclass(frozen=True)
class Expected:
    title: str
    first_line: int
    last_line: int
    title_line: int
    outlet: str | None
    url: str | None
    published_date: date | None


@dataclass(frozen=True)
class Page:
    text: str
    header_kind: str
    header_value: str | None
    posts: tuple[Expected, ...]
    n_lines: int


class _Lines:
    """Appends paragraphs and hands back their 1-based line, so spans are known as written."""

    def __init__(self, blank: bool) -> None:
        self.blank = blank
        self.lines: list[str] = []

    def add(self, text: str) -> int:
        if self.blank and self.lines:
            self.lines.append("")
        self.lines.append(text)
        return len(self.lines)


def _long_date(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _dateline(d: date, clock: str | None) -> str:
    return f"{_long_date(d)} {clock}" if clock else f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _slug(headline: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", headline.lower().replace("’", "")).strip("-")


def _url(headline: str, d: date) -> str:
    return f"https://www.example-outlet.com/{d.year}/{d.month:02d}/{_slug(headline)}"


def _header_line(kind: str, value: str | None) -> str | None:
    if kind == "tag":
        return f"Posts Tagged ‘{value}’"
    if kind == "month":
        assert value is not None
        year, month = value.split("-")
        return f"Archive for {MONTHS[int(month) - 1]}, {year}"
    return None


def _add_post(out: _Lines, spec: PostSpec) -> Expected:
    if spec.shape == "current":
        assert spec.intro is not None
        first = out.add(spec.intro)
        if spec.url:
            out.add(spec.url)
        title_line = out.add(spec.headline)
        if spec.standfirst:
            out.add(spec.standfirst)
        if spec.byline:
            out.add(BYLINE)
        if spec.dateline:
            out.add(_dateline(spec.dateline, spec.clock))
        for paragraph in spec.body:
            out.add(paragraph)
        if spec.bio:
            out.add(BIO)
    elif spec.shape == "older":
        assert spec.blog_title and spec.posted and spec.tags and spec.intro
        first = out.add(spec.blog_title)
        out.add(f"Posted: {_long_date(spec.posted)} in Articles")
        out.add(spec.tags)
        out.add(spec.intro)
        title_line = out.add(spec.headline)
        for paragraph in spec.body:
            out.add(paragraph)
        if spec.filed_under:
            out.add("Filed under: Articles")
        if spec.continue_reading:
            out.add("Continue reading")
    elif spec.shape == "title_first":
        assert spec.posted is not None
        first = title_line = out.add(spec.headline)
        out.add(f"Posted: {_long_date(spec.posted)} in Articles")
        for paragraph in spec.body:
            out.add(paragraph)
        out.add("Continue reading")
    else:
        raise ValueError(spec.shape)
    # Blank lines are only ever written before a paragraph, so the last line is non-empty.
    return Expected(
        title=spec.headline,
        first_line=first,
        last_line=len(out.lines),
        title_line=title_line,
        outlet=spec.outlet,
        url=spec.url,
        published_date=spec.dateline or spec.posted,
    )


def build_page(
    header_kind: str, header_value: str | None, posts: list[PostSpec], blank: bool
) -> Page:
    out = _Lines(blank)
    header = _header_line(header_kind, header_value)
    if header is not None:
        out.add(header)
    expected = tuple(_add_post(out, spec) for spec in posts)
    return Page(
        text="\n".join(out.lines) + "\n",
        header_kind=header_kind,
        header_value=header_value,
        posts=expected,
        n_lines=len(out.lines),
    )


# --- strategies -------------------------------------------------------------------------------

_PARAGRAPHS = st.lists(st.sampled_from(BODY_SENTENCES), min_size=3, max_size=5, unique=True).map(
    " ".join
)
_CLOCKS = st.builds(
    lambda h, m, half: f"{h}:{m:02d} {half}",
    st.integers(1, 12),
    st.integers(0, 59),
    st.sampled_from(("AM", "PM")),
)


def _body(draw, count: int, seen: set[str]) -> tuple[str, ...]:
    # A paragraph repeated on one page could pass for a duplicated post; keep them unique.
    paragraphs = []
    for _ in range(count):
        paragraph = draw(_PARAGRAPHS.filter(lambda p: p not in seen))
        seen.add(paragraph)
        paragraphs.append(paragraph)
    return tuple(paragraphs)


def _intro(draw, story: Story) -> tuple[str, str]:
    outlet = draw(st.sampled_from(sorted(OUTLETS)))
    templates = CUE_INTROS if draw(st.booleans()) else PLAIN_INTROS
    template = draw(st.sampled_from(templates))
    return template.format(outlet=OUTLETS[outlet], topic=story.topic), outlet


@st.composite
def post_specs(draw, story: Story, blog_title: str, dates, seen: set[str]) -> PostSpec:
    shape = draw(st.sampled_from(("current", "older", "title_first")))
    if shape == "current":
        intro, outlet = _intro(draw, story)
        dateline = draw(st.none() | dates)
        return PostSpec(
            shape=shape,
            headline=story.headline,
            intro=intro,
            outlet=outlet,
            url=_url(story.headline, draw(dates)) if draw(st.booleans()) else None,
            standfirst=draw(st.none() | st.sampled_from(STANDFIRSTS)),
            byline=draw(st.booleans()),
            dateline=dateline,
            clock=draw(st.none() | _CLOCKS) if dateline else None,
            body=_body(draw, draw(st.integers(2, 4)), seen),
            bio=draw(st.booleans()),
        )
    if shape == "older":
        intro, outlet = _intro(draw, story)
        return PostSpec(
            shape=shape,
            headline=story.headline,
            blog_title=blog_title,
            posted=draw(dates),
            tags=draw(st.sampled_from(TAGS)),
            intro=intro,
            outlet=outlet,
            body=_body(draw, draw(st.integers(2, 4)), seen),
            filed_under=draw(st.booleans()),
            continue_reading=draw(st.booleans()),
        )
    return PostSpec(
        shape=shape,
        headline=story.headline,
        posted=draw(dates),
        body=_body(draw, draw(st.integers(2, 3)), seen),
        continue_reading=True,
    )


@st.composite
def pages(draw) -> Page:
    kind = draw(st.sampled_from(("front", "tag", "month")))
    value = None
    dates = st.dates(date(2008, 1, 1), date(2023, 12, 31))
    if kind == "tag":
        value = draw(st.sampled_from(TAG_VALUES))
    elif kind == "month":
        year, month = draw(st.integers(2008, 2023)), draw(st.integers(1, 12))
        value = f"{year}-{month:02d}"
        # A month archive only lists what was posted that month; keep its dates realistic.
        last_day = calendar.monthrange(year, month)[1]
        dates = st.dates(date(year, month, 1), date(year, month, last_day))
    blank = draw(st.booleans())
    n = draw(st.integers(1, 5))
    # Drawn without replacement: two posts with one headline would make the spans ambiguous.
    stories = draw(st.permutations(STORIES))[:n]
    blog_titles = draw(st.permutations(BLOG_TITLES))[:n]
    seen: set[str] = set()
    specs = [
        draw(post_specs(story, blog_title, dates, seen))
        for story, blog_title in zip(stories, blog_titles, strict=True)
    ]
    return build_page(kind, value, specs, blank)
