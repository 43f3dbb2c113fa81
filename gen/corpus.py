"""The pages built from the whole corpus, in named groups, in two halves that can be
rendered side by side.

Every page here reads all articles. With two or more cores, the briefing half is rendered
in a forked child process, which shares the loaded articles copy-on-write, while this
process renders the listing half. A build that keeps the last build's corpus pages but
for a few (gen/memo.py) asks for just the groups those belong to.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cached_property

from . import export, feeds, home, indexes
from .indexes import FigureRanks
from .models import Article, OutputFile, Skipped
from .themes import Vocabulary, vocabulary

FORK_FROM = 200  # articles; for fewer, starting a child costs more than it saves


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    skipped: list[Skipped]
    parts: list[bytes]  # each article's sources.json entry (UTF-8)
    site_url: str
    vocab: Vocabulary
    only: frozenset[str] | None = None  # the theme and region pages wanted, if not all

    @cached_property
    def provinces(self) -> dict[str, str]:
        """Province -> its adcode."""
        return {p.province: p.adcode[:2] + "0000" for a in self.articles for x in a.paragraphs for p in x.places
                if p.province}

    @cached_property
    def ranks(self) -> FigureRanks:
        return FigureRanks(self.articles)


GROUPS: dict[str, Callable[[Corpus], list[OutputFile]]] = {
    # the briefing half
    "home": lambda c: home.home_page(c.articles, c.vocab),
    "glossary": lambda c: [home.glossary_page(c.articles)],
    "themes": lambda c: indexes.theme_pages(c.articles, c.vocab, c.provinces, c.ranks, c.only),
    # the listing half
    "regions": lambda c: indexes.region_pages(c.articles, c.vocab, c.provinces, c.ranks, c.only),
    "timeline": lambda c: [indexes.timeline_page(c.articles, c.vocab)],
    "source lists": lambda c: indexes.source_index_pages(c.articles, c.vocab),
    "others": lambda c: [indexes.others_page(c.articles)],
    "data": lambda c: export.sources_json_files(c.parts, c.skipped),
    "feeds": lambda c: feeds.feeds(c.articles, c.vocab, c.site_url),
    "search": lambda c: [feeds.jieba_user_dict(home.search_words(c.vocab))],
}
BRIEFING = ("home", "glossary", "themes")
_GROUP_OF_PATH = (  # the first prefix a page's path starts with names its group
    (home.YEAR_CHART, "home"), (indexes.HEATMAP, "regions"),
    (feeds.JIEBA_DICT, "search"), ("index.md", "home"), ("glossary/", "glossary"),
    ("themes/", "themes"), ("regions/", "regions"), ("timeline/", "timeline"), ("sources/index.md", "source lists"),
    ("sources/page-", "source lists"), ("others/", "others"), ("data/", "data"), ("feeds/", "feeds"),
)


def group_of(path: str) -> str | None:
    """The group that renders this page; None for a source's own page."""
    return next((group for prefix, group in _GROUP_OF_PATH if path.startswith(prefix)), None)


def corpus_pages(
    articles: list[Article], skipped: list[Skipped], site_url: str, parts: list[bytes] | None = None,
    *, cores: int = 1, groups: Collection[str] = tuple(GROUPS), only: Collection[str] | None = None,
) -> list[OutputFile]:
    """The pages of these groups; of the theme and region groups, `only` these pages if given."""
    parts = export.sources_json_parts(articles, {}) if parts is None else parts
    corpus = Corpus(articles, skipped, parts, site_url, vocabulary(), None if only is None else frozenset(only))
    briefing = [g for g in BRIEFING if g in groups]
    listing = [g for g in GROUPS if g in groups and g not in BRIEFING]
    forking = only is None and cores >= 2 and len(articles) >= FORK_FROM and "fork" in multiprocessing.get_all_start_methods()
    if not (forking and briefing and listing):
        return render_groups(corpus, briefing + listing)
    if "regions" in listing or "themes" in briefing:
        corpus.ranks  # noqa: B018 -- ranked once here, before the fork, for both halves
    from concurrent.futures import ProcessPoolExecutor

    global _FORKED
    _FORKED = (corpus, briefing)  # the child is forked at submit() and finds them here, unpickled
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            in_child = pool.submit(_render_in_child)
            here = render_groups(corpus, listing)
            return in_child.result() + here
    finally:
        _FORKED = None


_FORKED: tuple[Corpus, list[str]] | None = None


def _render_in_child() -> list[OutputFile]:
    return render_groups(*_FORKED)


def render_groups(corpus: Corpus, groups: list[str]) -> list[OutputFile]:
    return [page for group in groups for page in GROUPS[group](corpus)]
