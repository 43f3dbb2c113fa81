"""The duplicate scan stops early; it must pick exactly what testing every candidate picks."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain

from hypothesis import given, settings
from hypothesis import strategies as st

from gen.models import Article, Document, Meta
from gen.understanding.duplicates import COMMON, NEAR, mark_duplicates


def _full_scan(prints: list[frozenset[int]], hashes: list[str]) -> dict[int, int]:
    """Every article sharing a sentence is tested (the scan as first written)."""
    postings: dict[int, list[int]] = defaultdict(list)
    exact: dict[str, int] = {}
    found: dict[int, int] = {}
    for i, mine in enumerate(prints):
        if hashes[i] in exact:
            found[i] = exact[hashes[i]]
            continue
        exact[hashes[i]] = i
        shared = Counter(chain.from_iterable(o for k in mine if len(o := postings.get(k, ())) <= COMMON))
        best, best_count = None, 0
        for owner, count in shared.items():
            if count < best_count or (count == best_count and owner > best):
                continue
            if count / min(len(mine), len(prints[owner])) >= NEAR:
                best, best_count = owner, count
        if best is not None:
            found[i] = best
            continue
        for key in mine:
            if len(postings[key]) <= COMMON:
                postings[key].append(i)
    return found


sentence_sets = st.lists(st.frozensets(st.integers(0, 12), max_size=8), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(prints=sentence_sets, hash_picks=st.lists(st.integers(0, 40), min_size=30, max_size=30))
def test_early_stop_matches_full_scan(prints, hash_picks):
    # Equal metadata and length everywhere, so the preference order is the file order.
    names = [f"{i:03d}.txt" for i in range(len(prints))]
    hashes = [str(hash_picks[i]) for i in range(len(prints))]
    articles = [Article(f"a{i:03d}", Document(names[i], "text", Meta(), (), content_hash=hashes[i]), ())
                for i in range(len(prints))]
    marked = mark_duplicates(articles, dict(zip(names, prints, strict=True)))
    expected = _full_scan(prints, hashes)
    assert {i: a.duplicate_of for i, a in enumerate(marked) if a.duplicate_of} == {
        i: f"a{owner:03d}" for i, owner in expected.items()}
