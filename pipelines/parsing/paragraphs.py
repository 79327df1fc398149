"""What a paragraph may be, for finding where posts start: the shapes `evidence` asks about.

Each predicate describes a *kind* of paragraph (a headline, article prose, the end of a post,
front matter, a possible introduction), never a particular post.
"""

from __future__ import annotations

import re

from pipelines.parsing import classify, shapes, venues
from pipelines.parsing.text import Paragraph
from pipelines.parsing.units import paragraph_units

OUTLET_EVIDENCE = 2  # "for X", or a listed outlet: more than a name after "at"
INTRO_MAX_WORDS = 320  # the blogger's introductions are a few sentences, rarely a page
BODY_MIN_WORDS = 25
SIDEBAR_MAX_CHARS = 300  # a tweet or a widget line; longer text is never sidebar furniture
HEADLINE_MAX_CHARS = 220
HEADLINE_MAX_WORDS = 28
TWO_SENTENCE_HEADLINE_MAX_WORDS = 16
CREDIT_MAX_WORDS = 30  # a closing credit is a line, not a paragraph that mentions one
TALKS_ABOUT_PIECES = 3  # blog voice of a paragraph that presents a piece or the blog
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MAX_WORDS = 16  # a title-cased line this short is a headline, even in two sentences
# Openings of the blogger's introductions that carry no cue word and often no "I": an
# implied first person ("Wrote a few things on …"), a remark on the subject ("Old subject, new
# venue: …", "One more on …"), a place in time ("Belatedly, …", "Around the anniversary of …").
INFORMAL_OPENING = re.compile(
    r"^(?:(?:Old|Same|Familiar|Different|New|Another) (?:subject|topic|theme|venue|outlet)\b|"
    r"One (?:more|for)\b|Two more\b|A few more\b|Few more\b|More on\b|Back to\b|Belatedly\b|"
    r"Late(?:ly)?\b|"
    r"Around\b|Ahead of\b|Following\b|Following up\b|Further to\b|On the back of\b|Looking\b|"
    r"Trying\b|Thinking\b|Writing\b|Wrote\b|Spoke\b|Gave\b|Did\b|Had\b|Got\b|Took\b|Went\b|"
    r"Quoted\b|Appeared\b|Chatted\b|Talked\b|Interviewed\b|Presented\b|Was on\b|Were on\b|"
    r"Spent\b|Delighted\b|Pleased\b|Glad\b|Honoured\b|Honored\b|"
    r"Joined\b|Took part\b|Participated\b|Attended\b|Chaired\b|Moderated\b|Hosted\b|"
    r"Managed\b|Published\b|Up (?:now|today|on)\b|Out (?:now|today)\b|Just\b|Recently\b|"
    r"Over (?:at|on|in)\b|Up (?:at|on)\b|Earlier\b|Last (?:week|month|year)\b|"
    r"This (?:week|month|time)\b|Something\b|Bit of\b|"
    r"Quick\b|Brief\b|Short\b|Long\b|Longer\b|Shorter\b|Finally\b|At last\b|Also\b|Plus\b|And\b)",
)
# The blogger on the blog itself, before introducing a piece: "Been quiet here for a bit as I
# have been on the road", "Catching up on posting", "It has been a while since …".
CATCH_UP = re.compile(
    r"\b(?:been (?:(?:very |rather |a bit )?(?:quiet|busy|away|slow|delinquent|absent)|"
    r"on the road|travell?ing)|quiet (?:here|on (?:the|this) blog)|posting|catch(?:ing)? up|"
    r"caught up|behind (?:on|with)|on the road|(?:a|quite a) while since|been a while|"
    r"apologies|belated(?:ly)?)\b",
    re.IGNORECASE,
)
ASIDE = re.compile(r"^\(.*\)\.?$", re.DOTALL)
# Words that carry a paragraph's subject: four letters or more, not the commonest function words.
CONTENT_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
_COMMON = (
    "that this with from have been were their there which would about what when will they "
    "them than into also more most only some such other very much many over after before "
    "these those being because while where could should still even just like does make made "
    "said says your ours here then thus however"
)
COMMON_WORDS = frozenset(_COMMON.split())
BRACKET_NOTE = re.compile(r"^\[\d{1,4}\]\s*\S")  # "[1] On the early years …"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
OPEN_END = re.compile(r"[,;:…]$")  # a line that goes on into the next: never a headline
HEADLINE_CLOSED = re.compile(r"[.,;:…]$|[.!]\)$|。$")  # "For Nikkei, on Kazakhstan:" opens


