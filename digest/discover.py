"""Find the stories and article files under the content folder, and each story's own metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from digest.errors import InputError
from digest.readers import READERS, decode, slugify
from digest.readers.markdown import blocks_from_html
from digest.readers.meta import SAFE_LOADER, STORY_KEYS, check, check_yaml, split_front_matter

#: Files in a story folder that describe the story, not an article.
STORY_FILES = ("index.md", "story.yml", "story.yaml")
#: Files an editor keeps beside the articles that are not articles.
SIDE_FILES = ("claims.yml", "claims.yaml", "readme.md", "readme.txt")
#: Story slugs that would collide with the site's own pages.
RESERVED = frozenset({"conflicts", "timeline", "entities", "assets", "search", "claims", "index", "404", "stylesheets",
                      "javascripts"})


@dataclass(frozen=True, slots=True)
class StorySource:
    """A story folder before its articles are read."""

    slug: str
    folder: Path
    files: tuple[Path, ...]
    title: str
    summary: str | None
    edits: Path | None = None
    """The story's claims.yml, if it has one."""


def discover(content: Path, /, errors: list[InputError]) -> list[StorySource]:
    """Every story folder under `content` with its article files, sorted by name.

    Problems are appended to `errors` (all of them, not just the first); the folders and files
    that are fine are still returned so that every error can be reported in one run.
    """
    if not content.is_dir():
        errors.append(InputError(content, "content folder not found"))
        return []
    root = content.resolve()
    stories: list[StorySource] = []
    slugs: dict[str, Path] = {}
    for folder in sorted(p for p in content.iterdir() if not p.name.startswith((".", "_"))):
        rel = folder.relative_to(content).as_posix()
        if not _inside(folder, root):
            errors.append(InputError(rel, "is a link to somewhere outside the content folder; not followed"))
            continue
        if not folder.is_dir():
            errors.append(InputError(rel, "articles go in a story folder: content/<story>/<article file>"))
            continue
        try:
            title, summary, chosen = _story_meta(folder, content)
        except InputError as exc:
            errors.append(exc)
            title, summary, chosen = folder.name, None, None
        slug = chosen or slugify(folder.name)  # the story's `slug:` names its pages, else its folder does
        if slug in RESERVED:
            what = f"story slug '{slug}'" if chosen else f"story folder name '{folder.name}'"
            errors.append(InputError(rel, f"{what} is reserved for a site page; rename it"))
            continue
        if slug in slugs:
            errors.append(InputError(rel, f"story would get the same page as '{slugs[slug].name}' ({slug}/)"))
            continue
        slugs[slug] = folder
        files = []
        for path in sorted(folder.iterdir()):
            name = path.name.lower()
            if name.startswith(".") or name in STORY_FILES or name in SIDE_FILES:
                continue
            path_rel = path.relative_to(content).as_posix()
            if not _inside(path, root):
                errors.append(InputError(path_rel, "is a link to somewhere outside the content folder; not followed"))
            elif path.is_dir():
                errors.append(InputError(path_rel, "folders inside a story folder are not read; move its files up"))
            elif not path.is_file():
                # a FIFO would block the build forever on open; a socket or device cannot be read
                errors.append(InputError(path_rel, "not a regular file (a pipe, socket or device): not an article"))
            elif path.suffix.lower() not in READERS:
                errors.append(InputError(
                    path_rel, f"unknown file type '{path.suffix or path.name}'; articles are "
                    f"{', '.join(sorted(READERS))} (story files: index.md, story.yml, claims.yml)"))
            else:
                files.append(path)
        if not files:
            errors.append(InputError(rel, "story folder has no articles"))
            continue
        edits = next((folder / n for n in ("claims.yml", "claims.yaml") if (folder / n).is_file()), None)
        stories.append(StorySource(slug, folder, tuple(files), title, summary, edits))
    if not stories and not errors:
        errors.append(InputError(content, "no story folders found (expected content/<story>/<article files>)"))
    return stories


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, links resolved, is inside `root`."""
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _story_meta(folder: Path, content: Path) -> tuple[str, str | None, str | None]:
    """A story's title, summary and `slug:` from its index.md or story.yml (else the title from
    its folder name)."""
    for name in STORY_FILES:
        path = folder / name
        if not path.is_file():
            continue
        rel = path.relative_to(content).as_posix()
        text = decode(path.read_bytes(), rel)
        if name == "index.md":
            meta, body, _ = split_front_matter(text, Path(rel))
        else:
            try:
                check_yaml(text)
                meta = yaml.load(text, Loader=SAFE_LOADER)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                raise InputError(rel, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                 mark.line + 1 if mark else None) from None
            if not isinstance(meta, dict):
                raise InputError(rel, "must be a mapping with 'title' and 'summary'", 1)
            body = ""
        clean = check(meta, Path(rel), schema=STORY_KEYS)
        summary = clean.get("summary")
        if not summary and body.strip():
            import markdown

            summary = " ".join(b.text for b in blocks_from_html(markdown.markdown(body)))
        return clean.get("title") or _title_from_slug(folder.name), summary or None, clean.get("slug")
    return _title_from_slug(folder.name), None, None


def _title_from_slug(name: str) -> str:
    """`AI-deal_Databricks` -> `AI deal Databricks`: the first letter raised, every other letter
    as the folder writes it (str.capitalize lowered them: `Ai deal databricks`)."""
    words = name.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:] if words else name
