"""Tier 2 (shapes): the invented text pools the page generator composes posts from.

Headlines, blog titles, outlets, intros, body prose, standfirsts and tags, all made up for the
generated-page tests (tests/seeds/test_shape_generator.py); none is taken from a real page.
"""

from __future__ import annotations

from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Story:
    headline: str
    topic: str  # the same subject as a noun phrase, so the intro talks about its own article


# Headlines are title-cased and share no text with the body, standfirst or intro pools, so a
# title can only be found on its own line.
STORIES = (
    Story("China’s Quiet Security Push Into Tajikistan", "China’s growing footprint in Tajikistan"),
    Story("Why the SCO Still Struggles to Act", "the SCO’s habit of talking rather than acting"),
    Story(
        "Beijing Weighs Its Options in a Post-American Kabul",
        "Beijing’s choices in Afghanistan after the American withdrawal",
    ),
    Story("The Belt and Road Meets Its Security Problem", "the Belt and Road’s security costs"),
    Story("Uyghur Militants and the Syrian Battlefield", "Uyghur fighters who went to Syria"),
    Story("Pakistan’s Corridor Comes With Guards", "who guards Chinese projects in Pakistan"),
    Story("Kazakhstan Between Moscow and Beijing", "Kazakhstan’s balancing act between neighbours"),
    Story("A Chinese Base in Central Asia in All but Name", "the outpost China won’t call a base"),
    Story(
        "What Xinjiang Tells Us About Counter-Terrorism in China",
        "how Beijing frames counter-terrorism in Xinjiang",
    ),
    Story("The Limits of Russia’s Shield Over Central Asia", "Russia’s fading role as protector"),
    Story("Private Security Firms Follow Chinese Money Abroad", "Chinese security contractors"),
    Story("Kyrgyzstan’s Border Quarrels and Beijing’s Patience", "Kyrgyzstan’s border disputes"),
)

# Older-theme blog-post titles: a pool of their own, so they never equal an article headline.
BLOG_TITLES = (
    "Back on the Central Asia beat",
    "Frontier thoughts",
    "Catching up on the SCO",
    "More on Xinjiang",
    "Corridor worries",
    "Steppe notes",
    "Late to the party on Kabul",
    "Old themes, new angles",
)

# Canonical outlet name (what the parser must report) -> how an intro prints it.
OUTLETS = {
    "Financial Times": "the Financial Times",
    "Nikkei Asia": "Nikkei Asia",
    "The Diplomat": "The Diplomat",
    "East Asia Forum": "East Asia Forum",
    "RUSI": "RUSI",
    "South China Morning Post": "the South China Morning Post",
    "Lawfare": "Lawfare",
}

# Intros with the usual cue words ("new piece", "my latest") ...
CUE_INTROS = (
    "A new piece for {outlet}, this time looking at {topic}.",
    "My latest column for {outlet} on {topic}.",
    "I wrote this for {outlet} on {topic}, a subject I keep coming back to.",
)
# ... and intros without cue words or "I", which must still be told apart from body prose.
PLAIN_INTROS = (
    "Old subject, new venue: looking at {topic} for {outlet}.",
    "One more on {topic}, for {outlet} this time.",
    "Belatedly, a review of a new book on {topic} for {outlet}.",
)

# Body prose, some of it in the first person so that "I"/"we" alone cannot mark an intro.
BODY_SENTENCES = (
    "Chinese officials have long insisted that their interest in Central Asia is purely "
    "economic, yet the pattern of recent visits suggests otherwise.",
    "Along the mountain border, patrols by Tajik guards now rely on vehicles and radios paid "
    "for by Beijing.",
    "I think the real question is not whether China will take on a bigger security role, but "
    "how openly it will do so.",
    "The Shanghai Cooperation Organisation was built to settle old border disputes, and it has "
    "struggled to find a purpose since.",
    "Militant groups claiming to speak for the Uyghurs remain small, but their propaganda "
    "travels much further than their fighters.",
    "We tend to forget that Chinese workers have been kidnapped and killed in Pakistan on "
    "several occasions over the past decade.",
    "Moscow still sees the region as its backyard, even as its trade with the five republics "
    "falls behind China’s.",
    "Local elites welcome Chinese loans, while ordinary citizens increasingly complain about "
    "debt, land deals and imported labour.",
    "The attack on the embassy in Bishkek showed how quickly a local grievance can turn into "
    "an international incident.",
    "None of this means that Beijing is about to replace Russia as the guarantor of order "
    "across the steppe.",
    "In private, Chinese analysts admit that their intelligence on the militant networks in "
    "northern Afghanistan is thin.",
    "Over the longer run, who protects Chinese investments abroad will shape how the rest of "
    "the world sees China.",
)

STANDFIRSTS = (
    "Beijing’s caution in the region is being tested by events on its western frontier.",
    "A decade of promises has left the region’s security architecture looking thin.",
    "The money has arrived first; the questions about protecting it are only now being asked.",
)

TAGS = (
    "Tags: China, SCO, terrorism",
    "Tags: Afghanistan, Central Asia, Xinjiang",
    "Tags: Pakistan, Uyghurs",
)

TAG_VALUES = ("SCO", "Xinjiang", "Central Asia")

BYLINE = "By Raffaello Pantucci"
BIO = "Raffaello Pantucci is a Senior Associate Fellow at RUSI."
