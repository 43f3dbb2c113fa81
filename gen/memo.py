"""Keeping the last build's corpus pages when an edit cannot change them.

Every corpus page (home, themes, regions, glossary, timeline, lists, feeds) summarises all
articles, so rebuilding them means loading every cached article. Most edits cannot change
them, though: a corpus page shows an article's metadata, themes, places, figures and
counts, and the text of a paragraph only where it quotes it, always with a link to that
paragraph's anchor. So when an edited article keeps its metadata, and every paragraph whose
text changed keeps its themes, places, figures and glossary terms, the corpus pages stay
byte for byte what they were, except those that quote a changed paragraph (or show a
changed summary). Only the source's own page, its entry in sources.json and those pages
are new. Without such pages the build reads nothing but the edited sources; with them it
loads the corpus and renders just their groups (gen/corpus.py). The check below is what
makes that safe; tests/test_memo.py builds both ways after many kinds of edit and
compares every file.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .dedupe import Likeness
from .glossary import GLOSSARY_PAGE
from .indexes import speaks_of
from .models import OutputFile, Paragraph, Processed, Record, Skipped
from .themes import vocabulary
from .write import Stamp

MAX_CHANGED = 8  # more edits at once: a full build is as quick and simpler to trust
_LINKED_ANCHOR = re.compile(r"\.md#([A-Za-z0-9_-]+)")
_SHOWN_PAGE = re.compile(r"sources/([A-Za-z0-9_.-]+?)(?:\.md|/)")
_SHOWING_SUMMARIES = ("index.md", "feeds/rss.xml", "feeds/feed.json")


@dataclass(frozen=True)
class CorpusMemo:
    """What the next build needs of this one to keep its corpus pages."""

    docs: str  # the folder written to
    site_url: str
    keys: dict[str, str]  # every source file -> its cache key
    skipped: tuple[Skipped, ...]
    records: tuple[Record, ...]  # the articles, in build order
    likeness: tuple[Likeness, ...]  # the same order
    pairs: dict[int, int]  # duplicate -> canonical, as indexes of `records`
    parts: tuple[bytes, ...]  # each article's sources.json entry, the same order
    stamps: dict[str, Stamp]  # every file written
    links: dict[str, frozenset[str]]  # corpus page -> the paragraph anchors it links to
    shows: dict[str, frozenset[str]]  # corpus page -> the articles it shows with their summary
    seen: SourceStamps  # what each source's file looked like when its key was computed
    slugs: dict[str, tuple[str, str, str]]  # source file -> title, date and the slug they gave

    def slug_hints(self, sources: list[str]) -> dict[tuple[str, str, str], str]:
        """For markup.know_slugs: these sources' slugs, should their titles and dates stay."""
        hints = {}
        for source in sources:
            if source in self.slugs:
                title, date, slug = self.slugs[source]
                hints[(title, date, source)] = slug
        return hints


@dataclass(frozen=True)
class SourceStamps:
    """Each source file's inode, size, modification and change times, taken before its bytes
    were hashed, and when. A file whose stamp is unchanged next time has the same bytes, unless
    it was changed within the clock's resolution of being stamped (as git does, such a file
    is hashed again): its cache key is reused without reading it."""

    at_ns: int
    files: dict[str, tuple[int, int, int, int]]

    def unchanged(self, source: str, stamp: tuple[int, int, int, int]) -> bool:
        return self.files.get(source) == stamp and stamp[3] < self.at_ns - RACY_NS


RACY_NS = 2_000_000_000  # a file changed less than this before it was stamped is always hashed


