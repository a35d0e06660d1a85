"""Front matter: split it off, parse it, and check it against the schema before an Article exists."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from digest.errors import InputError
from digest.readers.spaces import flat

#: Keys an article's front matter may carry, and what each must be.
ARTICLE_KEYS: dict[str, str] = {
    "title": "text",
    "source": "text",  # the outlet; `outlet` is accepted as another name for it
    "outlet": "text",
    "url": "url",
    "published": "date",
    "date": "date",  # another name for `published`
    "author": "text or list of text",
    "summary": "text",
    "description": "text",  # another name for `summary`
    "category": "text",
    "slug": "slug",
    "tags": "list of text",
}
#: Keys a story's `index.md` or `story.yml` may carry.
STORY_KEYS: dict[str, str] = {"title": "text", "summary": "text", "slug": "slug"}

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
_FM_HANDLER = frontmatter.YAMLHandler()
#: libyaml's parser (in PyYAML's wheels) where present: the same results, many times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: How deep YAML an editor writes may nest: a few levels in practice; 30,000 nested `[` crashed
#: the C parser's recursion.
MAX_YAML_DEPTH = 32


def check_yaml(text: str) -> None:
    """Refuse YAML that would cost far more than its size, before it is built: an alias
    (`*name`: a 400-byte "billion laughs" stands for billions of values, then expanded in
    messages) or nesting deeper than `MAX_YAML_DEPTH`. Raises yaml.YAMLError with the place,
    as the parser does; reads the text as a stream of events (no recursion, no values built)."""
    depth = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise _Problem("aliases (*name) are not allowed here; write the value out", event.start_mark)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _Problem(f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


class _Problem(yaml.MarkedYAMLError):
    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, line where the body starts) for text that may open with `---` YAML."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 3)
    if end < 0 and text.endswith("\n---"):
        end = len(text) - 4
    if end < 0:
        raise InputError(path, "front matter opened with '---' is never closed", 1)
    raw = text[4:end + 1]
    body_line = raw.count("\n") + 3
    try:
        check_yaml(raw)
        meta = _FM_HANDLER.load(raw)
    except yaml.YAMLError as exc:
        # where the broken construct starts (context) is more useful than where it was noticed
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(path, f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(meta, dict):
        raise InputError(path, "front matter must be a mapping of keys to values", 2)
    lines = _key_lines(raw)
    meta = {str(k): v for k, v in meta.items()}
    meta["__lines__"] = lines
    return meta, text[end + 5:], body_line


def _key_lines(raw: str) -> dict[str, int]:
    """The file line of each top-level key (the front matter starts on line 2)."""
    try:
        node = yaml.compose(raw, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 2 for k, _ in node.value}


#: C0 controls but tab and newline, DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF.
CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def drop_controls(text: str) -> str:
    """`text` without the control characters scraped text and YAML escapes (`"\\x1b"`) carry:
    they mean nothing in an article, are invalid in XML (the feeds) and unsafe in a terminal."""
    return CONTROL.sub("", text)


def check(meta: dict[str, Any], path: Path, *, schema: dict[str, str]) -> dict[str, Any]:
    """Validate front matter against `schema`; return it with normalised values."""
    lines: dict[str, int] = meta.get("__lines__", {})
    clean: dict[str, Any] = {}
    for key, value in meta.items():
        if key == "__lines__":
            continue
        line = lines.get(key)
        if key not in schema:
            near = difflib.get_close_matches(key, schema, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else f"; known keys: {', '.join(sorted(schema))}"
            raise InputError(path, f"unknown front matter key '{key}'{hint}", line)
        if value is None:
            continue
        clean[key] = _coerce(value, schema[key], key, path, line)
    return clean


def _coerce(value: Any, want: str, key: str, path: Path, line: int | None) -> Any:
    def bad(what: str) -> InputError:
        return InputError(path, f"front matter key '{key}' must be {what}, not {_describe(value)}", line)

    if want in ("text", "url", "slug"):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise bad("text")
        text = flat(drop_controls(str(value)))
        if want == "url" and not _URL.match(text):
            raise bad("an http(s) URL")
        if want == "slug" and not _SLUG.match(text):
            raise InputError(
                path, f"front matter key 'slug' must be lowercase letters, digits and hyphens "
                f"(a page name, not a path), not {text!r}", line)
        return text
    if want == "text or list of text":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return ", ".join(flat(drop_controls(v)) for v in value)
        return _coerce(value, "text", key, path, line)
    if want == "list of text":
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
            return [str(v) for v in value]
        raise bad("a list of text")
    if want == "date":
        return parse_date(value, path=path, key=key, line=line)
    raise AssertionError(want)  # pragma: no cover - schema typo


_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%b. %d, %Y",
                 "%Y/%m/%d", "%d/%m/%Y")


def parse_date(value: Any, *, path: Path, key: str = "published", line: int | None = None) -> str:
    """An ISO date string (`2025-06-12`, or `2025-06` / `2025` where only those are given)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%Y":
            return f"{parsed.year:04d}"
        if fmt == "%Y-%m":
            return f"{parsed.year:04d}-{parsed.month:02d}"
        return parsed.date().isoformat()
    parsed_date = _news_date(text)
    if parsed_date:
        return parsed_date
    raise InputError(path, f"'{key}' is not a date I can read: {text!r} (write it as YYYY-MM-DD)", line)


#: `Sept.` is how news sites abbreviate September; dateutil knows `Sep`.
_SEPT = re.compile(r"\bSept\b\.?", re.IGNORECASE)


def _news_date(text: str) -> str | None:
    """The forms news sites print (`Sept. 14, 2026`, `Monday, 14 September 2026`, `14.09.2026`),
    read by python-dateutil; None unless a day, month and year are all there."""
    from dateutil import parser

    cleaned = _SEPT.sub("Sep", text)
    first = dt.datetime(1, 1, 1)
    try:
        a = parser.parse(cleaned, default=first)
        b = parser.parse(cleaned, default=dt.datetime(2, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a != b:  # a part was missing and filled from the defaults
        return None
    return a.date().isoformat()


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    return repr(value)
