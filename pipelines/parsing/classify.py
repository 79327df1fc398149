"""What kind of paragraph is this? Small predicates over one paragraph's text.

Each rule describes a *shape* of post part (a photo credit, a byline, a bio sentence), never a
particular post, so that pages the parser has not seen read the same way.
"""

from __future__ import annotations

import re

from pipelines.parsing.alternation import by_first_character

# --- the blogger's introduction ------------------------------------------------------------
# Openings typical of the blogger's own voice: catch-up remarks and "a new piece for ...".
BLOG_OPENING = re.compile(
    r"^(?:A|An|Another|More|My|Latest|Longer|Short|Almost|As usual|As is usual|Have|Has|Had|"
    r"Been|It has been|It is a new|It’s been|Its been|It's been|I|I’m|I've|I’ve|Catching up|"
    r"Catch up|First up|New|Belated|Finally|Also|Some|Slightly|Bit|Quite|Very|Rather|This aside|"
    r"Was|Am|Did|Spoke|Wrote|Did a|Here is|Here’s)\b"
)
# Words the blogger uses about his own output and the blog itself: regex fragments, each
# opening with a letter, so that BLOG_CUES can group them by it (see by_first_character).
BLOG_CUE_WORDS = (
    "piece", "pieces", "post", "posted", "posting", "posts", "column", "op-ed", "oped",
    "article", "articles", "interview", "interviews", "paper", "chapter", "book", "report",
    "commentary", "podcast", "newsletter", "wrote", "written", "publish(?:ed|ing)?",
    "re-?publishing", "this time", "catch(?:ing)? up", "caught up", "delinquent", "latest",
    "excellent", "wonderful", "kind enough", "colleague", "spoke", "speaking", "spoken", "media",
    "blog", "site", "promotion", "magazine", "mini-series",
    # "asked … to write something for their weekend edition. What follows is the original"
    "version", "edition", "what follows",
)  # fmt: skip
BLOG_CUES = re.compile(rf"\b(?:{by_first_character(BLOG_CUE_WORDS)})\b", re.IGNORECASE)
BLOG_CUES_LOWER = re.compile(BLOG_CUES.pattern)  # for lower-cased text: see _distinct_cues
# Letters that IGNORECASE matching and str.lower() treat differently (Kelvin sign, long s,
# dotted and dotless I).
CASE_ODDITIES = re.compile("[\u212a\u017f\u0130\u0131]")
FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|my|me|myself|mine)\b")
# The same words without the leading \b: a pattern that opens with a letter lets the regex
# engine jump from one "I" or "m" to the next; `has_first_person` checks the word start.
FIRST_PERSON_WORD = re.compile(r"(?:I(?:’m|'m|’ve|'ve)?|m(?:y|e|yself|ine))\b")
# Q&A turns carry "I" and "?" but are the interviewee speaking, not the blogger.
QA_TURN = re.compile(r"^(?:Q|A|Q\.|A\.)\s*[:.]\s|^[A-Z][\w.]+(?: [A-Z][\w.]+)?:\s")

# --- title, standfirst, headings -----------------------------------------------------------
SENTENCE_END = re.compile(r"[.!…:;,]$")
INNER_SENTENCE = re.compile(r"[a-z0-9)”’][.!] +[A-Z“‘]")
CAPITALISED = re.compile(r"^[A-Z0-9“‘\"'¿(]")

