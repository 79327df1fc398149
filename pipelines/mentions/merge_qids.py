"""Merge reviewed Wikidata QIDs (name,qid,source,evidence) into the knowledge base.

Run: `python -m pipelines.mentions.merge_qids PAIRS.csv [KB.csv]`. The base keeps each QID beside
the source it was checked against (`qid_source`) and the quoted line that pairs them
(`qid_evidence`), so the pipeline never reads the reviewers' folder at run time. Re-running
with the same file changes nothing; any refusal leaves the base untouched.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pipelines.mentions.kb import KB_PATH
from schemas.common import QID

R = TypeVar("R")

QID_PATTERN = re.compile(QID, re.ASCII)  # ASCII: "\d" must not accept other scripts' digits
KB_COLUMNS = ("entity", "label", "qid", "qid_source", "qid_evidence", "aliases")
PAIR_COLUMNS = ("name", "qid", "source", "evidence")
# A QID may name two rows only where the owner decided so; each pair is listed with its reason.
# Q160381 (Western world): issue 18 links the NORP adjective "Western" to the region's item
# and keeps its NORP label, as no people item was found for it.
SHARED_QIDS: Mapping[str, frozenset[str]] = {
    "Q160381": frozenset({"Western world", "Western"}),
}

Row = dict[str, str]


class MergeError(ValueError):
    """The pairs cannot be merged; the message lists every problem found."""


@dataclass(frozen=True)
class MergeResult:
    rows: list[Row]
    added: list[str]
    sourced: list[str]  # already had this QID, but no source until now
    unchanged: list[str]


class CsvShapeError(ValueError):
    """A CSV line with more fields than its header (an unquoted comma, most often)."""


def read_csv(text: str) -> list[Row]:
    """Rows of a CSV text as dicts of stripped strings; CsvShapeError for a line with more
    fields than the header."""
    rows = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        if None in row:
            raise CsvShapeError(
                f"line {reader.line_num} has more fields than the header "
                "(quote a value that holds a comma)"
            )
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def write_csv(rows: Iterable[Row], columns: Sequence[str] = KB_COLUMNS) -> str:
    """The base as CSV text, in the committed file's dialect (minimal quoting, LF)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
    return buffer.getvalue()


def _may_share(qid: str, names: set[str]) -> bool:
    return names <= SHARED_QIDS.get(qid, frozenset())


def qid_problems(rows: Sequence[Row]) -> list[str]:
    """What breaks the base's QID rules: malformed, unsourced, or used by two entities."""
    problems: list[str] = []
    owners: dict[str, set[str]] = {}
    for row in rows:
        qid, name = row.get("qid", ""), row["entity"]
        if not qid:
            continue
        if not QID_PATTERN.match(qid):
            problems.append(f"{name}: {qid!r} is not a QID")
        if not row.get("qid_source"):
            problems.append(f"{name}: {qid} has no qid_source")
        owners.setdefault(qid, set()).add(name)
    for qid, names in sorted(owners.items()):
        if len(names) > 1 and not _may_share(qid, names):
            problems.append(f"{qid} is used by {len(names)} entities: {', '.join(sorted(names))}")
    return problems


def _pair_problems(pairs: Sequence[Row], by_name: Mapping[str, Row]) -> list[str]:
    """Refusals for the incoming pairs, judged against the base before any change."""
    problems: list[str] = []
    owner = {r["qid"]: r["entity"] for r in by_name.values() if r["qid"]}
    seen_names: set[str] = set()
    seen_qids: dict[str, str] = {}
    for n, pair in enumerate(pairs, start=2):  # line 1 is the header
        name, qid = pair["name"], pair["qid"]
        where = f"line {n} ({name!r})"
        if name not in by_name:
            problems.append(f"{where}: no entity of that name in the knowledge base")
            continue
        if not QID_PATTERN.match(qid):
            problems.append(f"{where}: {qid!r} is not a QID")
        if not pair["source"]:
            problems.append(f"{where}: empty source")
        if name in seen_names:
            problems.append(f"{where}: name given twice in the file")
        seen_names.add(name)
        if (other := seen_qids.setdefault(qid, name)) != name:
            problems.append(f"{where}: {qid} also given for {other!r} in the file")
        current = by_name[name]["qid"]
        if current and current != qid:
            problems.append(f"{where}: would overwrite its QID {current} with {qid}")
        holder = owner.get(qid)
        if holder and holder != name and not _may_share(qid, {holder, name}):
            problems.append(f"{where}: {qid} already belongs to {holder!r}")
    return problems


