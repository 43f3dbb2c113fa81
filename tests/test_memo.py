"""Keeping the corpus pages (gen/memo.py): after every kind of edit, the output must be
byte for byte what a build that renders every corpus page writes."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from gen.cache import Cache
from gen.corpus import GROUPS, Corpus, group_of
from gen.memo import why_not_kept
from gen.models import Processed
from gen.pipeline import build
from gen.process import process_source
from gen.settings import Settings
from gen.synth import synthesise
from gen.themes import vocabulary

SYNTHETIC = 240  # enough that the older articles are quoted on no corpus page


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Sources and a filled cache, built once for the module."""
    base = tmp_path_factory.mktemp("memo")
    sources = base / "sources"
    shutil.copytree(SEEDS, sources)
    synthesise(SEEDS, sources / "synthetic", SYNTHETIC)
    build(Settings(sources=sources, docs=base / "docs", cache=base / "cache", progress=False, workers=2))
    return base


def _copy(corpus, tmp_path) -> tuple[Settings, Settings]:
    """This test's own sources; an incremental build and a reference whose memo is always
    removed first, so it renders every corpus page."""
    shutil.copytree(corpus / "sources", tmp_path / "sources")
    for name in ("cache", "reference-cache"):
        shutil.copytree(corpus / "cache", tmp_path / name)
    common = dict(sources=tmp_path / "sources", progress=False, workers=2)
    return (Settings(docs=tmp_path / "docs", cache=tmp_path / "cache", **common),
            Settings(docs=tmp_path / "reference", cache=tmp_path / "reference-cache", **common))


def _reference(settings: Settings):
    Cache(settings.cache).forget_memo()
    return build(settings)


def _tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _bump_first_amount(text: str) -> str:
    return re.sub(r"(\d+)(?=(?:\.\d+)?(?:亿|万)?元)", lambda m: str(int(m.group(1)) + 7), text, count=1)


EDITS = [
    ("a clause added to the first sentence", lambda t: t.replace("。", "，并持续推进。", 1)),
    ("a clause added to the last sentence", lambda t: "。".join(t.split("。")[:-2] + [t.split("。")[-2] + "，效果明显", t.split("。")[-1]])),
    ("an amount changed", _bump_first_amount),
    ("a place named", lambda t: t.replace("。", "。浙江省湖州市也在推进。", 1)),
    ("a glossary term used", lambda t: t.replace("。", "。当地同步推广政采贷。", 1)),
    ("the title changed", lambda t: t.replace("）", "）修订稿", 1)),
    ("a theme word added", lambda t: t.replace("。", "。同时落实绿色采购政策。", 1)),
]


def test_every_edit_gives_what_a_full_build_gives(corpus, tmp_path):
    settings, reference = _copy(corpus, tmp_path)
    build(settings)
    files = sorted((tmp_path / "sources" / "synthetic").rglob("*.txt"))
    ways = []
    for number, (what, edit) in enumerate(EDITS * 2):
        source = files[(number * 37 + 11) % len(files)]
        source.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")
        ways.append(build(settings).corpus)
        _reference(reference)
        assert _tree(settings.docs) == _tree(reference.docs), what
    for _ in range(3):  # and edits that keep the corpus pages, one after another
        _keepable_edit(settings)
        ways.append(build(settings).corpus)
        _reference(reference)
        assert _tree(settings.docs) == _tree(reference.docs)
    assert ways[-3:] == ["kept"] * 3, ways
    assert any(w.startswith("kept but ") for w in ways), ways  # a few groups rendered again
    assert any(w.startswith("rendered: ") for w in ways), ways


def test_added_removed_copied_and_several_sources_at_once(corpus, tmp_path):
    settings, reference = _copy(corpus, tmp_path)
    build(settings)
    files = sorted((tmp_path / "sources" / "synthetic").rglob("*.txt"))
    steps = [
        lambda: files[3].unlink(),
        lambda: shutil.copy(files[5], files[5].with_name("copy-of-5.txt")),
        lambda: files[7].write_bytes(files[9].read_bytes()),  # now the same article as another
        lambda: [f.write_text(f.read_text(encoding="utf-8").replace("。", "，并持续推进。", 1), encoding="utf-8")
                 for f in files[20:26]],
        lambda: files[30].write_bytes(b"\x00\x01 not a source"),
    ]
    for step in steps:
        step()
        report = build(settings)
        _reference(reference)
        assert _tree(settings.docs) == _tree(reference.docs)
    assert len(report.records) == SYNTHETIC + 5 - 1  # one removed, one added, one skipped


def _keepable_edit(settings: Settings):
    """Edit a synthetic source, oldest first, in a way that keeps the corpus pages."""
    cache = Cache(settings.cache)
    memo = cache.memo()
    at = {r.source_file: i for i, r in enumerate(memo.records)}
    for relative in sorted(memo.keys, key=lambda s: memo.records[at[s]].id if s in at else ""):
        path = settings.sources / relative
        if "synthetic" not in relative or relative not in at:
            continue
        before = path.read_text(encoding="utf-8")
        path.write_text("。".join(before.split("。")[:-2] + [before.split("。")[-2] + "，效果明显", before.split("。")[-1]]),
                        encoding="utf-8")
        old: Processed = cache.get(memo.keys[relative])
        if why_not_kept(old, process_source(settings.sources, relative), memo.records[at[relative]], memo) == ("", set()):
            return path
        path.write_text(before, encoding="utf-8")
    raise AssertionError("no edit keeps the corpus pages")


def test_kept_pages_are_checked_against_docs(corpus, tmp_path):
    """A kept page edited by hand since, or removed, is written again: nothing is trusted
    that is not the file the last build wrote."""
    settings, reference = _copy(corpus, tmp_path)
    build(settings)
    _keepable_edit(settings)
    assert build(settings).corpus == "kept"
    theme_page = settings.docs / "themes" / "sme.md"
    theme_page.write_text("edited by hand\n", encoding="utf-8")
    (settings.docs / "timeline" / "index.md").unlink()
    _keepable_edit(settings)
    assert build(settings).corpus.startswith("rendered")
    _reference(reference)
    assert _tree(settings.docs) == _tree(reference.docs)



def test_every_corpus_page_belongs_to_the_group_that_renders_it():
    articles = [r.article for r in (process_source(SEEDS, p.name) for p in sorted(SEEDS.iterdir())) if r.article]
    corpus = Corpus(articles, [], [], "https://example.org/", vocabulary())
    for group, render in GROUPS.items():
        assert {group_of(page.path) for page in render(corpus)} == {group}
    assert group_of("sources/2022-06-13-some-page.md") is None


def test_an_edit_that_keeps_the_title_needs_no_pinyin(tmp_path):
    """The slug of a source whose title and date did not change comes from the memo: a fresh
    process then never loads pypinyin (~80 ms)."""
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    script = ("import sys; from pathlib import Path; from gen.pipeline import build; from gen.settings import Settings; "
              "r = build(Settings(sources=Path(sys.argv[1]), docs=Path(sys.argv[2]), cache=Path(sys.argv[3]), "
              "progress=False, workers=1)); print('pypinyin' in sys.modules)")
    command = [sys.executable, "-c", script, str(sources), str(tmp_path / "docs"), str(tmp_path / "cache")]
    run = functools.partial(subprocess.run, command, capture_output=True, text=True, check=True, cwd=ROOT)
    assert run().stdout.split() == ["True"]
    edited = sources / "003_641ee5b96c45208b.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("各区市财政局：", "各区市财政局、各有关单位："), encoding="utf-8")
    assert run().stdout.split() == ["False"]
