"""Named shapes of lines that open, sit before or close a post, across the blog's two themes.

Each constant describes a *kind* of line (a bare address, an older theme's "Posted:" line, a
sidebar tweet), never a particular post, so that pages the parser has not seen read the same way.
"""

from __future__ import annotations

import re

from pipelines.parsing import classify, dates
from pipelines.parsing.classify_bylines import MONTH_NAMES

# "CABAR.asia" (never across a full stop), "openDemocracy" (lower-case, then a capital)
NAME_WORD = r"(?:(?:[A-Z]|[a-z]+[A-Z]|\d+[A-Z])[\w’'&-]*(?:\.\w[\w’'&-]*)*)"  # "9DashLine"
# lower-case words inside a name: "Council on Foreign Relations", "Corriere della Sera"
CONNECTOR = (
    r"(?:of|and|on|for|the|de|del|della|delle|dello|degli|dei|des|du|da|do|dos|das|di|la|le|al)"
)
ORG_NAME = rf"{NAME_WORD}(?: (?:{CONNECTOR} )*{NAME_WORD}){{0,6}}"  # "Council on Foreign Relations"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DATE_TEXT = (
    rf"(?:{WEEKDAY},? )?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,? {MONTH_NAMES}\.?,? \d{{4}}|{MONTH_NAMES}\.? \d{{1,2}}"
    rf"(?:st|nd|rd|th)?,? \d{{4}})"
    rf"(?:{classify.TIME_OF_DAY})?(?:,? {WEEKDAY})?"
)
# A day-first date in figures (`dates.DOTTED_DATE`: "24/05/2010", "18.08.2021"), perhaps
# with its time: "14/10/2019 09:12"
NUMERIC_DATE = rf"{dates.DOTTED_DATE.pattern}(?:{classify.TIME_OF_DAY})?"
# The address of the original article printed on a line of its own.
URL_LINE = re.compile(r"^<?(?:https?://|www\.)\S+?>?$")
# Older theme: "Posted: March 4, 2011 in Articles"; other themes: "Posted on May 12, 2016 by X".
POSTED_LINE = re.compile(  # "… in Articles by X", "… by X in Y", "… | Author: X | Filed under: Y"
    # "Posted: <date>", "Posted on <date>", "Posted by Raffaello on <date>"
    rf"^Posted(?::| on| by (?:[A-Z][\w’'.-]* ){{1,3}}on)?\s*"
    rf"(?P<date>{DATE_TEXT}|{NUMERIC_DATE})"
    r"(?:(?:\s+(?:in|under|by)\s+|\s*[|·]\s*).*)?$",
    re.IGNORECASE,
)
FILING_LABEL = r"(?:Tags?|Tagged|Categor(?:y|ies)|Filed (?:under|in)|Posted in)"
# A filing label printed alone, its list on the next line: "Tags:" / "China, SCO"
BARE_FILING_LABEL = re.compile(rf"^{FILING_LABEL}\s*:\s*$", re.IGNORECASE)
# "Tags: a, b, c", "Category: X, Y", "Filed under: …" before or after a post's text, or a
# bare "Tags:" over its list
FILING_LINE = re.compile(rf"^{FILING_LABEL}(?:\s*:(?:\s*\S.*)?|\s+\S.*)$", re.IGNORECASE)
# A date line of a syndicated copy: "April 2, 2009 10:32 AM", "March 6, 2011 Sunday",
# "March 4, 2011 10:32 AM Age: 3 days".
OLD_DATELINE = re.compile(rf"^(?:{DATE_TEXT}|{NUMERIC_DATE})(?:\s+Age:\s*\d+\s+days?)?$")
# A think-tank kicker glued to its date: "Analysis12 May 2016".
GLUED_KICKER_DATE = re.compile(  # or set off by a comma: "Commentary, 29 April 2019"
    rf"^(?:Analysis|Commentary|Opinion|Comment|Briefing|Report|Interview|News)(?:[,|–-] ?)?"
    rf"(?P<date>{DATE_TEXT})$"
)
# A section label the outlet prints over (or under) a headline, on a line of its own:
# "ANALYSIS", "Commentary", "Q&A". One word in capitals only: two are as often a byline's name.
SECTION_KICKER = re.compile(
    r"^(?:[A-Z]{4,}|Q ?& ?A|Interview|Analysis|Opinion|Commentary|Comment|Editorial)$"
)
# An epigraph over a post's introduction: a quotation, then "– its source" under it.
EPIGRAPH = re.compile(r"^[“\"][^”\"]{5,240}[”\"]\s+[–—-]\s*\S[^.!?]{0,80}$")
# An outlet's issue line under a headline: "Terrorism Monitor Volume: 9 Issue: 12".
ISSUE_LINE = re.compile(r"^.{0,80}\bVolume\s*:?\s*\d+\s*,?\s*Issue\s*:?\s*\d+\b.{0,40}$", re.I)
# Closing furniture: the blog cut the post short, or links to more of the author.
CLOSING_FURNITURE = re.compile(
    r"^(?:\(more…\)|\(more\.\.\.\)|\[more\]|Continue reading\b.*|Read more\b.*|Read the rest\b.*|"
    r"View (?:more|all) (?:articles|posts) by\b.*|Leave a (?:comment|reply)|\d+ Comments?|"
    r"No Comments?|Comments? \(\d+\)|Comments are closed\.?|(?:Share|Like) this:?(?: .*)?|"
    r"Loading(?:\.\.\.|…)|"
    # the sharing widget's buttons, one per line under "Share this:" / "Like this:"
    r"Twitter|Facebook|Email|LinkedIn|Reddit|Print|WhatsApp|Tumblr|Pinterest|Pocket|Telegram|"
    r"Like(?: Loading(?:\.\.\.|…))?|Related)\s*[»›→]?$",
    re.IGNORECASE,
)
# The heading of the "Related" block: the titles under it are other posts', not headlines.
RELATED_HEADING = re.compile(r"^Related(?: posts)?:?$", re.IGNORECASE)
# A "Related" entry under a post: another post's title, its date, and "In “Category”".
RELATED_CATEGORY = re.compile(r"^In “[^”]{1,60}”$")


