"""Captions: photo credits, trailing '(Photographer/Agency)' credits and image file names."""

from __future__ import annotations

import re

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

MAX_CAPTION_CHARS = 600


def is_caption(text: str) -> bool:
    if len(text) > MAX_CAPTION_CHARS:  # a long paragraph is body, whatever it ends with
        return False
    credit = CREDIT_KEY.search(text) and PHOTO_CREDIT.search(text)
    trailing = text.rstrip(".").endswith(")") and TRAILING_CREDIT.search(text)
    return bool(credit or trailing or SCREENSHOT_NAME.match(text))
