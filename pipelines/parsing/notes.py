"""Notes of appearances: a paragraph in which the blogger notes a talk, a broadcast, a quote
in someone else's piece or a book of his, with no article under it.

`segment` sets such posts aside (note-only posts) and `signals` weighs a note above or inside
a candidate's introduction.
"""

from __future__ import annotations

import re

from pipelines.parsing import classify, shapes
from pipelines.parsing.paragraphs import INFORMAL_OPENING, intro_voice

NOTE_CUE_WORDS = 15
NOTE_ONLY_MAX_WORDS = 80
NOTE_VOICE = 3  # blog voice of a note without an informal opening
# "On Channel NewsAsia’s Asia First this morning, talking about …": an appearance, dated
BROADCAST_OPENING = re.compile(
    r"^On (?:[A-Z][\w’'-]* ){1,5}[^.]{0,40}?\b(?:this (?:morning|afternoon|evening|week)|"
    r"last (?:night|week)|earlier today|today|yesterday|tonight)\b"
)
# "Next Tuesday I will be speaking at …": an appearance announced, in its first sentence
ANNOUNCED_APPEARANCE = re.compile(
    r"^(?:[^.]{0,60}?\bI(?: will|’ll|'ll)|Will) be (?:speaking|talking|appearing|presenting|"
    r"chairing|on a panel|on the radio|one of the speakers|a speaker)\b|"
    # "On a panel at the Frontline Club next Thursday", "Speaking at RUSI on Monday": the
    # first person left out, as the blog often does
    r"^(?:On (?:a|the) (?:panel|radio|programme|podcast)|(?:Speaking|Talking|Chairing|"
    r"Presenting|Appearing) (?:at|on|to))\b"
)
# "talking to people in Brussels", "diplomats I have spoken to": research, no appearance
RESEARCH_CONTACTS = r"(?:people|officials|sources|diplomats|experts)\b"
# Where media appearances, talks and quotes are listed: the second paragraph of an intro.
MEDIA_NOTE = re.compile(
    rf"\b(?:(?:spoke|speaking|(?<!have )spoken)(?! (?:to|with) {RESEARCH_CONTACTS})|"
    rf"(?:talked|talking) (?:to|about|on|with)(?! {RESEARCH_CONTACTS})|"
    r"interview(?:ed|s)?|quoted|quote|(?:a few|some) words from me|appear(?:ed|ance)|"
    r"(?:a|gave a|give a) talk|"
    r"talk (?:at|on|to)|"
    r"comments? (?:to|for)|commented|story by|documentary|webinar|"
    # "on the Today programme", "on BBC’s Newsnight programme"; not "the Prevent programme"
    r"(?:on|in|for|at) (?:the |a )?(?:[\w’']+ ){0,3}programme|"
    r"speak(?:ing)? (?:at|on|to)|"
    r"roundtable|round-table|keynote|briefing|chaired|chairing|moderated|moderating|"
    # "the launch of Tomas Reinholt’s edited volume": an event, not a piece
    r"(?:book|report) launch|launch of [\w’' ]{0,40}(?:book|volume|report)|"
    # "the book is finally out": a publication announced, with no article under it
    r"(?:the|my|new) book is (?:finally |now )?(?:out|published|available)|"
    r"media|radio|television|TV|podcast|panel|presentation|presented|lecture|conference|"
    r"seminar|workshop|"
    r"event|discussion|testimony|evidence)\b",
    re.IGNORECASE,
)
NUMBERED_NOTE = re.compile(r"^(?:\[\d{1,4}\]|\d{1,4}[.)]?\s)")  # "[1] …", "1. …", "12 …"


def is_note_opener(text: str) -> bool:
    """A short paragraph in the blogger's voice about a talk, an appearance or a quote."""
    return (
        not NUMBERED_NOTE.match(text)  # "[1] Personal interview, …" is a footnote
        and not shapes.FIRST_APPEARED.search(text)  # "A version of this appeared in X": credit
        and classify.words(text, NOTE_ONLY_MAX_WORDS) <= NOTE_ONLY_MAX_WORDS
        and media_note_up_front(text)
        and (
            intro_voice(text) >= NOTE_VOICE
            or bool(
                INFORMAL_OPENING.match(text)
                or classify.BLOG_OPENING.match(text)
                or BROADCAST_OPENING.match(text)
                or ANNOUNCED_APPEARANCE.match(text)
            )
        )
    )


def media_note_up_front(text: str) -> bool:
    """A note of a talk, an appearance or a quote says so in its first words ("Was on BBC
    Radio 4 …"); an article mentions such things later, in passing."""
    return MEDIA_NOTE.search(" ".join(text.split()[:NOTE_CUE_WORDS])) is not None