def source_keys(root: Path, sources: list[str], key_of: Callable[[Path, str], str],
                memo: CorpusMemo | None) -> tuple[dict[str, str], SourceStamps]:
    """Each source's cache key: the memo's, for a file whose stamp is unchanged; else hashed."""
    at_ns = time.time_ns()
    keys, files = {}, {}
    for source in sources:
        try:
            found = os.stat(root / source)
            stamp = (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
            known = memo is not None and memo.seen.unchanged(source, stamp) and source in memo.keys
            keys[source] = memo.keys[source] if known else key_of(root, source)
            files[source] = stamp
        except OSError:  # gone or unreadable since it was found: reading it will say which
            keys[source] = hashlib.sha256(f"unreadable\0{source}".encode()).hexdigest()
    return keys, SourceStamps(at_ns, files)


def slugs_of(results: list[Processed]) -> dict[str, tuple[str, str, str]]:
    return {r.source_file: (r.article.meta.title, r.article.meta.date, r.article.id) for r in results if r.article}


def links_and_shows(pages: list[OutputFile]) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """For each corpus page: the anchors it links to, and the articles whose summary it shows."""
    links, shows = {}, {}
    for page in pages:
        text = page.content if isinstance(page.content, str) else page.content.decode("utf-8")
        if page.path.endswith(".md"):
            links[page.path] = frozenset(_LINKED_ANCHOR.findall(text))
        if page.path in _SHOWING_SUMMARIES:
            shows[page.path] = frozenset(_SHOWN_PAGE.findall(text))
    return links, shows


def changed_sources(memo: CorpusMemo | None, docs: str, site_url: str, keys: dict[str, str]) -> tuple[list[str] | None, str]:
    """The sources edited since the memo's build (maybe none), if its corpus pages may be
    kept; else None and the reason."""
    if memo is None:
        return None, "no memo of a finished build"
    if memo.docs != docs or memo.site_url != site_url:
        return None, "another docs folder or site address"
    if memo.keys.keys() != keys.keys():
        return None, "sources added or removed"
    changed = [s for s, key in keys.items() if memo.keys[s] != key]
    if len(changed) > MAX_CHANGED:
        return None, f"more than {MAX_CHANGED} sources changed"
    skipped = {s.source_file for s in memo.skipped}
    if any(s in skipped for s in changed):
        return None, "a skipped source changed"
    return changed, ""


def why_not_kept(old: Processed, new: Processed, record: Record, memo: CorpusMemo) -> tuple[str, set[str]]:
    """What the corpus pages would show differently of `new` than of `old`: a reason to
    render them all, or ("", the pages to render again), often none."""
    a, b = old.article, new.article
    if a is None or b is None:
        return "skipped", set()
    if record.duplicate_of:
        return "a duplicate", set()
    if (a.id, a.document.format, a.on_topic, a.themes, a.regions) != (b.id, b.document.format, b.on_topic, b.themes, b.regions):
        return "slug, format, themes or regions", set()
    if replace(a.meta, summary="") != replace(b.meta, summary=""):
        return "metadata", set()
    if len(a.paragraphs) != len(b.paragraphs):
        return "paragraph count", set()
    again = set()
    if a.meta.summary != b.meta.summary:
        again |= {page for page, ids in memo.shows.items() if record.id in ids}
    for before, after in zip(a.paragraphs, b.paragraphs):
        if _facts(before) != _facts(after):
            return "a paragraph's themes, places or figures", set()
        if before.anchor != after.anchor or before.text != after.text:
            again |= {page for page, anchors in memo.links.items() if before.anchor in anchors}
            if before.glossary != after.glossary:
                again.add(GLOSSARY_PAGE)  # its counts
            if _figure_themes(before) != _figure_themes(after):
                again |= {page for page in memo.links if page.startswith("themes/")}  # their figure tables
    return "", again


def _facts(paragraph: Paragraph) -> tuple:
    return paragraph.heading, paragraph.kind, paragraph.themes, paragraph.places, paragraph.figures


def _figure_themes(paragraph: Paragraph) -> tuple[bool, ...]:
    """For each figure and theme: whether the figure's sentence speaks of the theme."""
    themes = {t.id: t for t in vocabulary().themes}
    return tuple(speaks_of(themes[m.theme], paragraph, f.text) for f in paragraph.figures for m in paragraph.themes)
