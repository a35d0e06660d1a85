"""Editors have the last word: `content/<story>/claims.yml` merges or splits claims, sets a
status with a reason, marks values preferred or deprecated (never deleting them), renames a
measure or subject, and adds notes shown on the pages.

```yaml
- claim: deal-value-databricks          # a claim id (the story prefix may be left out)
  status: disputed                      # disputed | corroborated | single-source
  reason: Both outlets cite unnamed sources.
  note: The company has not confirmed a price.
  preferred: circuit-800m#fig-3         # <article>#<figure anchor>, one or a list
  deprecated: [ledger-2b#fig-1]
- merge: [valuation-databricks, target-valuation-databricks-2025-early]
  measure: valuation                    # the merged claim takes the first id
- split: deal-value-databricks          # these mentions become a claim of their own
  mentions: [ledger-2b#fig-9]
  measure: price of an earlier deal
```
The file is checked before it is applied: an unknown key, claim or figure is an error naming
the file and the line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from digest.claims.status import make_claim
from digest.errors import InputError
from digest.model import STATUSES, Claim, Mention
from digest.readers.meta import check_yaml

KEYS = {"claim", "merge", "split", "mentions", "status", "reason", "note", "measure", "subject",
        "preferred", "deprecated"}
TARGETS = ("claim", "merge", "split")


@dataclass(frozen=True, slots=True)
class Edit:
    """One checked entry of claims.yml."""

    line: int
    target: str
    """`claim`, `merge` or `split`."""
    claims: tuple[str, ...]
    values: dict[str, Any]


def load_edits(path: Path, rel: str) -> list[Edit]:
    """Parse and check the structure of a claims.yml (claim and figure names are checked later)."""
    text = path.read_text(encoding="utf-8")
    try:
        check_yaml(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        raise InputError(rel, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                         mark.line + 1 if mark else None) from None
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(rel, "must be a list of edits (each starting with '- claim:', '- merge:' or '- split:')",
                         node.start_mark.line + 1)
    edits = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise InputError(rel, "each edit must be a mapping such as 'claim: <id>'", line)
        values: dict[str, Any] = {}
        for key_node, value_node in item.value:
            key = str(key_node.value)
            if key not in KEYS:
                near = difflib.get_close_matches(key, KEYS, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else f"; known keys: {', '.join(sorted(KEYS))}"
                raise InputError(rel, f"unknown key '{key}'{hint}", key_node.start_mark.line + 1)
            values[key] = yaml.safe_load(yaml.serialize(value_node))
            values[f"__line_{key}"] = key_node.start_mark.line + 1
        targets = [t for t in TARGETS if t in values]
        if len(targets) != 1:
            raise InputError(rel, "each edit needs exactly one of 'claim:', 'merge:' or 'split:'", line)
        target = targets[0]
        names = _names(values[target], rel, values[f"__line_{target}"], many=target == "merge")
        if "status" in values:
            if values["status"] not in STATUSES:
                raise InputError(rel, f"status must be one of {', '.join(STATUSES)}, not {values['status']!r}",
                                 values["__line_status"])
            if not values.get("reason"):
                raise InputError(rel, "a status set by an editor needs a 'reason:'", values["__line_status"])
        if target == "split" and not values.get("mentions"):
            raise InputError(rel, "'split:' needs 'mentions:', the figures that become a claim of their own", line)
        for key in ("reason", "note", "measure", "subject"):
            if key in values and not isinstance(values[key], str):
                raise InputError(rel, f"'{key}' must be text", values[f"__line_{key}"])
        edits.append(Edit(line=line, target=target, claims=names, values=values))
    return edits


def _names(value: Any, rel: str, line: int, *, many: bool) -> tuple[str, ...]:
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) and n for n in names) or (many and len(names) < 2):
        want = "a list of two or more claim ids" if many else "a claim id"
        raise InputError(rel, f"expected {want}", line)
    return tuple(names)


def apply_edits(claims: list[Claim], edits: list[Edit], /, *, story: str, rel: str,
                order: dict[str, int]) -> list[Claim]:
    """The claims after the editor's edits, in order; InputError for unknown claims or figures."""
    by_id = {c.id: c for c in claims}
    for edit in edits:
        ids = [_claim_id(name, by_id, story, rel, edit.values[f"__line_{edit.target}"]) for name in edit.claims]
        if edit.target == "merge":
            merged = [m for cid in ids for m in by_id.pop(cid).mentions]
            base = make_claim(merged, story=story, order=order)
            claim = replace(base, id=ids[0])
        elif edit.target == "split":
            source = by_id.pop(ids[0])
            refs = _refs(edit.values["mentions"], source.mentions, rel, edit.values["__line_mentions"])
            keep = [m for m in source.mentions if (m.article, m.anchor) not in refs]
            moved = [m for m in source.mentions if (m.article, m.anchor) in refs]
            if not keep:
                raise InputError(rel, "'split:' must leave at least one figure in the claim", edit.line)
            rest = replace(make_claim(keep, story=story, order=order), id=source.id)
            by_id[rest.id] = rest
            claim = replace(make_claim(moved, story=story, order=order), id=f"{source.id}-split")
        else:
            claim = by_id.pop(ids[0])
        by_id[claim.id] = _edited(claim, edit, rel=rel, story=story, order=order)
    return sorted(by_id.values(), key=lambda c: c.id)


