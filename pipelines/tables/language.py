"""Language of a body as an ISO 639-1 code, with lingua (offline, bundled models)."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages this blog's bodies and quotations plausibly use; a closed set is faster and
# more accurate than all 75 on short texts.
CANDIDATES = (
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.FRENCH,
    Language.GERMAN,
    Language.SPANISH,
    Language.ITALIAN,
    Language.CHINESE,
    Language.ARABIC,
    Language.PERSIAN,
    Language.TURKISH,
    Language.KAZAKH,
)
UNKNOWN = "und"  # not ISO 639-1; never produced for a non-empty body in practice
SAMPLE_CHARS = 1000  # a thousand characters settle the language of a long text


@cache
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_languages(texts: list[str]) -> list[str]:
    """ISO 639-1 code of each text's main language, detected by lingua on all cores."""
    samples = [t[:SAMPLE_CHARS] for t in texts]
    found = detector().detect_languages_in_parallel_of(samples)
    return [
        lang.iso_code_639_1.name.lower() if lang and text.strip() else UNKNOWN
        for lang, text in zip(found, texts, strict=True)
    ]