# --- bylines and datelines -----------------------------------------------------------------
BYLINE_BY = re.compile(
    r"^(?:[Bb]y|BY)\s+(?P<names>.+?)(?:,?\s+[Ff]or\s+(?P<outlet>.+?))?\s*(?:/.*)?$"
)
BYLINE_AUTHOR = re.compile(r"^(?:Author|Authors|Written by|Words by)\s*:\s*(?P<names>.+)$")
WP_BYLINE = re.compile(r"^by (?P<names>.+?) / (?P<date>[^/]+?)(?: / .*)?$", re.IGNORECASE)
MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<m>{MONTH_NAMES})\.?,? (?P<y>\d{{4}})\b"
)
DATE_MDY = re.compile(
    rf"\b(?P<m>{MONTH_NAMES})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})\b"
)
TIME_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|JST|SGT|HKT|IST)"  # "Fri 17 Jul 2015 07.00 BST"
# the time after a date: "…, 10:32 AM", "… • 6:00am", "… at 6:15 PM"
TIME_OF_DAY = r"(?:,| [•·|–]| at)? \d{1,2}[:.]\d{2}\s*(?:am|pm|AM|PM)?"
DATELINE = re.compile(
    rf"^(?:(?:PUBLISHED|UPDATED|Published|Updated|Posted|Date)(?: online)?\s*:?\s*)?"
    rf"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?,? )?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,? {MONTH_NAMES}\.?,? \d{{4}}"
    rf"|{MONTH_NAMES}\.? \d{{1,2}},? \d{{4}})"
    # "3 December 2019 • 6:00am", "Fri 17 Jul 2015 07.00 BST"
    rf"(?:{TIME_OF_DAY}(?: {TIME_ZONE})?)?$"
)
UPDATED_LINE = re.compile(r"^(?:UPDATED|Updated)\s*:")

# --- captions ------------------------------------------------------------------------------
PHOTO_CREDIT = re.compile(
    r"©|\bPHOTO:|\bPhoto(?: credit)?\s*[:,]|\bPhoto by\b|\bAP Photo\b|\bImage(?: credit)?\s*:|"
    r"\bImage Credit\b|\bIllustration by\b|\bCourtesy of\b|^Wikimedia Commons\b|\bPicture:|"
    r"\bSource: (?:Getty|Reuters|AFP|AP)\b|\(Handout photo"
)
# Substrings one of which every PHOTO_CREDIT match contains: a cheap test before the regex.
CREDIT_KEYS = (
    "©",
    "PHOTO",
    "Photo",
    "Image",
    "Illustration",
    "Courtesy",
    "Wikimedia",
    "Picture",
    "Source",
    "Handout",
)
CREDIT_KEY = re.compile("|".join(map(re.escape, CREDIT_KEYS)))  # one scan instead of ten
# A trailing "(Photographer/Agency)" credit: "(Turar Kazangapov/Asian Development Bank/Flickr)".
TRAILING_CREDIT = re.compile(r"\((?:[^()]*/[^()]*|Reuters|AP|AFP|Getty Images)\)\.?$")
SCREENSHOT_NAME = re.compile(
    r"^(?:Screen ?[Ss]hot|Screenshot|IMG|DSC|Image|Photo)[ _-]?\d{4}[-_.]?\d{2}[-_.]?\d{2}\b"
    r"|^[\w-]+\.(?:jpe?g|png|gif|webp)$",
    re.IGNORECASE,
)