def _edited(claim: Claim, edit: Edit, *, rel: str, story: str, order: dict[str, int]) -> Claim:
    v = edit.values
    preferred = _refs(v.get("preferred", []), claim.mentions, rel, v.get("__line_preferred", edit.line))
    deprecated = _refs(v.get("deprecated", []), claim.mentions, rel, v.get("__line_deprecated", edit.line))
    if deprecated:
        # a deprecated value stays listed, but no longer decides the status
        live = [m for m in claim.mentions if (m.article, m.anchor) not in deprecated]
        if live:
            recomputed = make_claim(live, story=story, order=order)
            claim = replace(claim, status=recomputed.status, reason=recomputed.reason, spread=recomputed.spread)
    changes: dict[str, Any] = {
        "preferred": tuple(sorted(f"{a}#{f}" for a, f in preferred)),
        "deprecated": tuple(sorted(f"{a}#{f}" for a, f in deprecated)),
    }
    if "status" in v:
        changes.update(status=v["status"], reason=f"Editor: {v['reason']}", edited=True)
    for key in ("note", "measure", "subject"):
        if key in v:
            changes[key] = v[key]
    return replace(claim, **changes)


def _claim_id(name: str, by_id: dict[str, Claim], story: str, rel: str, line: int) -> str:
    for candidate in (name, f"{story}-{name}"):
        if candidate in by_id:
            return candidate
    short = [cid.removeprefix(f"{story}-") for cid in by_id]
    near = difflib.get_close_matches(name.removeprefix(f"{story}-"), short, n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    raise InputError(rel, f"unknown claim '{name}'{hint}; claim ids are on the conflicts page and in claims.json", line)


def _refs(value: Any, mentions: tuple[Mention, ...] | list[Mention], rel: str, line: int) -> set[tuple[str, str]]:
    """`<article>#<anchor>` references, each checked against the claim's mentions."""
    names = value if isinstance(value, list) else [value]
    known = {(m.article.rsplit("/", 1)[-1], m.anchor): (m.article, m.anchor) for m in mentions}
    out = set()
    for name in names:
        article, _, anchor = str(name).partition("#")
        if (article, anchor) not in known:
            listed = ", ".join(sorted(f"{a}#{f}" for a, f in known)[:8])
            raise InputError(rel, f"unknown figure '{name}' in this claim; its figures are {listed}", line)
        out.add(known[(article, anchor)])
    return out