def is_related_entry(lines: tuple[str, ...]) -> bool:
    """A paragraph that is one entry of a "Related" block (its last line names a category)."""
    return len(lines) > 1 and RELATED_CATEGORY.match(lines[-1].strip()) is not None


# The site's own lines after the last post: pagination and the theme's footer.
PAGE_FOOTER = re.compile(
    r"^(?:Page \d+ of \d+|«\s*Older (?:Entries|posts)|Older (?:Entries|posts)\s*»?|"
    r"«?\s*Newer (?:Entries|posts)\s*»?|"
    r"(?:Blog|Create a free website or blog) at WordPress\.com\.?|"
    r"(?:Proudly |Website )?Powered by WordPress(?:\.com)?\.?|Privacy & Cookies:.*|"
    r"To find out more, including how to control cookies.*|Theme:? .{1,60} by .{1,40}|"
    r"(?:Copyright )?©\s*(?:\d{4}[–-]?)+\b.{0,80})$",
    re.IGNORECASE,
)
# Table remnants: cells printed as "Afghanistan |" or a bare " | ".
TABLE_REMNANT = re.compile(r"^\s*\|(?:[^|]{0,40}\|?)?\s*$|^[^|]{0,40}\s\|\s*$")  # a pipe at an edge
# Section headings a long piece opens with: the body starts there, they are no alt text.
HEADING_WORD = re.compile(
    r"^(?:Introduction|Background|Overview|Summary|Executive summary|Key (?:points|findings)|"
    r"Conclusions?|Recommendations)$",
    re.IGNORECASE,
)
# An image's file name on its own line: camera-style "IMG_1234", or a slug "surname-name".
CAMERA_NAME = re.compile(
    r"^(?:IMG|DSC|DSCN|Image|Photo)[_ -]?\d{3,}\w*(?:\.(?:jpe?g|png|gif|webp))?$", re.IGNORECASE
)
IMAGE_SLUG = re.compile(r"^[a-z]+(?:-[a-z0-9]+){1,4}(?:\.(?:jpe?g|png|gif|webp))?$")
# Sidebar furniture printed before the first post: tweets and the blog's widgets.
SIDEBAR = re.compile(
    r"^RT @\w+|^@\w+\b|\b\d+ (?:seconds?|minutes?|hours?|days?|weeks?) ago$|"
    r"^Follow @\w+|\bhttps?://t\.co/\S+$|^Blog at WordPress\.com\.?$|^Blog Stats\b|"
    r"^(?:Recent (?:Posts|Comments)|Top Posts(?: & Pages)?|Archives|Meta|Categories|Blogroll|"
    r"Search(?: for)?:?|Twitter|My Tweets|Follow (?:me|us)(?: on \w+)?)$|"
    rf"^\d[\d,]* hits$|^{MONTH_NAMES} \d{{4}}(?: \(\d+\))?$",  # an archive widget's months
    re.IGNORECASE,
)
# A book review's headline printed as the citation: "Title. By A. City: Publisher. 2015. 288pp."
BOOK_CITATION = re.compile(
    r"^(?P<title>[^.]{2,200}?(?:\?|!)?)\.?\s+(?:By|Edited by|Ed\. by|Eds?\.)\s+[^.]{2,120}\.\s+"
    r"(?=.*(?:\b\d{2,4}\s?pp\b|\bISBN\b|\b(?:19|20)\d{2}\b))",
    re.IGNORECASE,
)
# "For The Straits Times" under the author's name: where the piece ran.
OUTLET_CREDIT = re.compile(rf"^For (?:the )?(?P<name>{ORG_NAME})$")
# "by" in the languages the blog's syndicated copies appear in: "di X", "par X", "von X".
FOREIGN_BY = r"(?:di|par|von|por|door|av|af)"
# "and" between two authors' names, in the same languages
NAMES_AND = r"(?:and|et|e|y|und)"
FOREIGN_BYLINE = re.compile(rf"^(?:{FOREIGN_BY}|de)\s+(?P<names>\S.*)$")
EMPTY_BYLINE = re.compile(r"^[Bb]y:?$")
# A whole line of names after a lower-case "by" in any language: "par Alexandre Dubois et
# Raffaello Pantucci" stands alone, where a hard-wrapped "by the …" goes on in lower case.
NAMES_BYLINE = re.compile(
    rf"^(?:by|{FOREIGN_BY})\s+[A-Z][\w’'.-]+"
    rf"(?:,?\s+(?:(?:{NAMES_AND}|&)\s+)?[A-Z][\w’'.-]+)*\s*$"
)
# "Reviewed by X", "Interview by X": a byline that says what the author did.
CREDIT_BYLINE = re.compile(
    r"^(?:Reviewed|Review|Interview(?:ed)?|Written|Words|Text|Report(?:ed)?|Compiled|Edited) "
    r"by:?\s+(?P<names>[^.]{2,80})$"
)
DATE_IN_TEXT = re.compile(DATE_TEXT)
# What a syndicated copy's date line holds besides the date: the site, a time, a time zone.
DATE_LINE_REST = re.compile(
    r"^[\s,:|·–—-]*(?:(?:[\w-]+\.)+[a-z]{2,}|\d{1,2}[.:]\d{2}(?:\s*[AaPp][Mm])?|GMT|UTC|"
    r"[A-Z]{1,3}[SD]?T|(?:Last )?(?:updated|published)(?: on)?|[\s,:|·–—-])*$",
    re.IGNORECASE,
)
DATE_LINE_MAX_WORDS = 12
FIELD_MAX_WORDS = 6
DATE_FIELD = re.compile(rf"^(?:Published:? |Updated:? )?{DATE_TEXT}$")


