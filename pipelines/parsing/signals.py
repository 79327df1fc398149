"""The signals that score a candidate post start, each a fact of the page around it.

`evidence.candidates` reads the ways a headline's post may start; `features` says, for one
reading, what stands under the headline (front matter, a caption, the body), what stands
above its top (the end of a post, a note of an appearance, blog voice), what its
introduction is like, and whether a paragraph above shares the subject of the article below
(the facts of a candidate's surroundings are worked out in `around`). The weights of these
signals are fitted by `bench/segmentation_eval.py`.
"""

from __future__ import annotations

import re

from pipelines.parsing import classify, shapes
from pipelines.parsing.around import (
    INTRO_VOICE,
    above_notes,
    fits_above,
    fits_below,
    intro_and_headline_follow,
    intro_under_posted,
    posted_above,
)
from pipelines.parsing.gazetteer import outlets
from pipelines.parsing.notes import media_note_up_front
from pipelines.parsing.paragraphs import (
    ASIDE,
    CATCH_UP,
    INFORMAL_OPENING,
    is_byline_shape,
)
from pipelines.parsing.view import PageView

FRONT_LOOKAHEAD = 3  # paragraphs under a headline read for its byline and date
FRONT_LINES = 4
ASIDE_MAX_WORDS = 120
PREV_VOICE_SCORE = 3  # a paragraph this much in blog voice above an intro: the intro starts there
INTRO_SHORT_WORDS = 90
BODY_LOOKAHEAD = 5  # paragraphs after a headline searched for the body
# An appearance whose words are printed under the note: an interview, a transcript.
WRITTEN_UP = re.compile(
    r"\b(?:interview(?:s|ed)?|transcript|Q&A|asked me|(?:spoke|talked)(?: [a-z]+){0,3} (?:with|to)|"
    r"conversation with|write-?up|written up)\b",
    re.IGNORECASE,
)
# "It ran in the Post this morning.", "Written with X, it went up on Y": an introduction's
# second paragraph, speaking of a piece the paragraph above it presented
REFERS_BACK = re.compile(
    r"^(?:[^.]{0,80}?, )?[Ii]t (?:ran|appeared|went up|is up|came out|was published|is out)\b"
)

FEATURES = (
    "bias",
    "intro_one",
    "intro_two",
    "intro_voice",
    "intro_first_person",
    "intro_opening",
    "intro_names_outlet",
    "intro_short",
    "intro_long",
    "intro_aside",
    "url_line",
    "date_before",
    "older_block",
    "posted_after",
    "front_after",
    "standfirst_after",
    "body_soon",
    "page_start",
    "prev_closes",
    "prev_body",
    "prev_headline",
    "prev_voice",
    "head_strict",
    "head_long",
    "head_citation",
    "next_headline",
    "head_short",
    "bare_after_end",
    "date_after",
    "above_theme",
    "headline_soon",
    "intro_two_voiced",
    "bare_dated",
    "byline_after",
    "outlet_in_second",
    "intro_two_plain",
    "intro_colon",
    "intro_catch_up_first",
    "intro_note_first",
    "above_note",
    "intro_is_note",
    "intro_after",
    "first_fits_below",
    "prev_fits_below",
    "intro_fits_above",
    "intro_under_posted",
    "caption_after",
    "kicker_above",
    "intro_unmarked",
    "intro_refers_back",
    "bio_above",
    "qa_question",
    "head_is_outlet",
)


def _aside(view: PageView, i: int) -> bool:
    """A second intro paragraph: wholly in parentheses, or a short note of media appearances."""
    text = view.texts[i]
    if ASIDE.match(text):
        return True
    return (
        classify.words(text, ASIDE_MAX_WORDS) <= ASIDE_MAX_WORDS
        and media_note_up_front(text)
        and view.voice(i) >= INTRO_VOICE
    )


