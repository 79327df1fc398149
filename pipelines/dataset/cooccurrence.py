"""The `entity_cooccurrence` view: pairs of distinct entities named in one sentence."""

from __future__ import annotations

ENTITY_COOCCURRENCE = "entity_cooccurrence"

# One row per unordered pair (entity_a < entity_b) of entities in the same sentence of the
# same field of an article; an entity named twice in a sentence counts once there. An
# entity's id and label are those of all its mentions (its most frequent label, ties by name).
ENTITY_COOCCURRENCE_SQL = """
    WITH in_sentence AS (
        SELECT DISTINCT article_id, field, sentence, entity FROM mentions
    ), pairs AS (
        SELECT a.entity AS entity_a, b.entity AS entity_b, count(*) AS sentences,
               count(DISTINCT a.article_id) AS articles
        FROM in_sentence a
        JOIN in_sentence b
          ON a.article_id = b.article_id AND a.field = b.field
         AND a.sentence = b.sentence AND a.entity < b.entity
        GROUP BY a.entity, b.entity
    ), labels AS (
        SELECT entity, label, count(*) AS n, any_value(entity_id) AS entity_id
        FROM mentions GROUP BY entity, label
    ), entities AS (
        SELECT entity, any_value(entity_id) AS entity_id,
               first(label ORDER BY n DESC, label) AS label
        FROM labels GROUP BY entity
    )
    SELECT p.entity_a, ea.entity_id AS entity_id_a, ea.label AS label_a,
           p.entity_b, eb.entity_id AS entity_id_b, eb.label AS label_b,
           p.sentences, p.articles
    FROM pairs p
    JOIN entities ea ON ea.entity = p.entity_a
    JOIN entities eb ON eb.entity = p.entity_b
    ORDER BY p.sentences DESC, p.articles DESC, p.entity_a, p.entity_b"""

ENTITY_COOCCURRENCE_COMMENT = (
    "Entity pairs named in one sentence: one row per unordered pair of distinct entities "
    "(entity_a < entity_b) found in the same sentence (same article_id, field and sentence "
    "of mentions), with each entity's Wikidata id where known and its most frequent label, "
    "the number of sentences and of articles they share."
)