# A reviewer's or author's signature closing a post: "Raffaello Pantucci, Royal United
# Services Institute", "Jane Doe, King’s College London".
INSTITUTION_WORD = (
    r"(?:Institute|Institution|University|College|School|Centre|Center|Foundation|Council|"
    r"Society|Academy|Programme|Program|Forum|Initiative|Group|Trust|Fund|Office|Ministry|"
    r"Department|Agency|Commission|[A-Z]{3,})"
)
SIGNATURE = re.compile(
    rf"^(?P<name>{classify.NAME}), (?:the )?"
    rf"(?:[A-Z][\w’'&.-]*\s?(?:of |and |for |on |the |de )*){{0,6}}?"
    rf"[\w’'&.-]*{INSTITUTION_WORD}\b[\w’'&. -]{{0,40}}\.?$"
)


# An outlet's disclaimer under an article: "The views expressed in this Commentary are the
# author’s …", "The opinions expressed here are those of the author": the post ends there.
DISCLAIMER = re.compile(
    r"^(?:The |Any )?(?:views|opinions) expressed (?:in|here|above|by)\b|"
    # an outlet's copyright under the article: "(Copyright 2010 Asia Times Online … reserved.)"
    r"^\(?(?:Copyright|©)\s*(?:\(c\)\s*)?\d{4}\b.{0,200}\ball rights reserved\b",
    re.IGNORECASE,
)


# A letter's signature: "Raffaello Pantucci, London WC2, UK" (a name over a town and country).
LETTER_SIGNATURE = re.compile(
    rf"^(?P<name>{classify.NAME}),? [A-Z][\w’' .-]{{1,40}}, "
    r"(?:UK|United Kingdom|England|Scotland|Wales|Ireland|US|USA)\.?$"
)


def is_signature(text: str) -> bool:
    """ "Jane Smith, Royal United Services Institute": a person's name over an institution, or
    over the town a letter was sent from."""
    match = SIGNATURE.match(text) or LETTER_SIGNATURE.match(text)
    return bool(match and classify.is_person_name_line(match["name"]))


def is_image_name(text: str) -> bool:
    """A file name printed where an image was: camera-style, or a lower-case slug."""
    return len(text) <= 60 and bool(CAMERA_NAME.match(text) or IMAGE_SLUG.match(text))