def merge(kb_rows: Sequence[Row], pairs: Sequence[Row]) -> MergeResult:
    """The base with `pairs` merged in; raises MergeError listing every refusal."""
    missing = [c for c in PAIR_COLUMNS if pairs and c not in pairs[0]]
    if missing:
        raise MergeError(f"pairs file lacks column(s): {', '.join(missing)}")
    rows = [{c: row.get(c, "") for c in KB_COLUMNS} for row in kb_rows]
    by_name = {row["entity"]: row for row in rows}
    if problems := _pair_problems(pairs, by_name):
        raise MergeError("refused:\n  " + "\n  ".join(problems))
    added: list[str] = []
    sourced: list[str] = []
    unchanged: list[str] = []
    for pair in pairs:
        row = by_name[pair["name"]]
        if row["qid"] == pair["qid"] and row["qid_source"]:
            unchanged.append(pair["name"])  # keep the source it was first merged with
            continue
        (sourced if row["qid"] else added).append(pair["name"])
        row["qid"], row["qid_source"] = pair["qid"], pair["source"]
        row["qid_evidence"] = pair["evidence"]
    # Only what this merge would break: a flaw already in the base is the base's test to catch.
    known = set(qid_problems(kb_rows))
    if problems := [p for p in qid_problems(rows) if p not in known]:
        raise MergeError("the merged base would break its rules:\n  " + "\n  ".join(problems))
    return MergeResult(rows, added, sourced, unchanged)


def rewrite_base(kb_path: Path, before: str, rows: list[dict[str, str]]) -> None:
    """Write `rows` over the base CSV, only if that changes its text (`before`)."""
    after = write_csv(rows)
    if after != before:
        kb_path.write_text(after, encoding="utf-8")


def merge_file(pairs_path: Path, kb_path: Path = KB_PATH) -> MergeResult:
    """Merge a pairs CSV into the base CSV in place (written only if something changed)."""
    before = kb_path.read_text(encoding="utf-8")
    result = merge(read_csv(before), read_csv(pairs_path.read_text(encoding="utf-8")))
    rewrite_base(kb_path, before, result.rows)
    return result


def base_command(
    argv: Sequence[str],
    usage: str,
    apply: Callable[[Path, Path], R],
    refused: type[Exception],
    report: Callable[[Path, R], None],
) -> int:
    """The command line of a tool that edits the base: `INPUT.csv [KB.csv]`; every refusal
    printed with exit status 1, usage errors 2."""
    if not 1 <= len(argv) <= 2:
        print(usage, file=sys.stderr)
        return 2
    kb_path = Path(argv[1]) if len(argv) == 2 else KB_PATH
    try:
        result = apply(Path(argv[0]), kb_path)
    except (refused, CsvShapeError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    report(kb_path, result)
    return 0


def _report(kb_path: Path, result: MergeResult) -> None:
    print(
        f"{kb_path}: {len(result.added)} QIDs added, {len(result.sourced)} sourced, "
        f"{len(result.unchanged)} already there"
    )


def main(argv: Sequence[str]) -> int:
    """CLI: print what was merged, or every refusal (exit status 1)."""
    return base_command(argv, __doc__ or "", merge_file, MergeError, _report)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
