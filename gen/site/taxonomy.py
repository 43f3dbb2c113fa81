"""Themes and regions as two taxonomies handled alike: term -> passages.

A passage is one paragraph of one on-topic article. Terms of the theme taxonomy are
theme ids; terms of the region taxonomy are province names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gen.models import Article, Paragraph

if TYPE_CHECKING:
    from gen.understanding.themes import Vocabulary

_SENTENCES = re.compile(r"[^。！？!?；;]*[。！？!?；;]?")


@dataclass(frozen=True)
class Passage:
    article: Article
    paragraph: Paragraph

    @property
    def link(self) -> str:
        """Path of the paragraph relative to docs/, with its anchor."""
        return f"{self.article.page}#{self.paragraph.anchor}"

    def terms_for(self, theme: str) -> tuple[str, ...]:
        return next((m.terms for m in self.paragraph.themes if m.theme == theme), ())


def theme_names(article: Article, vocab: Vocabulary) -> str:
    """The source's themes as every listing shows them (home, sources index, timeline):
    article.themes, the themes of the passages the theme pages quote, named in both languages."""
    return " · ".join(f"{t.zh} {t.en}" for t in vocab.themes if t.id in article.themes)


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.meta.date or "0000", a.id), reverse=True)


def passages_by(articles: list[Article], terms_of: Callable[[Paragraph], Iterable[str]]) -> dict[str, list[Passage]]:
    """term -> passages, newest article first; off-topic and duplicate sources excluded."""
    by_term: dict[str, list[Passage]] = defaultdict(list)
    for article in newest_first(articles):
        if not article.on_topic or article.duplicate_of:
            continue
        for paragraph in article.paragraphs:
            for term in terms_of(paragraph):
                by_term[term].append(Passage(article, paragraph))
    return by_term


def theme_passages(articles: list[Article]) -> dict[str, list[Passage]]:
    return passages_by(articles, lambda p: () if p.heading else p.theme_ids)


def region_passages(articles: list[Article]) -> dict[str, list[Passage]]:
    return passages_by(articles, lambda p: sorted({x.province for x in p.places if x.province}))


GAP = "…"  # marks every place where the quote leaves out part of its paragraph


def quote(text: str, terms: tuple[str, ...], limit: int = 220) -> str:
    """The sentences that carry the matched terms (else the opening ones), at most about
    `limit` characters, in the paragraph's order. A quote is true to its paragraph: each
    piece between two GAP marks is a contiguous span of it, and a GAP stands wherever
    sentences are left out between, or the text is cut at the end."""
    sentences = [s for s in _SENTENCES.findall(text) if s.strip()]
    plain_terms = [t.strip("「」") for t in terms if t.strip("「」")]
    chosen = [i for i, s in enumerate(sentences) if any(t in s for t in plain_terms)] or list(range(min(2, len(sentences))))
    out, previous = "", None
    for index in chosen:
        piece = sentences[index]
        joint = "" if previous is None or index == previous + 1 else GAP
        if out and len(out) + len(joint) + len(piece) > limit:
            return out + GAP
        if not out and len(piece) > limit:
            return _cut(piece, limit) + GAP
        out += joint + piece
        previous = index
    return out


_NUMBER_CHARS = set("0123456789.,%０１２３４５６７８９")


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending after a clause mark where there is one, and never
    inside a number."""
    head = text[:limit]
    clause = max(head.rfind(mark) for mark in "，、：:,")
    if clause >= limit // 2:
        return head[: clause + 1]
    end = len(head)
    while 0 < end < len(text) and text[end - 1] in _NUMBER_CHARS and text[end] in _NUMBER_CHARS:
        end -= 1
    return text[:end]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence, in order."""
    return [m.span() for m in _SENTENCES.finditer(text) if m.group().strip()]


def sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end of the sentence holding position `at` (the whole text if `at` < 0)."""
    if at < 0:
        return 0, len(text)
    start = max(text.rfind(mark, 0, at) for mark in "。！？!?；;") + 1
    ends = [i for i in (text.find(mark, at) for mark in "。！？!?；;") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def sentence_with(text: str, needle: str) -> str:
    return next((s for s in _SENTENCES.findall(text) if needle in s), text)


_SOFT_BREAKS = "，、：:,"
_UNIT_CHARS = set("万亿千百十元%％余多个家名条项件笔单户人次款类批")


def _in_number(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1] in _NUMBER_CHARS and text[at] in _NUMBER_CHARS


def _off_numbers(text: str, start: int, at: int, after: int, end: int) -> tuple[int, int]:
    """A snippet's ends moved out of any number they cut (…0%; from 20%, …5.26亿元 from
    415.26亿元): to the next clause break inward, else past the cut figure and its unit."""
    if _in_number(text, start):
        mark = min([i for i in (text.find(c, start, at) for c in _SOFT_BREAKS) if i >= 0], default=-1)
        if mark >= 0:
            start = mark + 1
        else:
            while start < at and (text[start] in _NUMBER_CHARS or text[start] in _UNIT_CHARS):
                start += 1
    if _in_number(text, end):
        mark = max(text.rfind(c, after, end) for c in _SOFT_BREAKS)
        if mark >= 0:
            end = mark + 1
        else:
            while end > after and text[end - 1] in _NUMBER_CHARS:
                end -= 1
    return start, end


def around(text: str, needle: str, width: int = 32, at: int = -1) -> str:
    """The words on either side of a figure (at `at`, else its first place), trimmed at
    clause breaks where possible and never starting or ending inside a number."""
    at = at if at >= 0 and text.startswith(needle, at) else text.find(needle)
    if at < 0:
        return quote(text, (), 2 * width)
    start, end = _off_numbers(text, max(0, at - width), at, at + len(needle), min(len(text), at + len(needle) + width))
    left = text[start:at]
    cut = max(left.rfind(c) for c in "。；！？")
    if cut >= 0:
        left, start = left[cut + 1:], start + cut + 1
    right = text[at + len(needle):end]
    stop = min([i for i in (right.find(c) for c in "。；！？") if i >= 0], default=-1)
    if stop >= 0:
        right, end = right[: stop + 1], at + len(needle) + stop + 1
    return ("…" if start > 0 and text[start - 1] not in "。；！？" else "") + left + needle + right + ("…" if end < len(text) and right[-1:] not in "。；！？" else "")
