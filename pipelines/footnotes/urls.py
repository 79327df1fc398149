"""URLs in a note and the registered domains of the sites it cites, linked or bare."""

from __future__ import annotations

import re
from functools import lru_cache

import tldextract

from pipelines.footnotes.memo import CACHE_SIZE

# The bundled public-suffix list only: nothing is downloaded at run time.
TLD_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# A URL with a scheme or starting with 'www.'; it stops at spaces, angle brackets and
# curly quotes, so '<https://x>' and '<<http://x>,' leave the brackets behind.
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”‘’«»]+", re.I)

# Characters printed after a URL that are not part of it.
URL_TRAILING = ".,;:!?'\"’”)]}>"

# A bare site name such as 'rferl.org', 'Tengrinews.kz' or 'lenta.inform.kz'. The last
# label must be lower case so that 'regard.The' (a missing space) is not a site.
BARE_DOMAIN = re.compile(
    r"(?<![\w@./\-])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[a-z]{2,24})"
    r"(?![\w@\-])"
)

# Every BARE_DOMAIN match holds a full stop before a lower-case letter; a text without one
# (most notes once their URLs are blanked) need not be scanned for site names.
DOT_LOWER = re.compile(r"\.[a-z]")

# File extensions that happen to be top-level domains.
FILE_SUFFIXES = frozenset({"zip", "mov", "pdf", "doc", "htm", "html", "php", "aspx", "jpg"})


def _strip_url(url: str) -> str:
    """Drop punctuation printed after a URL, keeping a ')' that closes a '(' in it."""
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _may_hold_url(text: str) -> bool:
    """Whether URL can match: every match holds '://' or a 'www.' (in any case)."""
    return "://" in text or "www." in text.lower()


def _url_spans(text: str) -> list[tuple[int, int, str]]:
    if not _may_hold_url(text):
        return []
    spans = []
    for m in URL.finditer(text):
        url = _strip_url(m.group())
        if "." in url:
            spans.append((m.start(), m.start() + len(url), url))
    return spans


def extract_urls(text: str) -> list[str]:
    """Every URL in the text, cleaned of wrapping '<…>' and trailing punctuation."""
    return [url for _, _, url in _url_spans(text)]


@lru_cache(maxsize=CACHE_SIZE)  # the same sites are cited again and again
def _registered_domain(host: str) -> str | None:
    parts = TLD_EXTRACT(host)
    if not parts.domain or not parts.suffix:
        return None
    return parts.top_domain_under_public_suffix.lower()


def _bare_domains(masked: str) -> list[tuple[int, str]]:
    """(offset, registered domain) of the bare site names in a text with URLs blanked."""
    found = []
    for m in BARE_DOMAIN.finditer(masked):
        host = m.group("host")
        if host.rsplit(".", 1)[-1] in FILE_SUFFIXES:
            continue
        domain = _registered_domain(host)
        if domain:
            found.append((m.start(), domain))
    return found


def extract_domains(text: str, urls: list[str]) -> list[str]:
    """Registered domains of the URLs and of bare site names, in order of appearance."""
    found: list[tuple[int, str]] = []
    masked = text
    for url in urls:
        pos = text.find(url)
        domain = _registered_domain(url)
        if domain:
            found.append((pos, domain))
        if pos >= 0:
            masked = masked[:pos] + " " * len(url) + masked[pos + len(url) :]
    for start, end, _ in _url_spans(masked):
        masked = masked[:start] + " " * (end - start) + masked[end:]
    if DOT_LOWER.search(masked):
        found.extend(_bare_domains(masked))
    seen: list[str] = []
    for _, domain in sorted(found, key=lambda item: item[0]):
        if domain not in seen:
            seen.append(domain)
    return seen