def intro_voice(text: str) -> int:
    return classify.blog_voice_score(text) if intro_eligible(text) else 0


def talks_about_pieces(text: str) -> bool:
    """Blog voice that presents a piece or the blog, not just an article's "I think"."""
    return intro_voice(text) >= TALKS_ABOUT_PIECES and classify.blog_cue_count(text) > 0


def content_words(text: str) -> frozenset[str]:
    """The lower-cased subject words of a paragraph, to compare what two paragraphs are about."""
    return frozenset(CONTENT_WORD.findall(text.lower())) - COMMON_WORDS


def prelude_role(text: str) -> str | None:
    if shapes.URL_LINE.match(text):
        return "url"
    if shapes.POSTED_LINE.match(text):
        return "posted"
    if shapes.FILING_LINE.match(text):
        return "filing"
    if shapes.is_date_line(text):
        return "date"
    if shapes.ISSUE_LINE.match(text):
        return "issue"  # "China Brief Volume: 10 Issue: 13" over the headline
    if shapes.SECTION_KICKER.match(text):
        return "kicker"
    return None


def first_unit_text(paragraph: Paragraph) -> str:
    """The paragraph's first unit: a headline may share its paragraph with a dateline."""
    if len(paragraph.lines) == 1:
        return paragraph.text
    return paragraph_units(paragraph, 0)[0].text


def is_headline_shape(text: str) -> bool:
    """Could be a headline: short, one line of thought, not a part of known other shape.

    Broader than `classify.is_title_like`: a headline may be in sentence case or lower case,
    in a script without capitals, or a book's citation.
    """
    if shapes.BOOK_CITATION.match(text):
        return True
    if not text or len(text) > HEADLINE_MAX_CHARS:
        return False
    if (
        is_title_case(text)
        and classify.words(text, TITLE_CASE_MAX_WORDS) <= TITLE_CASE_MAX_WORDS
        and not OPEN_END.search(text)
    ):
        return not _known_other_shape(text)  # "The SCO Keeps Getting Bigger. That Doesn’t …"
    if classify.words(text, HEADLINE_MAX_WORDS) > HEADLINE_MAX_WORDS:
        return False
    first = text[0]
    opens_like_a_title = (
        first.isupper() or first.isdigit() or first in "“‘\"'¿¡(" or CJK.match(first)
    )
    if not opens_like_a_title and not (first.islower() and classify.words(text, 4) >= 4):
        return False  # a lower-case headline needs a few words to be one
    if HEADLINE_CLOSED.search(text) or (
        classify.INNER_SENTENCE.search(text) and not _two_sentence_headline(text)
    ):
        return False
    return not _known_other_shape(text)


def _two_sentence_headline(text: str) -> bool:
    """ "Releasing terrorists is not the problem. Letting them go unwatched is": two short
    sentences, the last one open, as some newspapers set their headlines."""
    return (
        classify.words(text, TWO_SENTENCE_HEADLINE_MAX_WORDS) <= TWO_SENTENCE_HEADLINE_MAX_WORDS
        and len(classify.INNER_SENTENCE.findall(text)) == 1
        and text.rstrip()[-1:] not in '.!?”"’)…'
    )


def is_title_case(text: str) -> bool:
    """Most of the longer words capitalised, as headlines are set."""
    words = [w for w in text.split() if w[0].isalpha()]
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < TITLE_CASE_MIN_WORDS:  # short words: every one capitalised
        return len(words) >= TITLE_CASE_MIN_WORDS and all(w[0].isupper() for w in words)
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= TITLE_CASE_SHARE * len(long_words)


def _known_other_shape(text: str) -> bool:
    """A caption, byline, dateline, bullet, note, address, theme line or heading of notes."""
    return bool(
        classify.is_caption(text)
        or classify.is_bio(text)
        or classify.is_byline(text)
        or classify.is_dateline(text)
        or classify.BULLET.match(text)
        or (classify.NOTE_START.match(text) and not classify.is_title_like(text))
        or shapes.URL_LINE.match(text)
        or shapes.POSTED_LINE.match(text)
        or shapes.OLD_DATELINE.match(text)
        or shapes.SIDEBAR.search(text)
        or shapes.is_furniture(text)
        or shapes.is_image_name(text)
        or classify.WP_FURNITURE.match(text)
        or classify.CONTRIBUTORS_HEADING.match(text)
        or classify.NOTES_HEADING.match(text)
        or classify.SEPARATOR.match(text)
        or shapes.EMPTY_BYLINE.match(text)
        or shapes.SECTION_KICKER.match(text)
        or shapes.PUBLISHED_IN.match(text)
        or shapes.is_signature(text)
        or shapes.MEDIA_LINK.match(text)
    )


