from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import settings as hypothesis_settings

from gen.paths import GENERATED
from gen.pipeline import build
from gen.settings import Settings

# No timed assertions: Hypothesis's default deadline (200 ms an example) fails a test when the
# machine is busy (a first example took 478 ms under load, then 0.1 ms); speed is `make bench`'s.
hypothesis_settings.register_profile("untimed", deadline=None)
hypothesis_settings.load_profile("untimed")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def copy_project(target: Path) -> Path:
    """mkdocs.yml and the hand-written part of docs/ in a scratch folder."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", target / "hooks", dirs_exist_ok=True)
    for item in (ROOT / "docs").iterdir():
        if item.name in {g.split("/")[0] for g in GENERATED if "/" not in g} or item.name.startswith((".gen", ".output")):
            continue
        if item.is_dir():
            shutil.copytree(item, target / "docs" / item.name, ignore=shutil.ignore_patterns("generated"))
        else:
            (target / "docs").mkdir(exist_ok=True)
            shutil.copy(item, target / "docs" / item.name)
    (target / "docs").mkdir(exist_ok=True)
    return target


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True, text=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def site(seed_project) -> Path:
    """The seeds' site built once with mkdocs (every test that reads built HTML shares it)."""
    if not (seed_project / "site" / "index.html").exists():
        result = mkdocs_build(seed_project)
        assert result.returncode == 0, result.stderr[-2000:]
    return seed_project / "site"


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory) -> Path:
    """The seeds generated into a scratch project (docs/ only, not yet built)."""
    project = copy_project(tmp_path_factory.mktemp("seed-site"))
    build(Settings(sources=SEEDS, docs=project / "docs", progress=False, cache=None))
    return project


