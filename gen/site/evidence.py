"""Quoted passages as evidence blocks, paged: theme, province and glossary-term pages.

Every passage of a page is shown on one of its pages, 50 to a page; page 1 is the page
itself (with its summary sections), later pages hold evidence only. Each block is one
passage: the quote with the matched words marked, then its source, date, paragraph
permalink and a citation a reader can copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gen import paths
from gen.models import Article
from gen.rendering import markup
from gen.site.taxonomy import Passage, quote

EVIDENCE_PER_PAGE = 50
PAGER_NEIGHBOURS = 2  # numbered links either side of the current page when there are many


def rel(from_page: str, target: str) -> str:
    """Link from one page under docs/ to another path under docs/ (query and anchor kept)."""
    path, tail = paths.split_tail(target)
    return paths.relative(from_page, path) + tail


def shown_terms(quoted: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    """The matched terms the quote itself contains, each once (a heading phrase in 「」 or a
    term from a sentence left out is not reported for this quote)."""
    plain = dict.fromkeys(t.strip("「」") for t in terms)
    return tuple(t for t in plain if t and t in quoted)


@dataclass(frozen=True, slots=True)
class SourceLine:
    """What the blocks of one source on one page share, as HTML (escaped; links are
    published URLs, since MkDocs does not rewrite links inside HTML)."""

    title: str
    link: str  # to the source page
    publisher: str
    date: str
    cited: str  # plain text: 《title》，publisher，date


def source_line(article: Article, page: str) -> SourceLine:
    meta = article.meta
    cited = "，".join(x for x in (f"《{meta.title}》", meta.publisher, meta.date) if x)
    return SourceLine(markup.html_text(meta.title), paths.href(page, article.page), markup.html_text(meta.publisher),
                      markup.html_text(meta.date or "—"), cited)


@dataclass(frozen=True, slots=True)
class EvidenceBlock:
    """One passage as the template shows it, every field HTML already (marked and escaped).

    Blocks are HTML, not Markdown: on a page of 50 of them Markdown's inline parsing was
    most of the site build (README, Performance), and HTML passes through it as it is."""

    quote: str
    terms: str
    source: SourceLine
    clause: str  # the law article the passage belongs to, where the source names one
    link: str  # to the paragraph
    citation: str


def evidence_block(passage: Passage, terms: tuple[str, ...], site_url: str, source: SourceLine) -> EvidenceBlock:
    paragraph = passage.paragraph
    quoted = quote(paragraph.text, terms)
    shown = shown_terms(quoted, terms)
    # a law passage names its article; the field is optional on Paragraph
    clause = getattr(paragraph, "clause", "") or ""
    url = f"{site_url.rstrip('/')}/{paths.url(passage.article.page)}#{paragraph.anchor}"
    citation = f"{source.cited}，{clause}。{url}" if clause else f"{source.cited}。{url}"
    return EvidenceBlock(markup.html_highlight(quoted, shown), markup.html_text("、".join(shown)), source,
                         markup.html_text(clause), f"{source.link}#{paragraph.anchor}", markup.html_text(citation))


@dataclass(frozen=True)
class EvidencePage:
    """One page of a list of passages: its path, its blocks and the pager around it."""

    page: str
    number: int
    count: int
    first: int  # position (from 1) of the page's first passage in the whole list
    total: int
    blocks: list[EvidenceBlock]
    pager: dict | None


def evidence_pages(
    passages: list[Passage], page_of: Callable[[int], str], terms_of: Callable[[Passage], tuple[str, ...]],
    site_url: str,
) -> list[EvidencePage]:
    """The list cut into pages of EVIDENCE_PER_PAGE; always at least page 1 (maybe empty)."""
    chunks = [passages[i:i + EVIDENCE_PER_PAGE] for i in range(0, len(passages), EVIDENCE_PER_PAGE)] or [[]]
    out = []
    for number, chunk in enumerate(chunks, start=1):
        page = page_of(number)
        lines: dict[str, SourceLine] = {}  # a source often has many passages on one page
        out.append(EvidencePage(
            page, number, len(chunks), (number - 1) * EVIDENCE_PER_PAGE + 1, len(passages),
            [evidence_block(p, terms_of(p), site_url,
                            lines.get(p.article.id) or lines.setdefault(p.article.id, source_line(p.article, page)))
             for p in chunk],
            pager(number, len(chunks), page_of),
        ))
    return out


def pager(number: int, count: int, page_of: Callable[[int], str]) -> dict | None:
    """Previous / next and numbered links; with many pages the first, the last and the
    current page's neighbours, a gap (None) between."""
    if count <= 1:
        return None
    here = page_of(number)
    wanted = {1, count, *range(number - PAGER_NEIGHBOURS, number + PAGER_NEIGHBOURS + 1)}
    numbers: list[int | None] = []
    for n in range(1, count + 1):
        if n in wanted:
            numbers.append(n)
        elif numbers and numbers[-1] is not None:
            numbers.append(None)
    return {
        "number": number,
        "count": count,
        "previous": rel(here, page_of(number - 1)) if number > 1 else "",
        "next": rel(here, page_of(number + 1)) if number < count else "",
        "pages": [None if n is None else {"number": n, "link": rel(here, page_of(n)), "current": n == number}
                  for n in numbers],
    }
