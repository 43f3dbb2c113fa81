"""The pages built from the whole corpus, in two halves that can be rendered side by side.

Every page here reads all articles, so even a one-source rebuild renders them all. With
two or more cores, one half is rendered in a forked child process, which shares the
loaded articles copy-on-write, while this process renders the other half.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass

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
    provinces: dict[str, str]  # province -> its adcode
    ranks: FigureRanks


def corpus_pages(
    articles: list[Article], skipped: list[Skipped], site_url: str, parts: list[bytes] | None = None,
    *, cores: int = 1,
) -> list[OutputFile]:
    provinces = {p.province: p.adcode[:2] + "0000" for a in articles for x in a.paragraphs for p in x.places if p.province}
    parts = export.sources_json_parts(articles, {}) if parts is None else parts
    corpus = Corpus(articles, skipped, parts, site_url, vocabulary(), provinces, FigureRanks(articles))
    if cores < 2 or len(articles) < FORK_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return briefing_half(corpus) + listing_half(corpus)
    from concurrent.futures import ProcessPoolExecutor

    global _FORKED
    _FORKED = corpus  # the child is forked at submit() and finds the corpus here, unpickled
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            briefing = pool.submit(_briefing_in_child)
            listing = listing_half(corpus)
            return briefing.result() + listing
    finally:
        _FORKED = None


_FORKED: Corpus | None = None


def _briefing_in_child() -> list[OutputFile]:
    return briefing_half(_FORKED)


def briefing_half(corpus: Corpus) -> list[OutputFile]:
    """Home, glossary and theme pages."""
    files = home.home_page(corpus.articles, corpus.vocab)
    files.append(home.glossary_page(corpus.articles))
    files += indexes.theme_pages(corpus.articles, corpus.vocab, corpus.provinces, corpus.ranks)
    return files


def listing_half(corpus: Corpus) -> list[OutputFile]:
    """Region pages, timeline, source lists, data and feeds."""
    articles, vocab = corpus.articles, corpus.vocab
    files = indexes.region_pages(articles, vocab, corpus.provinces, corpus.ranks)
    files.append(indexes.timeline_page(articles, vocab))
    files += indexes.source_index_pages(articles, vocab)
    files.append(indexes.others_page(articles))
    files += export.sources_json_files(corpus.parts, corpus.skipped)
    files += feeds.feeds(articles, vocab, corpus.site_url)
    files.append(feeds.jieba_user_dict(home.search_words(vocab)))
    return files