@pytest.fixture(scope="session")
def sources_data(seed_project) -> dict:
    return json.loads((seed_project / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def by_file(sources_data) -> dict:
    return {s["source_file"]: s for s in sources_data["sources"]}


@pytest.fixture(scope="session")
def expectations() -> dict:
    return yaml.safe_load((Path(__file__).parent / "seed_expectations.yml").read_text(encoding="utf-8"))


def live_html_problems(page_html: str) -> list[str]:
    """Active content inside the page's <article>: tags, handlers and URLs that run code."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup(page_html, "html.parser").find("article")
    problems = []
    for tag in article.find_all(True):
        if tag.name in ("script", "iframe", "style", "svg", "object", "embed", "form", "frame", "foreignobject"):
            # the generator's own charts: an SVG right inside <div class="chart">, built from
            # escaped labels; what is inside it is checked like everything else
            if not (tag.name == "svg" and tag.parent.name == "div" and "chart" in tag.parent.get("class", [])):
                problems.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                problems.append(f"{tag.name}[{name}]")
            if name.split(":")[-1] in ("href", "src", "action") and text.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                problems.append(f"{tag.name}[{name}={text[:30]}]")
    return problems


def published_files(docs: Path) -> list[str]:
    """The files of docs/ as MkDocs reads them: through the links into the hidden output tree."""
    from gen.paths import OUTPUT_TREE

    found = []
    for top, folders, names in os.walk(docs, followlinks=True):
        folders[:] = sorted(f for f in folders if f != OUTPUT_TREE)
        found += [(Path(top) / name).relative_to(docs).as_posix() for name in names]
    return sorted(found)


def is_true_to(quoted: str, paragraph: str) -> bool:
    """Each piece of the quote between "…" marks is a span of the paragraph, in order."""
    from gen.site.taxonomy import GAP

    at = 0
    for piece in (p for p in quoted.split(GAP) if p):
        found = paragraph.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


# One evidence block in a generated page, written as HTML: the quote, then the source line
# with the paragraph permalink (gen/templates/_evidence.md.j2).
EVIDENCE_BLOCK = (r'^<blockquote>\n<p>(.+)</p>\n</blockquote>\n\n'
                  r'<p class="evidence-source">(.+?<a href="([^"]+)" title="段落永久链接 Permalink to the paragraph">¶ 段落 paragraph</a>.*)</p>$')


def evidence_blocks(page_markdown: str) -> list[tuple[str, str, str]]:
    """(quote as HTML, source line as HTML, paragraph link as published) for every evidence
    block of a page."""
    import re

    return re.findall(EVIDENCE_BLOCK, page_markdown, re.M)


def linked_source(page: str, href: str) -> str:
    """The source page under docs/ (with the anchor, if any) that a link written as HTML on
    `page` (a path under docs/) leads to: "../../sources/x/#p-1" -> "sources/x.md#p-1"."""
    from posixpath import join, normpath

    from gen import paths

    path, _, anchor = href.partition("#")
    target = normpath(join(paths.url(page), path))
    return f"{target}.md" + (f"#{anchor}" if anchor else "")


def page_chain(docs: Path, first: str) -> list[str]:
    """A paged list's pages in order, found by following each page's "next" link from page 1."""
    import re
    from posixpath import dirname, normpath

    chain = [first]
    while True:
        text = (docs / chain[-1]).read_text(encoding="utf-8")
        found = re.search(r"\[下一页 Next →\]\(([^)]+)\)", text)
        if not found:
            return chain
        chain.append(normpath(f"{dirname(chain[-1])}/{found.group(1)}"))


PAGED_SOURCES = 120  # SME sources, so that a theme and a province page run to three pages or more


def write_paged_corpus(folder: Path, count: int = PAGED_SOURCES) -> Path:
    """A synthetic corpus: `count` Markdown sources on SME support in 浙江省, each one passage
    of the theme that names 政采贷; the first one carries hostile markup in its text."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        hostile = "<script>alert(1)</script>{: onclick=alert(1) }\\[x\\]&copy" if n == 0 else ""
        month, day = 1 + n % 12, 1 + n % 28
        (folder / f"sme-{n:03d}.md").write_text(
            f"---\ntitle: \"浙江省第{n}期政府采购支持中小企业通报\"\ndate: 2024-{month:02d}-{day:02d}\n"
            f"publisher: 浙江省财政厅\n---\n\n"
            f"# 浙江省第{n}期政府采购支持中小企业通报\n\n"
            f"杭州市财政局第{n}次通报政府采购情况。全市{hostile}政府采购预留份额专门面向中小企业采购，"
            f"授予中小企业合同金额{n + 1}亿元。第{n}批政采贷线上融资惠及{3 * n + 7}家小微企业。\n\n"
            f"第{n}号通报的其余内容为会议安排，与第{n + 5}次例会一并印发，请各单位按第{n + 2}号时间表执行。\n",
            encoding="utf-8",
        )
    return folder


SYNTHETIC_SOURCES = 1000  # the size the issue names for the counts test


@pytest.fixture(scope="session")
def thousand_project(tmp_path_factory) -> Path:
    """1,000 sources synthesised from the seeds' paragraphs in the seeds' formats (the
    benchmark's corpus), generated only: the counts are read from the Markdown pages."""
    from tools.bench.synth import synthesise

    project = copy_project(tmp_path_factory.mktemp("thousand-site"))
    sources = tmp_path_factory.mktemp("thousand-sources")
    synthesise(SEEDS, sources, SYNTHETIC_SOURCES)
    build(Settings(sources=sources, docs=project / "docs", progress=False, cache=None))
    return project


@pytest.fixture(scope="session")
def paged_project(tmp_path_factory) -> Path:
    """The synthetic SME corpus generated and built (docs/ and site/)."""
    project = copy_project(tmp_path_factory.mktemp("paged-site"))
    sources = write_paged_corpus(tmp_path_factory.mktemp("paged-sources"))
    build(Settings(sources=sources, docs=project / "docs", progress=False, cache=None))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project
