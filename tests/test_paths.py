"""Page paths are declared once (gen/paths.py); .gitignore and `make clean` must agree with it."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT, published_files
from gen import paths


def _git(*args: str, stdin: str = "") -> str:
    """What git prints for the checkout the tests run in (skipped outside a git checkout)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    return subprocess.run(["git", *args], cwd=ROOT, input=stdin, capture_output=True, text=True).stdout


def _clean_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^clean:\n\t(.+)$", makefile, re.M).group(1)
    return {word.removeprefix("docs/") for word in recipe.split() if word.startswith("docs/")}


def test_every_generated_entry_is_ignored_by_git():
    ignored = {line.strip().removeprefix("docs/").rstrip("/")
               for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line.startswith("docs/")}
    assert ignored == {*paths.GENERATED, paths.OUTPUT_TREE}


def test_make_clean_removes_every_generated_entry():
    assert _clean_targets() == {*paths.GENERATED, paths.OUTPUT_TREE}


def test_pages_are_published_at_directory_urls():
    assert paths.url(paths.HOME) == ""
    assert paths.url(paths.THEME_INDEX) == "themes/"
    assert paths.url(paths.source("2024-01-01-x-1234")) == "sources/2024-01-01-x-1234/"
    assert paths.url(paths.RSS) == "feeds/rss.xml"


def test_every_written_file_lies_under_a_generated_entry(seed_project):
    docs = seed_project / "docs"
    written = published_files(docs)
    generated = [w for w in written if any(w == g or w.startswith(g + "/") for g in paths.GENERATED)]
    hand_written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")
                    if p.is_file() and not any(p.relative_to(ROOT / "docs").as_posix().startswith(g)
                                               for g in (*paths.GENERATED, paths.OUTPUT_TREE))}
    assert set(written) - set(generated) == hand_written
    assert {paths.HOME, paths.THEME_INDEX, paths.REGION_INDEX, paths.TIMELINE, paths.GLOSSARY, paths.OTHERS,
            paths.SOURCES_JSON, paths.RSS, paths.JSON_FEED, paths.FIGURES_CSV, paths.PASSAGES_CSV,
            paths.theme_feed("sme")} <= set(generated)


def test_later_pages_of_a_paged_list_sit_beside_page_one():
    assert paths.theme("sme") == "themes/sme.md" and paths.theme("sme", 2) == "themes/sme/page-2.md"
    assert paths.url(paths.theme("sme", 2)) == "themes/sme/page-2/"
    assert paths.region("330000", 3) == "regions/330000/page-3.md"
    assert paths.glossary_term("zheng-cai-dai") == "glossary/zheng-cai-dai.md"
    assert paths.url(paths.glossary_term("zheng-cai-dai", 2)) == "glossary/zheng-cai-dai/page-2/"
    for page in (paths.theme("x", 9), paths.region("x", 9), paths.glossary_term("x", 9)):
        assert page.split("/")[0] in paths.GENERATED


def test_every_page_of_a_paged_corpus_lies_under_a_generated_entry(paged_project):
    written = published_files(paged_project / "docs")
    later = [w for w in written if "/page-" in w and not w.startswith("sources/")]
    assert {paths.theme("sme", 3), paths.region("330000", 5), paths.glossary_term("zheng-cai-dai", 3)} <= set(later)
    assert all(any(w.startswith(g + "/") for g in paths.GENERATED) for w in later)


def test_no_file_of_the_project_is_ignored_by_git():
    """An ignore rule that matches a module (`site/` once matched gen/site/) makes a new file
    vanish from every commit while the working tree still runs: a fresh clone then lacks it."""
    candidates = [p.relative_to(ROOT).as_posix() for folder in ("gen", "tests", "tools", "hooks", "scripts")
                  for p in (ROOT / folder).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
                  and ".hypothesis" not in p.parts]
    assert _git("check-ignore", "--no-index", "--stdin", stdin="\n".join(candidates)).split() == []


def test_git_tracks_no_generated_output_under_docs():
    """Only hand-written files are committed under docs/: a committed link into the output
    tree (docs/assets/generated once) dangles in a fresh clone and MkDocs fails on it."""
    listed = _git("ls-files", "-s", "docs")
    entries = [line.split(maxsplit=3) for line in listed.splitlines()]
    assert [path for mode, _, _, path in entries if mode == "120000"] == []
    generated = (*paths.GENERATED, paths.OUTPUT_TREE)
    assert [path for *_, path in entries
            if any(path.removeprefix("docs/") == g or path.removeprefix("docs/").startswith(g + "/") for g in generated)] == []