def is_body_like(text: str) -> bool:
    """Article prose: a long closed paragraph, or several sentences."""
    if CJK.search(text):
        return len(text) >= 60 and not is_headline_shape(text)
    if classify.words(text, BODY_MIN_WORDS) < BODY_MIN_WORDS:
        return False
    return text.rstrip()[-1:] in '.!?”"’)…:;' or bool(classify.INNER_SENTENCE.search(text))


def closes_paragraph(paragraph: Paragraph) -> bool:
    """`closes_post` of the paragraph, or of its last line (a notes block under a heading)."""
    if closes_post(paragraph.text):
        return True
    lines = [line.strip() for line in paragraph.lines]
    if len(lines) == 2 and shapes.is_signature(f"{lines[0].rstrip(',')}, {lines[1]}"):
        return True  # a reviewer's name over the institution: "X" / "Royal United Services …"
    if shapes.is_related_entry(paragraph.lines):
        return True
    return len(lines) > 1 and closes_post(lines[-1])


def closes_post(text: str) -> bool:
    """A paragraph after which a post may end: a bio, a numbered note, closing furniture."""
    if BRACKET_NOTE.match(text):
        return True
    if classify.is_bio(text) or shapes.CLOSING_FURNITURE.match(text):
        return True
    if shapes.is_signature(text) or shapes.DISCLAIMER.match(text):
        return True
    if shapes.FILING_LINE.match(text) or classify.WP_FURNITURE.match(text):
        return True
    if shapes.PUBLISHED_IN.match(text) or (
        classify.words(text, CREDIT_MAX_WORDS) <= CREDIT_MAX_WORDS
        and shapes.FIRST_APPEARED.search(text)
    ):
        return True  # "This article first appeared in Prospect on 25 May 2017."
    return classify.NOTE_START.match(text) is not None and not classify.is_title_like(text)


def is_front_matter(text: str) -> bool:
    """What a headline is followed by: byline, dateline, caption, bio, address, issue line."""
    return bool(
        is_byline_shape(text)
        or shapes.is_date_line(text)
        or classify.is_caption(text)
        or classify.is_bio(text)
        or classify.is_person_name_line(text)
        or shapes.URL_LINE.match(text)
        or shapes.ISSUE_LINE.match(text)
        or shapes.is_image_name(text)
        or classify.EDITORS_NOTE.match(text)
    )


def is_byline_shape(text: str) -> bool:
    """A byline in any of the shapes the blog's outlets print."""
    foreign = shapes.FOREIGN_BYLINE.match(text)
    return bool(
        classify.is_byline(text)
        or shapes.CREDIT_BYLINE.match(text)
        or shapes.EMPTY_BYLINE.match(text)
        or shapes.NAMES_BYLINE.match(text)
        or (foreign and classify.is_person_name_line(foreign["names"]))
    )


def standfirst_shape(text: str) -> bool:
    """One sentence of standfirst length right under a headline."""
    n = classify.words(text, 60)
    return 6 <= n <= 60 and not classify.INNER_SENTENCE.search(text) and not CJK.search(text)


def intro_eligible(text: str) -> bool:
    """A paragraph that could be (part of) the blogger's introduction."""
    if classify.words(text, INTRO_MAX_WORDS) > INTRO_MAX_WORDS:
        return False  # the cheap test first: most long paragraphs are body
    return not (
        classify.NOTE_START.match(text)
        or classify.HEADED_NOTES.match(text)
        or shapes.DISCLAIMER.match(text)
        or classify.is_bio(text)
        or classify.is_caption(text)
        or classify.QA_TURN.match(text)
        or (len(text) <= SIDEBAR_MAX_CHARS and shapes.SIDEBAR.search(text))
        or shapes.is_furniture(text)
        or shapes.URL_LINE.match(text)
    )


def names_outlet(text: str) -> bool:
    """The paragraph names where a piece ran: a listed outlet, or "for the X Foundation"."""
    return venues.outlet_evidence(text) >= OUTLET_EVIDENCE