def _lines_under(view: PageView, h: int) -> list[str]:
    """The first lines under headline h, as printed, until the body: a byline and a dateline
    may share a paragraph or stand in paragraphs of their own."""
    lines = [line.strip() for line in view.paragraphs[h].lines[1:]]  # a dateline may share it
    for i in range(h + 1, min(len(view), h + 1 + FRONT_LOOKAHEAD)):
        if view.body_like[i]:
            break
        lines += [line.strip() for line in view.paragraphs[i].lines]
    return lines[:FRONT_LINES]


def _byline_or_name(line: str) -> bool:
    return is_byline_shape(line) or classify.is_person_name_line(line)


def features(view: PageView, start: int, h: int, roles: tuple[str, ...]) -> tuple[float, ...]:
    intro = [view.texts[start + n] for n, role in enumerate(roles) if role == "intro"]
    first_intro = intro[0] if intro else ""
    head = view.firsts[h]
    after = range(h + 1, min(len(view), h + 1 + BODY_LOOKAHEAD))
    nxt = h + 1
    first = start + roles.index("intro") if intro else start  # the first intro paragraph
    last_intro = first + len(intro) - 1
    voice = view.voice(first) if intro else 0
    prev = above_notes(view, start)  # what ends the previous post, past any note-only posts
    under = _lines_under(view, h)
    aside = len(intro) == 2 and _aside(view, first + 1)
    second_names_outlet = (  # a media note naming broadcasters is an aside, not this
        len(intro) == 2
        and not aside
        and view.names_outlet[first + 1]
        and not view.names_outlet[first]
    )
    intro_words = classify.words(first_intro) if intro else 0
    values = {
        "bias": 1.0,
        "intro_one": float(len(intro) == 1),
        "intro_two": float(len(intro) == 2),
        "intro_voice": min(voice, 6) / 6,
        "intro_first_person": float(bool(intro) and classify.has_first_person(first_intro)),
        "intro_opening": float(
            bool(intro)
            and bool(
                classify.BLOG_OPENING.match(first_intro) or INFORMAL_OPENING.match(first_intro)
            )
        ),
        "intro_names_outlet": float(bool(intro) and view.names_outlet[first]),
        "intro_short": float(bool(intro) and intro_words <= INTRO_SHORT_WORDS),
        "intro_long": float(intro_words > INTRO_SHORT_WORDS),
        "intro_aside": float(aside),
        "intro_refers_back": float(bool(intro) and REFERS_BACK.match(first_intro) is not None),
        # one "introduction" with nothing of one: no blog voice, opening, outlet or colon
        "intro_unmarked": float(
            len(intro) == 1
            and voice == 0
            and not view.names_outlet[first]
            and not classify.has_first_person(first_intro)
            and not classify.BLOG_OPENING.match(first_intro)
            and not INFORMAL_OPENING.match(first_intro)
            and not first_intro.rstrip().endswith(":")
        ),
        "url_line": float("url" in roles),
        "date_before": float("date" in roles or "outlet_date" in roles),
        "older_block": float("posted" in roles),
        "kicker_above": float("kicker" in roles),
        # a bio over the headline (a guest post's); most bios close the post above instead
        "bio_above": float("bio" in roles),
        # an outlet's own line over its date ("South China Morning Post") is no headline
        "head_is_outlet": float(head in outlets().canonical),
        # a question two paragraphs from another, an answer between: an interview's turn
        "qa_question": float(
            head.endswith("?")
            and any(
                0 <= k < len(view) and view.firsts[k].rstrip().endswith("?") for k in (h - 2, h + 2)
            )
        ),  # "ANALYSIS" over it: an article's top
        "posted_after": float(view.role(nxt) == "posted"),
        "front_after": float(view.front[nxt] or len(view.paragraphs[h].lines) > 1),
        "standfirst_after": float(view.standfirst[nxt] and not view.body_like[nxt]),
        # a photo and its credit under the headline: an article's top, not a heading's
        "caption_after": float(classify.is_caption(view.firsts[nxt])),
        "body_soon": float(any(view.body_like[i] for i in after)),
        "page_start": float(prev < 0),
        "prev_closes": float(prev >= 0 and view.closes[prev]),
        "prev_body": float(prev >= 0 and view.body_like[prev]),
        "prev_headline": float(prev >= 0 and view.headline[prev]),
        # the paragraph above reads as the start of this introduction: blog voice that talks
        # about pieces or the blog, not just an "I think" of an article's last paragraph
        "prev_voice": float(prev >= 0 and prev == start - 1 and view.presents[prev]),
        # a note of a talk or an appearance, with no article, stands between two posts
        "above_note": float(prev < start - 1),
        # the one paragraph above the headline is such a note, and of no interview (which is
        # printed): the headline starts a post of its own
        "intro_is_note": float(
            len(intro) == 1 and view.note[first] and not WRITTEN_UP.search(first_intro)
        ),
        # what a paragraph is about: an introduction's lead-in shares the article's subject,
        # the last paragraph of the previous post shares that post's
        "first_fits_below": float(len(intro) == 2 and fits_below(view, first, h)),
        # a one-paragraph "introduction" that goes on with the article above it
        "intro_fits_above": float(len(intro) == 1 and fits_above(view, first, h)),
        "prev_fits_below": float(
            start > 0
            and view.body_like[start - 1]
            and not view.closes[start - 1]  # a bio ends its post whatever it is about
            and fits_below(view, start - 1, h)
        ),
        # the introduction printed under the headline: "A piece in the <Paper>, where …"
        "intro_after": float(not intro and view.presents[nxt]),
        "head_strict": float(classify.is_title_like(head)),
        "head_long": float(classify.words(head, 16) > 16),
        "head_citation": float(bool(shapes.BOOK_CITATION.match(head))),
        "next_headline": float(
            view.headline[nxt] and not view.standfirst[nxt] and not view.front[nxt]
        ),
        "head_short": float(classify.words(head, 3) <= 3),
        # a title-first post: nothing above the headline but the end of the previous post
        "bare_after_end": float(not roles and (prev < 0 or view.closes[prev])),
        "above_theme": float(posted_above(view, start) is not None),  # the post starts higher
        "byline_after": float(any(_byline_or_name(line) for line in under[:2])),
        "bare_dated": float(not roles and view.date_line[nxt]),
        "intro_two_voiced": float(
            len(intro) == 2
            and view.voice(first) >= PREV_VOICE_SCORE
            and (view.voice(first + 1) >= INTRO_VOICE or bool(ASIDE.match(intro[1])))
            and not second_names_outlet
        ),
        # the paragraph saying where the piece ran opens an introduction, it does not close one
        "outlet_in_second": float(second_names_outlet),
        # "For Nikkei Asia, on the turmoil in Kazakhstan:" introduces what follows
        "intro_colon": float(bool(intro) and view.texts[last_intro].rstrip().endswith(":")),
        # a remark on the blog itself, then the piece: "Been quiet here …" / "Here is …"
        "intro_catch_up_first": float(
            len(intro) == 2 and CATCH_UP.search(view.texts[first]) is not None
        ),
        # a note of an appearance closes an introduction as its aside, it never opens one
        "intro_note_first": float(len(intro) == 2 and media_note_up_front(view.texts[first])),
        # a second paragraph of introduction is an aside (media notes, a parenthesis)
        "intro_two_plain": float(len(intro) == 2 and not aside),
        "headline_soon": float(not roles and intro_and_headline_follow(view, h)),
        # blog-post title, Posted:, then an introduction and the article's own headline
        "intro_under_posted": float(not roles and intro_under_posted(view, h)),
        "date_after": float(
            view.role(nxt) == "posted" or any(shapes.is_date_line(line) for line in under)
        ),
    }
    return tuple(values[name] for name in FEATURES)
