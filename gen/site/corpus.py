"""The pages built from the whole corpus, each group from one builder.

Every page here reads all articles; `iter_corpus_pages` renders every group in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from gen.site import data_tables, export, feeds, home, indexes, search
from gen.site.parameters import ParameterTable
from gen.site.indexes import FigureRanks
from gen.models import Article, OutputFile, Skipped
from gen.understanding.themes import Vocabulary, vocabulary

@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    skipped: list[Skipped]
    parts: list[bytes]  # each article's sources.json entry (UTF-8)
    site_url: str
    vocab: Vocabulary

    @cached_property
    def provinces(self) -> dict[str, str]:
        """Province -> its adcode."""
        return {p.province: p.adcode[:2] + "0000" for a in self.articles for x in a.paragraphs for p in x.places
                if p.province}

    @cached_property
    def ranks(self) -> FigureRanks:
        return FigureRanks(self.articles)

    @cached_property
    def parameters(self) -> ParameterTable:
        return ParameterTable(self.articles)


GROUPS: dict[str, Callable[[Corpus], list[OutputFile]]] = {
    # the briefing half
    "home": lambda c: home.home_page(c.articles, c.vocab),
    "glossary": lambda c: home.glossary_pages(c.articles, c.site_url),
    "themes": lambda c: indexes.theme_pages(c.articles, c.vocab, c.provinces, c.ranks, c.parameters, c.site_url),
    "parameters": lambda c: c.parameters.pages(c.vocab),
    # the listing half
    "regions": lambda c: indexes.region_pages(c.articles, c.vocab, c.provinces, c.ranks, c.parameters, c.site_url),
    "timeline": lambda c: [indexes.timeline_page(c.articles, c.vocab)],
    "source lists": lambda c: indexes.source_index_pages(c.articles, c.vocab),
    "others": lambda c: [indexes.others_page(c.articles)],
    "data": lambda c: export.sources_json_files(c.parts, c.skipped) + data_tables.table_files(c.articles, c.ranks),
    "feeds": lambda c: feeds.feeds(c.articles, c.vocab, c.site_url),
    "search": lambda c: search.search_files(c.articles, c.vocab),
}
def iter_corpus_pages(articles: list[Article], skipped: list[Skipped], site_url: str,
                      parts: list[bytes] | None = None) -> Iterator[OutputFile]:
    """Every group's pages, one group at a time: the writer writes a group before the next
    is made, so a large corpus never has all its pages in memory at once."""
    parts = export.sources_json_parts(articles, {}) if parts is None else parts
    corpus = Corpus(articles, skipped, parts, site_url, vocabulary())
    for build in GROUPS.values():
        yield from build(corpus)