# --- author bios ---------------------------------------------------------------------------
NAME = r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}"
BIO_START = re.compile(
    rf"^(?:The (?:writer|author)s? (?:is|are)\b|{NAME}(?: and {NAME})? (?:is|are|was)\b|"
    rf"{NAME}, (?:the |a |an )?(?:co-)?(?:author|director|fellow|senior|editor))"
)
# "X is a senior fellow …": the plain bio sentence (as opposed to an appositive standfirst).
BIO_IS = re.compile(
    rf"^(?:The (?:writer|author)s? (?:is|are)\b|{NAME}(?: and {NAME})? (?:is|are|was)\b)"
)
# A journal abstract names the post's authors in the third person: "X and Y show how …".
ABSTRACT_VOICE = re.compile(
    rf"\b{NAME}(?: and {NAME})? (?:show|shows|argue|argues|examine|examines|explore|explores|"
    r"assess|assesses|consider|considers|analyse|analyses|analyze|analyzes|trace|traces)\b"
)
BIO_ROLE = re.compile(
    r"\b(?:fellow|director|researcher|analyst|professor|scholar|author|co-author|editor|"
    r"associate|lecturer|head of|chair|president|founder|adviser|advisor|journalist|"
    r"correspondent)\b",
    re.IGNORECASE,
)
CONTRIBUTORS_HEADING = re.compile(
    r"^(?:Additional information|Notes on contributors?|About the authors?|About the contributors?|"
    r"Author biograph(?:y|ies)|Biographical notes?)$",
    re.IGNORECASE,
)
NOTES_HEADING = re.compile(
    r"^(?:Notes|Endnotes|Footnotes|References|Notes and references|Citations)$", re.I
)
# A notes heading with its first note in the same paragraph: "Citations [1] Authors’ …"
HEADED_NOTES = re.compile(
    r"^(?:Notes|Endnotes|Footnotes|References|Citations):? (?:\[1\]|\(1\)|1[.)]) ", re.I
)
EDITORS_NOTE = re.compile(r"^(?:Editor[’']?s [Nn]ote|Editorial note)\s*:")
# WordPress page furniture printed between posts: navigation, sharing and filing lines.
WP_FURNITURE = re.compile(
    r"^(?:«\s*Older Entries|Newer Entries\s*»|«?\s*Older posts|Newer posts\s*»?|"
    r"(?:No|\d+) Comments?(?: »)?|Leave a (?:comment|reply)|Continue reading\b.*|Read more\b.*|"
    r"(?:Posted|Filed) (?:in|under)\b.*|Tags?:.*|Tagged\b.*|Categories:.*|Share this:?|"
    r"Like this:?|Related(?: posts)?:?|Loading\.\.\.|Comments are closed\.?|"
    r"Permalink|Edit this entry\.?)$",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^[*•·\-–—_=~#]{3,}$|^(?:\* ?){3,}$")
# A numbered note: "1. text", "1 text", "1“text", "651 text".
NOTE_START = re.compile(r"^\d{1,4}(?:\.\s|\s+\S|(?=[“\"‘']))")
BULLET = re.compile(r"^\s*[•▪◦●\-–*]\s+\S")
BULLET_MARK = re.compile(r"^\s*[•▪◦●\-–*]\s+")
# The last word of a publication's name ("Sunday Business Post", "Asia Times Online"): no
# person's name ends with one.
PUBLICATION_NOUNS = (
    "Post", "Times", "Journal", "Review", "Herald", "Tribune", "Monitor", "News", "Magazine",
    "Online", "Gazette", "Chronicle", "Bulletin", "Quarterly", "Weekly", "Daily",
)  # fmt: skip
PUBLICATION_NAME = re.compile(
    rf"^(?:The )?(?:[A-Z][\w’'.&-]* ){{0,4}}(?:{'|'.join(PUBLICATION_NOUNS)})$"
)
# Words that make a capitalised line a heading rather than a person's name.
NOT_NAME_WORDS = frozenset(
    [
        *(noun.lower() for noun in PUBLICATION_NOUNS),
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "without",
        "to",
        "from",
        "by",
        "what",
        "why",
        "how",
        "is",
        "are",
        "was",
        "new",
        "next",
        "conclusion",
        "introduction",
        "summary",
        "notes",
        "outlook",
        "responses",
        "future",
        "recent",
        "about",
        # prepositions that open a headline: "After Beijing, the SCO and Afghanistan"
        "after",
        "before",
        "beyond",
        "between",
        "against",
        "behind",
        "inside",
        "across",
        "under",
        "over",
        # titles of posts printed on a line of their own under a byline
        "fellow",
        "associate",
        "director",
        "professor",
        "researcher",
        "analyst",
        "editor",
        "correspondent",
    ]
)
PERSON_NAME_ONLY = re.compile(rf"^{NAME}\.?$")


MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25
MAX_CAPTION_CHARS = 600
MAX_BIO_CHARS = 1000


def words(text: str, cap: int | None = None) -> int:
    """Whitespace-separated words; with `cap`, counting stops at cap + 1 (enough to compare)."""
    return len(text.split(None, cap)) if cap is not None else len(text.split())


def blog_voice_score(text: str) -> int:
    """How much a paragraph sounds like the blogger introducing a post (0 = not at all)."""
    if QA_TURN.match(text):
        return 0
    score = 0
    if BLOG_OPENING.match(text):
        score += 2
    score += min(3, len(_distinct_cues(text)))
    if has_first_person(text):
        score += 1
    return score


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what the regex engine calls \w


def has_first_person(text: str) -> bool:
    """`FIRST_PERSON.search(text)`, several times faster on long paragraphs."""
    pos = 0
    while match := FIRST_PERSON_WORD.search(text, pos):
        start = match.start()
        if start == 0 or not _is_word_char(text[start - 1]):
            return True
        pos = start + 1
    return False


def blog_cue_count(text: str) -> int:
    """How many distinct words of the blogger's talk about his output (BLOG_CUE_WORDS)."""
    return len(_distinct_cues(text))


def _distinct_cues(text: str) -> set[str]:
    """BLOG_CUES words found, lower-cased.

    Matching the lower-cased text case-sensitively finds the same words as IGNORECASE and is
    several times faster; the few letters whose case rules differ between the two fall back.
    """
    if CASE_ODDITIES.search(text):
        return {m.group().lower() for m in BLOG_CUES.finditer(text)}
    return set(BLOG_CUES_LOWER.findall(text.lower()))


def is_blog_voice(text: str) -> bool:
    return blog_voice_score(text) >= 4


def is_title_like(text: str) -> bool:
    """A headline: short, capitalised, one line of thought, not closed by a full stop."""
    return (
        len(text) <= MAX_TITLE_CHARS
        and 0 < words(text, MAX_TITLE_WORDS) <= MAX_TITLE_WORDS
        and bool(CAPITALISED.match(text))
        and not SENTENCE_END.search(text)
        and not INNER_SENTENCE.search(text)
        and not is_caption(text)
        and not is_byline(text)
        and not is_dateline(text)
        and not BULLET.match(text)
    )


def is_heading(text: str) -> bool:
    """A section heading inside a body: a short title-like line, or a line in capitals."""
    if not is_title_like(text) or words(text) > 14:
        return False
    return not (text.endswith("?") and words(text) > 8)


def is_caption(text: str) -> bool:
    if len(text) > MAX_CAPTION_CHARS:  # a long paragraph is body, whatever it ends with
        return False
    credit = CREDIT_KEY.search(text) and PHOTO_CREDIT.search(text)
    trailing = text.rstrip(".").endswith(")") and TRAILING_CREDIT.search(text)
    return bool(credit or trailing or SCREENSHOT_NAME.match(text))


def is_byline(text: str) -> bool:
    return bool(
        WP_BYLINE.match(text)
        or BYLINE_AUTHOR.match(text)
        or (BYLINE_BY.match(text) and words(text) <= 14 and not SENTENCE_END.search(text))
    )


def is_dateline(text: str) -> bool:
    return bool(DATELINE.match(text) or UPDATED_LINE.match(text))


def is_bio(text: str) -> bool:
    return len(text) <= MAX_BIO_CHARS and bool(BIO_START.match(text) and BIO_ROLE.search(text))


def is_person_name_line(text: str) -> bool:
    """A line holding only a name, as printed under a title or above a contributor's bio."""
    tokens = text.rstrip(".").split()
    return (
        bool(PERSON_NAME_ONLY.match(text))
        and 2 <= len(tokens) <= 3
        and not any(t.lower() in NOT_NAME_WORDS for t in tokens)
    )
