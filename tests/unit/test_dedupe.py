"""Tier 1: dedupe on inline sightings."""

from __future__ import annotations

import random

from pipelines.dedupe import Sighting, cluster_sightings, content_sha256

BODY = " ".join(
    f"Paragraph {i} says that Central Asia and China keep building roads and railways."
    for i in range(40)
)
OTHER = " ".join(
    f"Line {i}: terrorism definitions drift as governments proscribe online groups."
    for i in range(40)
)
BIO = "Raffaello Pantucci is a senior fellow at the S. Rajaratnam School."


def _s(key: int, page: str, title: str, body: str, line: int = 1) -> Sighting:
    return Sighting(key, page, line, title, body, 0, 0)


def test_exact_hash_ignores_lost_spaces_and_case():
    assert content_sha256("China-Pakistan Economic Corridor") == content_sha256(
        "china-pakistan EconomicCorridor"
    )


def test_same_post_on_two_pages_is_one_cluster():
    clusters = cluster_sightings([_s(0, "a.txt", "T", BODY), _s(1, "b.txt", "T", BODY)])
    assert len(clusters) == 1 and clusters[0].members == (0, 1)
    assert clusters[0].similarity == {0: 1.0, 1: 1.0}


def test_truncated_teaser_merges_with_full_post_which_is_kept():
    teaser = BODY[: len(BODY) // 3]
    clusters = cluster_sightings([_s(0, "a.txt", "Title", teaser), _s(1, "b.txt", "Title", BODY)])
    assert len(clusters) == 1
    assert clusters[0].record == 1  # the most complete sighting is the text of record
    assert clusters[0].similarity[0] >= 0.8


def test_different_posts_sharing_a_bio_and_a_quote_stay_apart():
    quote = BODY[:300]
    one = _s(0, "a.txt", "First post", f"{quote} {OTHER[:800]} {BIO}")
    two = _s(1, "a.txt", "Second post", f"{quote} {OTHER[800:1600]} {BIO}", line=50)
    assert len(cluster_sightings([one, two])) == 2


def test_ids_and_order_do_not_depend_on_input_order():
    sightings = [
        _s(0, "a.txt", "T", BODY),
        _s(1, "b.txt", "T", BODY),
        _s(2, "a.txt", "U", OTHER, line=90),
    ]
    base = [
        (c.article_id, sorted(sightings[k].page for k in c.members))
        for c in cluster_sightings(sightings)
    ]
    shuffled = sightings[:]
    random.Random(7).shuffle(shuffled)
    renumbered = [
        Sighting(i, s.page, s.first_line, s.title, s.body, 0, 0) for i, s in enumerate(shuffled)
    ]
    again = [
        (c.article_id, sorted(renumbered[k].page for k in c.members))
        for c in cluster_sightings(renumbered)
    ]
    assert base == again
