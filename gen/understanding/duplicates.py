"""Exact and near-duplicate sources: the same article reposted by another site.

Each article is fingerprinted by its sentences (white space and punctuation removed).
Two articles are duplicates when most sentences of the shorter one appear in the other.
The canonical copy is the one with the most metadata; the other points to it.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import chain

from gen.models import Article

NEAR = 0.8
MIN_SENTENCE = 12
COMMON = 50  # a sentence in more sources than this is boilerplate, not evidence
_SPLIT = re.compile(r"[。！？!?；;\n]")
_NOISE = re.compile(r"[\W_]+")


def fingerprint(article: Article) -> frozenset[int]:
    text = "\n".join(p.text for p in article.paragraphs if p.kind != "img")
    return frozenset(
        zlib.crc32(key.encode("utf-8"))
        for key in (_NOISE.sub("", s) for s in _SPLIT.split(text))
        if len(key) >= MIN_SENTENCE
    )


@dataclass(frozen=True)
class Likeness:
    """What the duplicate scan needs of one article (small enough to keep between builds)."""

    preference: tuple  # lowest first: the copy with the most metadata, then the longest
    content_hash: str
    fingerprint: frozenset[int]


def likeness(article: Article, known: frozenset[int] | None = None) -> Likeness:
    meta = article.meta
    richness = sum(1 for v in (meta.date, meta.publisher, meta.author, meta.url, meta.doc_number) if v)
    length = sum(len(p.text) for p in article.paragraphs)
    return Likeness((-richness, -length, article.document.source_file), article.document.content_hash,
                    known or fingerprint(article))


def mark_duplicates(articles: list[Article], known: dict[str, frozenset[int]] | None = None) -> list[Article]:
    """Articles in their original order, duplicates carrying `duplicate_of`.

    `known` maps source files to fingerprints already computed (in the workers, cached).
    """
    known = known or {}
    return with_pairs(articles, duplicate_pairs([likeness(a, known.get(a.document.source_file)) for a in articles]))


def with_pairs(articles: list[Article], pairs: dict[int, int]) -> list[Article]:
    return [replace(a, duplicate_of=articles[pairs[i]].id) if i in pairs else a for i, a in enumerate(articles)]


def duplicate_pairs(items: list[Likeness]) -> dict[int, int]:
    """Index of each duplicate -> index of its canonical copy."""
    ordered = sorted(range(len(items)), key=lambda i: items[i].preference)
    prints = {i: items[i].fingerprint for i in ordered}
    postings: dict[int, list[int]] = defaultdict(list)
    exact: dict[str, int] = {}
    duplicate_of: dict[int, int] = {}
    smallest = float("inf")  # fewest sentences of any article indexed so far
    for i in ordered:
        same = exact.get(items[i].content_hash)
        if same is not None:
            duplicate_of[i] = same
            continue
        exact[items[i].content_hash] = i
        match = _near_match(prints[i], prints, postings, smallest)
        if match is not None:
            duplicate_of[i] = match
            continue
        for key in prints[i]:
            if len(postings[key]) <= COMMON:
                postings[key].append(i)
        if prints[i]:
            smallest = min(smallest, len(prints[i]))
    return duplicate_of


def _near_match(mine: frozenset[int], prints: dict[int, frozenset[int]], postings, smallest: float) -> int | None:
    """The earliest-preferred article sharing the most sentences, if it shares enough.

    Owners are tried in order of sentences shared; none sharing fewer than NEAR of the
    smaller article's sentences can match, and no article is smaller than `smallest`, so
    the scan stops there instead of testing every article that shares one sentence."""
    if not mine:
        return None
    shared = Counter(chain.from_iterable(
        owners for key in mine if len(owners := postings.get(key, ())) <= COMMON
    ))
    floor = NEAR * min(len(mine), smallest)
    best, best_count = None, 0
    for owner, count in shared.most_common():
        if count < floor or count < best_count:
            break
        if count == best_count and owner > best:
            continue
        if count / min(len(mine), len(prints[owner])) >= NEAR:
            best, best_count = owner, count
    return best
