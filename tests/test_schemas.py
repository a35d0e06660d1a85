"""The JSON Schemas of digest/schemas/ hold for what digest writes and reads: claims.json as built,
every article's front matter in the repository, and editors' claims.yml files; and they say
what digest itself accepts (the same keys, the same refusals)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import frontmatter
import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from digest.claims.editor import KEYS as EDIT_KEYS
from digest.claims.editor import load_edits
from digest.cli import SCHEMAS, main
from digest.errors import InputError
from digest.readers.meta import ARTICLE_KEYS

ROOT = Path(__file__).resolve().parents[1]


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMAS[name].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _plain(value: Any) -> Any:
    """YAML's dates as the text they were written as (digest accepts both)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_the_schemas_are_valid_json_schema_and_printed_by_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    for name in SCHEMAS:
        validator(name)
        assert main(["schema", name]) == 0
        assert json.loads(capsys.readouterr().out) == json.loads(SCHEMAS[name].read_text(encoding="utf-8"))


def test_claims_json_as_built_is_valid() -> None:
    claims = json.loads((ROOT / "tests" / "golden" / "claims.json").read_text(encoding="utf-8"))
    assert claims["claims"]
    validator("claims").validate(claims)


@pytest.mark.parametrize("broken", [
    lambda c: c["claims"][0].pop("status"),
    lambda c: c["claims"][0].update(status="contested"),
    lambda c: c["claims"][0]["mentions"][0].update(value="two"),
    lambda c: c["claims"][0].update(confidence=1.5),
    lambda c: c["articles"][0].pop("url"),
])
def test_a_broken_claims_json_is_refused(broken: Any) -> None:
    claims = json.loads((ROOT / "tests" / "golden" / "claims.json").read_text(encoding="utf-8"))
    broken(claims)
    assert not validator("claims").is_valid(claims)


def _front_matters() -> list[Path]:
    return sorted(p for folder in ("content", "tests/fixtures/golden_content", "tests/fixtures/unseen")
                  for p in (ROOT / folder).rglob("*.md") if p.name != "index.md")


@pytest.mark.parametrize("path", _front_matters(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_article_front_matter_in_the_repository_is_valid(path: Path) -> None:
    meta = {k: _plain(v) for k, v in frontmatter.load(path).metadata.items()}
    validator("front-matter").validate(meta)


def test_the_front_matter_schema_names_the_keys_digest_accepts() -> None:
    schema = json.loads(SCHEMAS["front-matter"].read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(ARTICLE_KEYS)
    assert not validator("front-matter").is_valid({"title": "T", "sorce": "typo"})
    assert not validator("front-matter").is_valid({"title": "T", "url": "javascript:alert(1)"})
    assert not validator("front-matter").is_valid({"title": "T", "slug": "Not A Slug"})


def test_the_claims_yml_schema_names_the_keys_digest_accepts() -> None:
    schema = json.loads(SCHEMAS["claims-yml"].read_text(encoding="utf-8"))
    assert set(schema["items"]["properties"]) == EDIT_KEYS


def test_editors_claims_yml_files_are_valid() -> None:
    files = sorted(ROOT.glob("tests/fixtures/**/claims.yml")) + sorted(ROOT.glob("content/**/claims.yml"))
    assert files
    for path in files:
        validator("claims-yml").validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("text", [
    "- claim: x\n  status: disputed\n",  # a status without a reason
    "- claim: x\n  notes: typo\n",  # an unknown key
    "- merge: [x]\n",  # a merge of one
    "- split: x\n",  # a split without its figures
    "- claim: x\n  merge: [y, z]\n",  # two targets
    "claim: x\n",  # not a list
])
def test_what_the_schema_refuses_digest_refuses(text: str, tmp_path: Path) -> None:
    assert not validator("claims-yml").is_valid(yaml.safe_load(text))
    path = tmp_path / "claims.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        load_edits(path, "s/claims.yml")
