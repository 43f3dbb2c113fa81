"""Pages of CMS portals, whole or as fragments: JSP/ASP directives and tags, inline
scripts, nav bars, breadcrumbs, share bars, ad banners, lists of related and latest news
around one article with its heading and publication line (发布时间：… 来源：…).

The title is the article's heading (h1–h3, else a bold line; the page's <title> without
the site's name only when there is neither); the date, source and author come from the
publication line beside it. Whatever stands before the heading is page chrome, and the
article ends where the lists begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gen.cleaning.text import squash
from gen.models import Block, RawDocument, Source
from gen.reading.readers._cms_markup import Publication, cms_rules, publication_of, without_server_markup
from gen.rules import boilerplate, read_yaml

NAME = "cms_page"
WHOLE_PAGE_SCORE = 150.0  # above html_page: a server template's page is this family's
FRAGMENT_SCORE = 50.0  # above every plain-text family's signal total
MAX_HTML = 2_000_000
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORDS = re.compile(r"[^A-Za-z0-9]+")
_TITLE_WORDS = frozenset(("title", "tit", "headline", "biaoti"))
TITLE_MIN, TITLE_MAX = 4, 80
_NOT_TEXT = ("script", "style", "noscript", "template", "head", "meta", "link", "iframe", "object", "embed")


@dataclass(frozen=True)
class Signals:
    server_markup: re.Pattern[str]
    whole_page: re.Pattern[str]
    fragment_tag: re.Pattern[str]
    fragment_min_tags: int


@cache
def signals() -> Signals:
    raw = read_yaml("formats.yml")["cms_page"]
    return Signals(re.compile(raw["server_markup"]), re.compile(raw["whole_page"], re.I),
                   re.compile(raw["fragment_tag"], re.I), int(raw["fragment_min_tags"]))


def score(source: Source) -> float:
    if source.front is not None:
        return 0.0
    found = signals()
    head = source.body[:20_000]
    if found.server_markup.search(head) and found.fragment_tag.search(head):
        return WHOLE_PAGE_SCORE
    if found.whole_page.search(head[:2000]):
        return 0.0
    tags = 0
    for _ in found.fragment_tag.finditer(head):
        tags += 1
        if tags >= found.fragment_min_tags:
            return FRAGMENT_SCORE
    return 0.0


def read(source: Source) -> RawDocument:
    from bs4 import BeautifulSoup  # slow to import; only HTML sources need it

    from gen.cleaning.htmlblocks import html_to_blocks

    rules = cms_rules()
    soup = BeautifulSoup(without_server_markup(source.body[:MAX_HTML]), "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_NOT_TEXT):
        tag.decompose()
    _drop_chrome(soup, rules.chrome_words)
    marked_title = _marked_title(soup)
    blocks = [b for b in html_to_blocks(str(soup), boilerplate()) if not (b.kind != "img" and rules.drop_lines.search(b.text))]
    at = _title_at(blocks, page_title, marked_title)
    title = blocks[at].text if at >= 0 else _site_name_off(page_title, rules)
    body = blocks[at + 1:] if at >= 0 else blocks
    publication, body = _publication(blocks[max(0, at - 2):at] if at > 0 else [], body, rules)
    body = _until_lists(body, rules)
    return RawDocument(
        blocks=tuple(body),
        title=title,
        date=publication.date,
        datetime=publication.datetime,
        publisher=publication.source,
        author=publication.author,
        warnings=() if publication.date else ("no date found",),
    )


def _drop_chrome(soup, words: frozenset[str]) -> None:
    doomed = []
    for tag in soup.find_all(True):
        names = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if names.strip() and words & {w.lower() for w in _WORDS.split(_CAMEL.sub(" ", names)) if w}:
            doomed.append(tag)
        elif tag.name == "a" and _is_banner(tag):
            doomed.append(tag)
    for tag in doomed:
        if not tag.decomposed:
            tag.decompose()


def _is_banner(link) -> bool:
    """A link around nothing but an image without words, to an absolute address: an advert."""
    images = link.find_all("img")
    return (len(images) == 1 and not link.get_text(strip=True) and not (images[0].get("alt") or "").strip()
            and str(link.get("href", "")).startswith(("http://", "https://", "//")))


def _marked_title(soup) -> str:
    """A title the markup marks without a heading tag: an element named "title", else the
    first bold run (a fragment's <div class="title"><strong>…</strong></div>)."""
    for tag in soup.find_all(True):
        names = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        words = {w.lower() for w in _WORDS.split(_CAMEL.sub(" ", names)) if w}
        if words & _TITLE_WORDS and TITLE_MIN <= len(tag.get_text(strip=True)) <= TITLE_MAX:
            return tag.get_text(" ", strip=True)
    for tag in soup.find_all(("strong", "b")):
        if TITLE_MIN <= len(tag.get_text(strip=True)) <= TITLE_MAX:
            return tag.get_text(" ", strip=True)
    return ""


def _title_at(blocks: list[Block], page_title: str, marked_title: str) -> int:
    """The heading the page's <title> starts with; else the first heading; else the block of
    the title the markup marks; else a bold line."""
    key = squash(page_title)
    for index, block in enumerate(blocks):
        if block.kind in ("h", "bold") and len(block.text) >= TITLE_MIN and key.startswith(squash(block.text)):
            return index
    marked = squash(marked_title)
    for test in (lambda b: b.kind == "h", lambda b: bool(marked) and squash(b.text) == marked, lambda b: b.kind == "bold"):
        for index, block in enumerate(blocks[:40]):
            if test(block) and len(squash(block.text)) >= TITLE_MIN:
                return index
    return -1


def _site_name_off(page_title: str, rules) -> str:
    parts = [p for p in rules.title_separator.split(page_title) if p.strip()]
    return parts[0].strip() if parts else ""


def _publication(before: list[Block], body: list[Block], rules) -> tuple[Publication, list[Block]]:
    """The publication line near the heading (just before it, or among the next blocks)."""
    for block in before:
        found = publication_of(block.text, rules)
        if found and found.date:
            return found, body
    for index, block in enumerate(body[:4]):
        if block.kind == "img":
            continue
        found = publication_of(block.text, rules)
        if found:
            return found, body[:index] + body[index + 1:]
    return Publication(), body


def _until_lists(blocks: list[Block], rules) -> list[Block]:
    for index, block in enumerate(blocks):
        if index and block.kind != "img" and rules.tail_markers.search(block.text):
            return blocks[:index]
    return blocks
