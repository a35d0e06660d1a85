"""Publishing mode (`extra.digest.publish: excerpts` in mkdocs.yml): article pages keep the
sentences that give figures, with their annotations and a link to the original, and no other
text of the outlet's; `noindex: true` asks search engines to keep out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from digest.claims.context import split_sentences
from digest.cli import main
from digest.errors import InputError
from digest.figures import extract_figures
from digest.pipeline import build
from digest.render.config import publishing
from tests.conftest import ROOT, write_story

CONTENT = ROOT / "content"
PAGE = "port-avery-storm/harbor-gazette.md"


def _config(tmp_path: Path, body: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n{body}", encoding="utf-8")
    return config


def _pages(tmp_path: Path, config: Path | None) -> dict[str, str]:
    out = tmp_path / ("docs-" + (config.stem if config else "default"))
    build(CONTENT, out=out, config=str(config or ROOT / "mkdocs.yml"), cache=None)
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}


def _sentences(path: Path) -> tuple[list[str], list[str]]:
    """The body sentences of a fixture article: those with figures, those without."""
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    with_figures, without = [], []
    for paragraph in filter(None, (p.strip() for p in body.split("\n\n"))):
        for s0, s1 in split_sentences(paragraph):
            sentence = paragraph[s0:s1].strip()
            (with_figures if extract_figures(sentence) else without).append(sentence)
    return with_figures, without


def test_excerpts_keep_the_figures_and_drop_the_rest(tmp_path: Path) -> None:
    config = _config(tmp_path, "extra:\n  digest:\n    publish: excerpts\n    noindex: true\n")
    full, short = _pages(tmp_path, None), _pages(tmp_path, config)
    page, whole = short[PAGE], full[PAGE]
    with_figures, without = _sentences(CONTENT / PAGE)
    assert without and with_figures
    plain = re.sub(r"<[^>]+>|\\", "", page)
    for sentence in without:
        assert sentence.rstrip(".") not in plain  # "Mayor Ines Okafor said ..."
        assert sentence.rstrip(".") in re.sub(r"<[^>]+>|\\", "", whole)
    # every figure keeps its anchor, its annotation and its place in the figure list
    anchors = set(re.findall(r'<mark id="(fig-\d+)"', whole))
    assert anchors and anchors == set(re.findall(r'<mark id="(fig-\d+)"', page))
    assert page.count("(#fig-") == whole.count("(#fig-")
    assert '!!! note "Excerpts"' in page and "(https://example.org/harbor-gazette/storm-hollis-damage)" in page
    assert "robots: noindex" in page and "excerpts: true" in page
    assert "## Recovery" not in page and "## Recovery" in whole  # headings are the outlet's text too
    # the default stays as it was: the whole text, no robots line
    assert "robots:" not in whole
    assert "Excerpts" not in whole
    # pages other than articles are the same (the conflicts page links the same anchors)
    assert short["conflicts.md"] == full["conflicts.md"]


def test_the_link_to_the_original_cannot_break_out_of_markdown(tmp_path: Path) -> None:
    write_story(tmp_path / "content", {
        "a.md": "---\ntitle: A\nsource: A\nurl: https://example.org/a)[x](javascript:alert(1)\n---\n\n"
                "The storm killed 14 people.\n",
        "b.md": "---\ntitle: B\nsource: B\n---\n\nThe storm killed 11 people. Nobody else.\n"})
    config = _config(tmp_path, "extra:\n  digest:\n    publish: excerpts\n")
    out = tmp_path / "docs"
    build(tmp_path / "content", out=out, config=str(config), cache=None)
    a = (out / "s" / "a.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]  # the page, not its front matter
    assert "(https://example.org/a%29%5Bx%5D%28javascript:alert%281%29)" in a or \
        "(https://example.org/a%29[x]%28javascript:alert%281%29)" in a
    assert "](javascript" not in a
    b = (out / "s" / "b.md").read_text(encoding="utf-8")
    assert "The full text is not published." in b and "Nobody else" not in b


@pytest.mark.parametrize(("body", "message"), [
    ("extra:\n  digest:\n    publish: summary\n", "extra.digest.publish must be one of full, excerpts"),
    ("extra:\n  digest:\n    noindex: yes please\n", "extra.digest.noindex must be true or false"),
    ("extra:\n  digest:\n    publsh: excerpts\n", "unknown key extra.digest.publsh"),
])
def test_a_bad_setting_is_an_error_naming_the_file(tmp_path: Path, body: str, message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, body)
    with pytest.raises(InputError, match=re.escape(message)):
        publishing(config)
    assert main(["build", str(CONTENT), "--out", str(tmp_path / "docs"), "--config", str(config), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and message in err
    assert not (tmp_path / "docs").exists()


def test_the_default_is_full_text() -> None:
    assert publishing(ROOT / "mkdocs.yml").mode == "full"
    assert publishing(None).mode == "full" and not publishing(None).noindex


def test_excerpts_keep_a_headings_figure_and_quote_only_what_they_publish(tmp_path: Path) -> None:
    write_story(tmp_path / "content", {
        "a.md": "---\ntitle: A\nsource: A\n---\n\n## 14 dead as storm hits\n\n"
                "The storm killed 14 people. Nobody else was hurt.\n\n"
                "The state spent Rs. 1,200 crore and hired 40 staff.\n",
        "b.md": "---\ntitle: B\nsource: B\n---\n\nThe storm killed 11 people.\n"})
    config = _config(tmp_path, "extra:\n  digest:\n    publish: excerpts\n")
    out = tmp_path / "docs"
    build(tmp_path / "content", out=out, config=str(config), cache=None)
    page = (out / "s" / "a.md").read_text(encoding="utf-8")
    # every figure keeps its mark, the heading's too (the conflicts page links it)
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    for m in (m for c in claims["claims"] for m in c["mentions"] if m["article"] == "s/a"):
        assert f'<mark id="{m["anchor"]}"' in page
    assert "Nobody else" not in page
    # a figure that runs past a sentence break ("Rs." ends no sentence) is printed once
    assert "1,200</mark> crore and hired" in page and "1,200 crore" not in page
    annotations = (out / "s" / "a.jsonld").read_text(encoding="utf-8")
    assert "Nobody else" not in annotations  # quotes' prefix and suffix come from the excerpts
