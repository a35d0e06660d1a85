"""mkdocs.yml as digest reads it, without importing MkDocs (the engine may change): `INHERIT`
resolved (the parent's settings deep-merged under the child's) and `!ENV` read as MkDocs reads it
(`!ENV VAR` or `!ENV [VAR, OTHER, default]`); every other tag (`!!python/name:...`, `!relative`)
reads as nothing, so no code in the file runs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from digest.errors import InputError


class _Loader(yaml.SafeLoader):
    """A safe loader that knows `!ENV` and ignores every other tag."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = [loader.construct_scalar(n) for n in node.value if isinstance(n, yaml.ScalarNode)]
        names, default = items[:-1], items[-1] if items else None
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)]) if os.environ[str(name)] else ""
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def load(config: str | Path | None, _seen: frozenset[Path] = frozenset()) -> dict[str, Any]:
    """The settings of mkdocs.yml at `config` (empty if there is none)."""
    if not config or not Path(config).is_file():
        return {}
    path = Path(config).resolve()
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if not isinstance(data, dict):
        return {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and path not in _seen:
        return _merge(load(path.parent / parent, _seen | {path}), data)
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` deep-merged onto `base` (mappings merged key by key, as MkDocs' INHERIT does)."""
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@dataclass(frozen=True, slots=True)
class Publishing:
    """How much of each article the site publishes (`extra.digest` in mkdocs.yml)."""

    mode: str = "full"
    """`full`: the whole text, as read; `excerpts`: only the sentences that give figures, with
    their annotations and a link to the original."""
    noindex: bool = False
    """Ask search engines not to index the article pages (`<meta name="robots" content="noindex">`)."""


PUBLISH_MODES = ("full", "excerpts")
#: The default: whole articles, indexed.
FULL = Publishing()


def publishing(config: str | Path | None) -> Publishing:
    """The publishing settings of mkdocs.yml: `extra: {digest: {publish: full | excerpts,
    noindex: true | false}}`; InputError naming the file for any other value."""
    extra = load(config).get("extra")
    settings = extra.get("digest") if isinstance(extra, dict) else None
    if settings is None:
        return Publishing()
    where = str(config)
    if not isinstance(settings, dict):
        raise InputError(where, "extra.digest must be a mapping (publish:, noindex:)")
    unknown = sorted(set(settings) - {"publish", "noindex"})
    if unknown:
        raise InputError(where, f"unknown key extra.digest.{unknown[0]}; known keys: noindex, publish")
    mode = settings.get("publish", "full")
    if mode not in PUBLISH_MODES:
        raise InputError(where, f"extra.digest.publish must be one of {', '.join(PUBLISH_MODES)}, not {mode!r}")
    noindex = settings.get("noindex", False)
    if not isinstance(noindex, bool):
        raise InputError(where, "extra.digest.noindex must be true or false")
    return Publishing(str(mode), noindex)
