"""The reviewed knowledge base: canonical entities, their labels, Wikidata QIDs and aliases."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KB_PATH = Path(__file__).parent / "data" / "knowledge_base.csv"
MIN_FOLDED_ALIAS = 5
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT")


@dataclass(frozen=True)
class Entity:
    entity: str
    label: str
    qid: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    entities: tuple[Entity, ...]
    by_alias: dict[str, Entity]  # exact surface -> entity
    by_folded: dict[str, Entity]  # case-folded surface -> entity (when unambiguous)

    def lookup(self, surface: str) -> Entity | None:
        return self.by_alias.get(surface) or self.by_folded.get(surface.casefold())


def load_kb(path: Path = KB_PATH) -> KnowledgeBase:
    """Read the CSV; a missing file gives an empty knowledge base (the model still runs)."""
    entities: list[Entity] = []
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
                name = row["entity"].strip()
                entities.append(
                    Entity(
                        name,
                        row["label"].strip(),
                        row["qid"].strip() or None,
                        tuple(dict.fromkeys((name, *aliases))),
                    )
                )
    by_alias: dict[str, Entity] = {}
    folded: dict[str, set[Entity]] = {}
    for entity in entities:
        for alias in entity.aliases:
            by_alias.setdefault(alias, entity)
            folded.setdefault(alias.casefold(), set()).add(entity)
    # Case-insensitive fallback only for longer, mixed-case names: "is" must never become IS.
    by_folded = {
        k: next(iter(v))
        for k, v in folded.items()
        if len(v) == 1 and len(k) >= MIN_FOLDED_ALIAS and not next(iter(v)).entity.isupper()
    }
    return KnowledgeBase(tuple(entities), by_alias, by_folded)


@cache
def default_kb() -> KnowledgeBase:
    return load_kb()