# "ORF Occasional Paper | August 18, 2020", "Raffaello Pantucci | 14 January 2020": a date
# set off from a series name or a byline.
LEAD_AND_DATE = re.compile(  # after a comma only a short name: "RUSI Commentary, 3 April 2018"
    rf"^(?:(?P<lead>[^|–—,]{{2,60}}?)\s*[|–—]"
    rf"|(?P<short_lead>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){{0,3}}),)\s*(?P<date>{DATE_TEXT})\.?$"
)
# "Published in The Straits Times on 29 September 2014": where and when, on one line.
PUBLISHED_IN = re.compile(
    r"^(?:(?:This|The) (?:article|piece|column|op-ed) (?:was )?|(?:First|Originally) )?"
    rf"(?:[Pp]ublished|[Aa]ppeared|[Rr]an) (?:in|on|by) (?:the )?(?P<name>{ORG_NAME})"
    rf",?(?: on)? (?P<date>{DATE_TEXT})\.?$"
)
# "This article first appeared on the Guardian’s Comment is free site", "(This ran in
# today’s Wall Street Journal Asia, …)": where a piece ran, said under it.
FIRST_APPEARED = re.compile(
    r"(?:\b(?:first|originally) (?:appeared|published|ran|run)|"
    r"^\(?(?:This|The (?:piece|article)|A (?:shorter |longer |different |an? )?version of "
    r"(?:this|it)(?: piece| article)?) (?:ran|appeared|was published|was printed)) "
    r"(?:in|on|at|by|with) (?:(?:today|yesterday|this week)[’']s )?"
    r"(?:the )?(?:(?:website|site|pages|blog|journal|magazine) of (?:the )?)?"
    rf"(?P<name>{ORG_NAME})"
)


# Under a note of an appearance: "Watch: Asia First, CNA", "Listen again on BBC Sounds".
MEDIA_LINK = re.compile(
    r"^(?:Watch|Listen(?: again)?|Read|Video|Audio|Link|Podcast|Available|Full interview)"
    r"(?: it| here| online| again)?\s*(?:[:—–-]|on\b|at\b|here\b)",
    re.IGNORECASE,
)


def dated_fields(text: str) -> tuple[str, list[str]] | None:
    """A line of short fields set off by " | " of which one is a date: "The Interpreter | 22
    Jul 2021 | Raffaello Pantucci". Returns the date and the other fields."""
    for separator in (r"\s+[|·]\s+", r",\s+"):  # "A | B | date", else "A, B, date"
        fields = [f.strip() for f in re.split(separator, text)]
        if len(fields) < 2 or any(len(f.split()) > FIELD_MAX_WORDS for f in fields):
            continue
        dated = [f for f in fields if DATE_FIELD.match(f)]
        if len(dated) == 1:
            return dated[0], [f for f in fields if f is not dated[0]]
    return None


# What other languages print around a date: "Publié le 24 août 2021 à 06h00",
# "Pubblicato il 12 luglio 2018 alle 10:30"
FOREIGN_DATE_FRAME = re.compile(
    r"^(?:Publié le|Mis à jour le|Pubblicato il|Aggiornato il|Publicado el|Actualizado el|"
    r"Veröffentlicht am|Aktualisiert am)\s+|"
    r",?\s+(?:à|alle|ore|a las|um)?\s*\d{1,2}[:h.]\d{2}(?:\s*Uhr)?$"
)


def is_date_line(text: str) -> bool:
    """A line that only dates the post: "April 2, 2009 10:32 AM", "site.com, Sunday 11 March
    2012 14.00 GMT", a dateline of the current theme."""
    if text.isupper():
        text = text.title()  # "MARCH 4, 2014"
    if classify.is_dateline(text) or OLD_DATELINE.match(text) or GLUED_KICKER_DATE.match(text):
        return True
    if len(text.split()) > DATE_LINE_MAX_WORDS:
        return False
    if LEAD_AND_DATE.match(text) or dated_fields(text) or PUBLISHED_IN.match(text):
        return True
    match = DATE_IN_TEXT.search(text)
    if match and DATE_LINE_REST.match(text[: match.start()] + " " + text[match.end() :]):
        return True
    bare = FOREIGN_DATE_FRAME.sub("", text.strip())  # "12 luglio 2018", "18.08.2021"
    return any(p.fullmatch(bare) for p in (dates.FOREIGN_DATE, dates.DOTTED_DATE, dates.CJK_DATE))


def is_furniture(text: str) -> bool:
    """Theme furniture inside or between posts, carrying no article text."""
    return bool(
        CLOSING_FURNITURE.match(text)
        or FILING_LINE.match(text)
        or TABLE_REMNANT.match(text)
        or ISSUE_LINE.match(text)
    )
