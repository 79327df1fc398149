"""Add the rows a reviewer accepted in a review file (see `review.py`) to the knowledge base.

Run: `python -m pipelines.mentions.accept REVIEW.csv [KB.csv]`. A row is read when its
`accept` is "yes": `canonical_name` (empty: the reviewed `name`), `label` (required, one of
the base's labels), `aliases` (the "|"-separated names to match; empty: the reviewed name) and,
only with its `qid_source`, a `qid` (`qid_evidence`: the quoted line that pairs them). Each new
entity is appended in the base's own CSV dialect. Any refusal - a name or alias the base
already knows, a bad label, a QID without a source or held by another entity - leaves the base
untouched; re-running an applied file changes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipelines.mentions.kb import KB_PATH, LABELS, KnowledgeBase, load_kb
from pipelines.mentions.merge_qids import (
    KB_COLUMNS,
    QID_PATTERN,
    SHARED_QIDS,
    Row,
    base_command,
    qid_problems,
    read_csv,
    rewrite_base,
)
from pipelines.mentions.review import DECISION_COLUMNS

YES = "yes"
NO = ("no", "")
ALIAS_SEPARATOR = "|"


class AcceptError(ValueError):
    """The review file cannot be applied; the message lists every problem found."""


@dataclass(frozen=True)
class AcceptResult:
    rows: list[Row]
    added: list[str]
    unchanged: list[str]  # accepted before: the base already holds exactly this entity


def entity_row(decision: Row) -> Row:
    """The base row a decision asks for (columns of the base, aliases deduplicated)."""
    canonical = decision.get("canonical_name", "") or decision["name"]
    listed = [a.strip() for a in decision.get("aliases", "").split(ALIAS_SEPARATOR)]
    # Listed aliases replace the reviewed name, so a cut span ("Amenas") need not be kept.
    aliases = dict.fromkeys(a for a in listed if a) or {decision["name"]: None}
    return {
        "entity": canonical,
        "label": decision.get("label", ""),
        "qid": decision.get("qid", ""),
        "qid_source": decision.get("qid_source", ""),
        "qid_evidence": decision.get("qid_evidence", ""),
        "aliases": ALIAS_SEPARATOR.join(aliases),
    }


def _names(row: Row) -> list[str]:
    return list(dict.fromkeys([row["entity"], *row["aliases"].split(ALIAS_SEPARATOR)]))


def already_there(row: Row, kb: KnowledgeBase) -> bool:
    """The base holds this entity already, with this label and QID and every one of its names."""
    known = next((e for e in kb.entities if e.entity == row["entity"]), None)
    return (
        known is not None
        and known.label == row["label"]
        and (known.qid or "") == row["qid"]
        and set(_names(row)) <= set(known.aliases)
    )


def _field_problems(row: Row) -> list[str]:
    """What is wrong with one new row on its own: label, QID and its source."""
    problems: list[str] = []
    if row["label"] not in LABELS:
        problems.append(f"label {row['label']!r} is not one of {', '.join(LABELS)}")
    if ALIAS_SEPARATOR in row["entity"]:
        problems.append(f"canonical name {row['entity']!r} contains {ALIAS_SEPARATOR!r}")
    qid = row["qid"]
    if qid and not QID_PATTERN.match(qid):
        problems.append(f"{qid!r} is not a QID")
    if qid and not row["qid_source"]:
        problems.append(f"{qid} has no qid_source: a QID is only added with its source")
    if not qid and (row["qid_source"] or row["qid_evidence"]):
        problems.append("qid_source or qid_evidence given without a qid")
    return problems


def _known_as(name: str, kb: KnowledgeBase) -> str | None:
    """How the base already knows `name` (its own lookup), or None."""
    hit = kb.lookup(name)
    if hit is None:
        return None
    role = "the name" if hit.entity == name else "an alias"
    return f"{name!r} is already in the base as {role} of {hit.entity!r} ({hit.label})"


def decisions(review: Sequence[Row]) -> tuple[list[tuple[int, Row]], list[str]]:
    """(line, row) of each accepted review row, and the problems of the `accept` column."""
    if review and (missing := [c for c in ("name", *DECISION_COLUMNS) if c not in review[0]]):
        return [], [f"review file lacks column(s): {', '.join(missing)}"]
    accepted: list[tuple[int, Row]] = []
    problems: list[str] = []
    for line, decision in enumerate(review, start=2):  # line 1 is the header
        verdict = decision["accept"].casefold()
        if verdict == YES:
            accepted.append((line, decision))
        elif verdict not in NO:
            problems.append(
                f"line {line} ({decision['name']!r}): accept is {verdict!r}, not yes/no"
            )
    return accepted, problems


def accept(kb_rows: Sequence[Row], kb: KnowledgeBase, review: Sequence[Row]) -> AcceptResult:
    """The base with the accepted rows appended; raises AcceptError listing every refusal.

    `kb` is the same base as `kb_rows`, loaded by `load_kb`, so names are matched exactly
    as the mentions stage matches them.
    """
    accepted, problems = decisions(review)
    rows = [{c: row.get(c, "") for c in KB_COLUMNS} for row in kb_rows]
    owners = {e.qid: e.entity for e in kb.entities if e.qid}
    added: list[str] = []
    unchanged: list[str] = []
    seen: dict[str, str] = {}  # case-folded name or QID -> the file's entity that claims it
    pending: dict[str, Row] = {}  # canonical name -> the row this file adds for it
    for line, decision in accepted:
        row = entity_row(decision)
        where = f"line {line} ({decision['name']!r})"
        if already_there(row, kb):
            unchanged.append(row["entity"])
            continue
        found = _field_problems(row)
        found += [known for name in _names(row) if (known := _known_as(name, kb))]
        holder = owners.get(row["qid"])
        if holder and not {holder, row["entity"]} <= SHARED_QIDS.get(row["qid"], frozenset()):
            found.append(f"{row['qid']} already belongs to {holder!r}")
        for key in [n.casefold() for n in _names(row)] + ([row["qid"]] if row["qid"] else []):
            if (other := seen.setdefault(key, row["entity"])) != row["entity"]:
                found.append(f"{key!r} is also claimed by {other!r} in this file")
        earlier = pending.get(row["entity"])
        if earlier and (earlier["label"], earlier["qid"]) != (row["label"], row["qid"]):
            found.append(f"{row['entity']!r} is accepted twice with another label or QID")
        problems += [f"{where}: {p}" for p in found]
        if earlier:  # two reviewed names of one entity (e.g. a singular and a plural): one row
            both = f"{earlier['aliases']}{ALIAS_SEPARATOR}{row['aliases']}"
            aliases = dict.fromkeys(both.split(ALIAS_SEPARATOR))
            earlier["aliases"] = ALIAS_SEPARATOR.join(aliases)
            continue
        pending[row["entity"]] = row
        rows.append(row)
        added.append(row["entity"])
    if problems:
        raise AcceptError("refused:\n  " + "\n  ".join(problems))
    # Only what this change would break: a flaw already in the base is the base's test to catch.
    known = set(qid_problems(kb_rows))
    if broken := [p for p in qid_problems(rows) if p not in known]:
        raise AcceptError("the new base would break its rules:\n  " + "\n  ".join(broken))
    return AcceptResult(rows, added, unchanged)


def accept_file(review_path: Path, kb_path: Path = KB_PATH) -> AcceptResult:
    """Apply a review CSV to the base CSV in place (written only if something changed)."""
    before = kb_path.read_text(encoding="utf-8")
    review = read_csv(review_path.read_text(encoding="utf-8"))
    result = accept(read_csv(before), load_kb(kb_path), review)
    rewrite_base(kb_path, before, result.rows)
    return result


def _report(kb_path: Path, result: AcceptResult) -> None:
    print(f"{kb_path}: {len(result.added)} entities added, {len(result.unchanged)} already there")
    for name in result.added:
        print(f"  + {name}")


def main(argv: Sequence[str]) -> int:
    """CLI: print what was added, or every refusal (exit status 1)."""
    return base_command(argv, __doc__ or "", accept_file, AcceptError, _report)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
