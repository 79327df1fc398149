"""Where a piece ran, as the blogger's introduction or a closing credit names it.

A listed outlet or a capitalised name after "for/in/at …" is a candidate; each is scored by how
the sentence places it ("this time for X" most, "my earlier piece in X" least) and the best wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.footnotes.urls import BARE_DOMAIN
from pipelines.parsing import shapes
from pipelines.parsing.gazetteer import canonical_outlet, outlet_for_domain, outlets
from pipelines.parsing.shapes import ORG_NAME
from pipelines.parsing.venue_names import before_possessive, owned_title, site_name, trim_name

# "… for the Jamestown Foundation’s Terrorism Monitor", "… in Il Foglio": where a piece ran.
PRAISE = (
    r"(?:(?:ever |very |most |always |rather )?(?:excellent|wonderful|wonderfully entitled|"
    r"fantastic|great|good|brilliant|esteemed|venerable) )"
)
# "in today’s Sunday Business Post": the paper of the day stands where "the" would
THE = (  # "in the latest Asian Affairs": the current issue of a journal
    r"(?:the (?:latest |current )?|"
    r"(?:today|yesterday|this (?:week|weekend|morning)|Sunday)[’']s )"
)
# "for the good folks at Registan": the people stand where the venue would
FOLKS_AT = r"(?:(?:good|kind|lovely|nice|fine) )?(?:folks|people|team|editors|crew) (?:at|over at) "
PLACED_NAME = re.compile(  # "For the Evening Standard, on Norway." opens a sentence with it
    rf"(?P<prep>for|in|on|at|with|over at|by|For|Over at) {THE}?{PRAISE}?(?:{FOLKS_AT})?"
    rf"(?P<name>{ORG_NAME})"
)
# "The kind people at Transitions Online sent over …": the people stand for the venue
FOLKS_NAME = re.compile(rf"\b[Tt]he {PRAISE}?{FOLKS_AT}(?P<name>{ORG_NAME})")
# Where PLACED_NAME may match: tried at each preposition, so that matches may overlap ("in
# Italian for Il Foglio" yields both) without a look-ahead tried at every character.
PREPOSITION = re.compile(r"\b(?:for|in|on|at|with|over at|by|For|Over at) ")
# "for a website I have not written for before, Eurasianet,": the name after a description.
DESCRIBED_NAME = re.compile(  # or straight after it: "of the Italian daily Il Foglio"
    r"\b(?:(?:for|of|in|with|at) (?:a|an|the|[A-Z][\w-]+[’']s)|dal|del|sul|nel|per il|su|pour|"
    r"dans|du|par le|en el|del diario|für die|in der) (?:[\w-]+ ){0,3}?(?:website|site|outlet|"
    r"magazine|publication|paper|newspaper|daily|weekly|journal|platform|think[ -]tank|"
    r"institute|blog|newsletter|broadcaster|quotidiano|giornale|rivista|settimanale|quotidien|hebdomadaire|"
    r"revue|periódico|diario|revista|Zeitung|Magazin)\b(?:[^.;:]{0,80}?, | )"
    rf"(?:the )?(?P<name>{ORG_NAME})"
)
# "in the latest edition of Asian Affairs", "in the current issue of X": a journal.
ISSUE_OF = re.compile(
    rf"\b(?:edition|issue|number|pages|columns|volume) of (?:the )?(?P<name>{ORG_NAME})"
)
# "an interview with Marta Kowal of the Warsaw Institute Review": a person's institution.
PERSON_OF_NAME = re.compile(  # "Martina Köhler of Deutsche Welle", "Ayesha Tanveer from Dawn"
    rf"\b[A-Z][^\W\d_A-Z]+ [A-Z][^\W\d_A-Z]+ (?:of|from) (?:the )?(?P<name>{ORG_NAME})"
)
# The owner printed before a listed journal: "the Central Asia-Caucasus Institute’s ": the
# journal is where the piece ran, read in the owner's place in the sentence.
OWNER_BEFORE = re.compile(
    r"(?:\bthe )?(?:[A-Z][\w.&-]*\s(?:(?:at|of|for|on|and) )?){0,6}[A-Z][\w.&-]*[’']s $"
)
# A listed name that goes on as a longer name: "the Foreign Policy Research Institute" is not
# Foreign Policy
NAME_GOES_ON = re.compile(r" (?:Research|Institute|Center|Centre|Foundation|Council|Group)\b")
# A name mentioned in passing, not where this piece ran: "my earlier piece in the Guardian".
PASSING = re.compile(
    # "an earlier piece", "an earlier and much shorter version of the argument"
    r"\b(?:(?:earlier|previous|older|other)\b[^.;,]{0,30}?\b"
    r"(?:piece|article|column|op-ed|post|paper|version)s?|"
    r"follow(?:s|ing|ed)? (?:on |up )?(?:from|on)|after my|also (?:(?:ran|appeared) )?(?:in|for)|"
    r"as in|like the one|last year[’']s|having (?:written|done|looked))\b"
    r"[^.;,]{0,60}$",  # within its own clause: "…, this time for X" is no passing mention
    re.IGNORECASE,
)
# "the Guardian piece last year", "for the FT’s blog last year": an older piece, in passing
PAST_AFTER = re.compile(
    r"[^.;,:]{0,50}?\b(?:last (?:year|spring|summer|autumn|winter)|earlier this year|"
    r"in the (?:spring|summer|autumn|winter)\b(?! issue)|"
    r"(?:a (?:few |couple of )?|some |many |two |three )?years ago)\b"
)
# "It ran on War on the Rocks", "went up on the Interpreter": where the piece appeared.
RAN_IN = re.compile(  # "Up on EurActiv.com, a shorter piece": up on the site
    r"(?:\b(?:ran|run|appeared|published|went up|is up|came out|carried|printed)|^Up)\s+"
    r"(?:in|on|at|by|over at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a colleague at RSIS", "a fellow at Chatham House": an affiliation, not an outlet.
AFFILIATED = re.compile(
    r"\b(?:colleagues?|fellow|director|researcher|professor|analyst|friend|team|based|"
    r"works?|working)\s+(?:at|from|of|with|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
RAN_IN_BONUS = 3
THIS_TIME_BONUS = 2
AFFILIATION_PENALTY = 3
# "this time for X", "This one, for X", "this piece for X": the piece the post is about.
THIS_TIME = re.compile(  # "I have now tried to pull the threads together … for X"
    r"\bthis (?:time|one|piece|column|article|op-ed|post|paper|essay|review)\b[^.;]{0,40}$|"
    r"\bnow\b[^.;,]{0,60}$",
    re.IGNORECASE,
)
# "for the ISN Security Watch website this time": said after the name, in the same clause
THIS_TIME_AFTER = re.compile(r"[^.;,]{0,50}?\bthis time\b")
# "my Guardian piece", "my earlier FT column": a piece named by its outlet, in passing
MY_PIECE = re.compile(
    r"\b(?:where|from|since|than|like|following) my (?:earlier |last |previous )?$"
)
PIECE_AFTER = re.compile(r"\S+(?: \S+)? (?:piece|article|column|op-ed|paper|essay)s?\b")
VENUE_NOUN_AFTER = re.compile(r" (?:magazine|website|site|blog|newspaper|journal)\b")
SUBJECT_VERB = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might)\b"
)
# "a piece in Il Foglio", "an op-ed on Al Jazeera": the piece named right before the venue
PIECE_IN = re.compile(
    r"\b(?:piece|article|column|op-ed|essay|commentary|review)\s+(?:(?:in|on|at)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
PIECE_IN_BONUS = 1
# "with the excellent Kabir Taneja": a co-author, never an outlet.
COAUTHOR_CUE = re.compile(
    r"\bwith (?:the |my |an? )?(?:(?:excellent|wonderful|good|great|brilliant|old|esteemed) )?"
    r"(?:(?:colleague|friend|co-author)s? )?$"
)
OUTLET_CONTEXT = re.compile(rf"\b(?:for|in|with|at|on|over at) {THE}?{PRAISE}?(?:{FOLKS_AT})?$")
PREPOSITION_WEIGHT = {
    "for": 2, "over at": 2, "in": 1, "on": 1, "at": 1, "by": 1, "of": 1, "with": 0,
}  # fmt: skip
CREDIT_PARAGRAPHS = 2  # a closing credit stands in the last paragraphs of the body
LISTED_BONUS = 2  # a reviewed outlet name is evidence of its own
PASSING_PENALTY = 4


@dataclass(frozen=True)
class _OutletCandidate:
    position: int
    name: str
    score: int


def find_outlet(blog_note: str | None) -> str | None:
    """Where the introduction says the piece ran: the best-placed name wins.

    A listed outlet or a capitalised name after "for/in/at …" is a candidate; "this time for X"
    counts most, a name mentioned in passing ("my earlier piece in X") or after a co-author's
    "with the excellent …" counts least. Places, peoples and persons the knowledge base knows are
    not outlets. Ties go to the earliest.
    """
    if not blog_note:
        return None
    first, *rest = blog_note.split("\n\n")
    best = _best_outlet(first)
    for later in rest if best is None else ():  # "… It appeared in the Spectator." below
        best = _best_outlet(later)
        if best is not None:
            break
    return best.name if best else None


def credited_outlet(body: str) -> str | None:
    """The outlet a closing credit names: "This article first appeared on the Guardian’s …"."""
    for paragraph in reversed(body.split("\n\n")[-CREDIT_PARAGRAPHS:]):
        match = shapes.FIRST_APPEARED.search(paragraph) or shapes.PUBLISHED_IN.match(paragraph)
        if match:
            return canonical_outlet(before_possessive(match["name"]).strip(" .,"))
    return None


def outlet_evidence(text: str) -> int:
    """How clearly a paragraph names where a piece ran (0: not at all; see find_outlet)."""
    best = _best_outlet(text)
    return best.score if best else 0


def _best_outlet(intro: str) -> _OutletCandidate | None:
    listed = [
        m for m in outlets().pattern.finditer(intro) if not NAME_GOES_ON.match(intro, m.end())
    ]
    found = _listed_candidates(intro, listed) + _unlisted_candidates(
        intro, [m.span() for m in listed]
    )
    found = [c for c in found if c.score > 0]
    return max(found, key=lambda c: (c.score, -c.position)) if found else None


def _context_score(intro: str, position: int, preposition: str | None) -> int:
    before = intro[:position]
    score = PREPOSITION_WEIGHT.get(preposition, 1) if preposition else 1
    if THIS_TIME.search(before) or THIS_TIME_AFTER.match(intro, position):
        score += THIS_TIME_BONUS
    if PASSING.search(before) or PAST_AFTER.match(intro, position):
        score -= PASSING_PENALTY
    if MY_PIECE.search(before) and PIECE_AFTER.match(intro, position):
        score -= PASSING_PENALTY  # "where my Guardian piece … left off"
    if RAN_IN.search(before):
        score += RAN_IN_BONUS
    elif PIECE_IN.search(before):
        score += PIECE_IN_BONUS
    if AFFILIATED.search(before):
        score -= AFFILIATION_PENALTY
    return score


def _listed_candidates(intro: str, listed: list[re.Match[str]]) -> list[_OutletCandidate]:
    """Listed outlets the text names, by name or by their site's address ("over at
    thediplomat.com"), scored where they stand."""
    result = []
    for match in BARE_DOMAIN.finditer(intro):
        if name := outlet_for_domain(match["host"]):
            result.append(_listed_candidate(intro, match.start(), name))
    for match in listed:
        position, name = match.start(), outlets().canonical[match.group()]
        if owner := OWNER_BEFORE.search(intro[:position]):
            position = owner.start()  # "for the Combating Terrorism Center’s CTC Sentinel"
        result.append(_listed_candidate(intro, position, name))
    return result


def _listed_candidate(intro: str, position: int, name: str) -> _OutletCandidate:
    context = OUTLET_CONTEXT.search(intro[:position])
    preposition = context.group().split()[0] if context else None
    score = _context_score(intro, position, preposition) + LISTED_BONUS + (1 if context else 0)
    return _OutletCandidate(position, name, score)


def _unlisted_candidates(intro: str, listed: list[tuple[int, int]]) -> list[_OutletCandidate]:
    from pipelines.mentions.kb import default_kb  # the KB is only needed on this path

    kb = default_kb()
    result = []
    placed = (PLACED_NAME.match(intro, p.start()) for p in PREPOSITION.finditer(intro))
    matches = [(m, m["prep"].lower()) for m in placed if m]
    matches += [(m, "for") for m in DESCRIBED_NAME.finditer(intro)]
    matches += [(m, "for") for m in FOLKS_NAME.finditer(intro)]
    matches += [(m, "of") for m in PERSON_OF_NAME.finditer(intro)]
    matches += [(m, "for") for m in ISSUE_OF.finditer(intro)]
    for match, preposition in matches:
        if preposition == "with" and COAUTHOR_CUE.search(intro[: match.start("name")]):
            continue
        start = match.start("name")
        if SUBJECT_VERB.match(intro, match.end("name")):
            continue  # "China’s goals for the SCO are being realised": a subject, no venue
        if any(lo <= start < hi for lo, hi in listed):
            continue  # inside a listed name: "… Bureau for Analytical Reporting"
        name = site_name(trim_name(owned_title(intro, match.end("name"), match["name"], kb), kb))
        if not name or outlets().pattern.fullmatch(name):
            continue  # a listed outlet is scored by _listed_candidates
        known = kb.lookup(name)
        if known is not None and known.label != "ORG":
            continue
        score = _context_score(intro, match.start(), preposition)
        venue_noun = VENUE_NOUN_AFTER.match(intro, match.end("name")) is not None
        if preposition == "on" and not (
            venue_noun or RAN_IN.search(intro[:start]) or PIECE_IN.search(intro[:start])
        ):
            continue  # "on the Bangkok shrine bombing": what the piece is about
        if venue_noun:
            score += 1  # "in Standpoint magazine", "for the Registan website"
        result.append(_OutletCandidate(match.start("name"), name, score))
    return result
