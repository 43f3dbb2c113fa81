"""One reader per source family, chosen from the content, never from the file name.

`read_text(text, source_file)` detects the family and returns a Document.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..frontmatter import FrontMatterError, split
from ..models import Block, Document
from ..rules import formats
from ..settings import PARAGRAPH_MAX_CHARS
from . import common, content_scrape, hexo, html_page, jekyll, markdown_doc, pdf_notice, portal_scrape
from ._post import looks_like_html

TEXT_READERS = {
    "pdf_notice": pdf_notice.read,
    "content_scrape": content_scrape.read,
    "portal_scrape": portal_scrape.read,
}
FORMATS = ("jekyll", "hexo", "markdown", "html_page", *TEXT_READERS, "text")


class Unreadable(ValueError):
    """The text holds no article; the message is the report reason."""


def detect(text: str) -> str:
    try:
        fm, body = split(text)
    except FrontMatterError:
        fm, body = None, text
    return _family(fm, body, text)


def _family(fm: dict | None, body: str, text: str) -> str:
    """The family of a source whose front matter (if any) is already split off."""
    if fm is not None:
        if looks_like_html(body):
            return "hexo" if hexo.score(fm, text) >= 2 else "jekyll"
        return "markdown"
    if html_page.matches(body):
        return "html_page"
    return detect_text_family(body)


def detect_text_family(text: str) -> str:
    rules = formats()
    head, tail = text[: rules.window], text[-rules.window:]
    scores = {
        name: sum(s.weight for s in signals if s.pattern.search(head))
        + sum(s.weight for s in rules.tail_signals.get(name, ()) if s.pattern.search(tail))
        for name, signals in rules.head_signals.items()
    }
    best = max(sorted(scores), key=lambda name: scores[name])
    return best if scores[best] >= rules.min_score else "text"


def read_text(text: str, source_file: str) -> Document:
    warnings: list[str] = []
    try:
        fm, body = split(text)
    except FrontMatterError as error:
        warnings.append(str(error))
        fm, body = None, _drop_broken_fence(text)
    fmt = _family(fm, body, text)
    if fm is not None:
        reader = {"jekyll": jekyll.read, "hexo": hexo.read, "markdown": markdown_doc.read}[fmt]
        document = reader(fm, body, source_file)
    elif fmt == "html_page":
        document = html_page.read(body, source_file)
    elif fmt == "text":
        document = content_scrape.read(body, source_file, fmt="text")
    else:
        document = TEXT_READERS[fmt](body, source_file)
    if not document.blocks:
        raise Unreadable(f"no article text found ({fmt})")
    meta, meta_warnings = common.finish_meta(document.meta)
    return replace(document, meta=meta, blocks=bounded_paragraphs(document.blocks),
                   warnings=tuple(warnings) + document.warnings + meta_warnings)


_SENTENCE_END = re.compile(r"(?:[。！？!?；;]|\.(?=\s))[”’」』）)\"']*")
# Finding which piece holds a label is a search per link and piece; a real paragraph has
# a handful of links, so an over-long one keeps its first ones only.
_LINKS_KEPT = 100


def bounded_paragraphs(blocks: tuple[Block, ...], limit: int = PARAGRAPH_MAX_CHARS) -> tuple[Block, ...]:
    """Blocks longer than `limit` characters split into paragraphs at sentence ends.

    The first piece keeps the block's kind and image; each link goes with the first piece
    that holds its label, as with_links links a label's first occurrence only.
    """
    if all(len(block.text) <= limit for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if len(block.text) <= limit:
            out.append(block)
            continue
        links = list(block.links[:_LINKS_KEPT])
        for index, piece in enumerate(_pieces(block.text, limit)):
            own = tuple(link for link in links if link[0] in piece)
            links = [link for link in links if link not in own]
            if index == 0:
                out.append(replace(block, text=piece, links=own))
            else:
                out.append(Block("p", piece, links=own))
    return tuple(out)


def _pieces(text: str, limit: int) -> list[str]:
    """Cuts after the last sentence end in the second half of each window of `limit`
    characters, else after its last space, else at the limit: a window moves on by at
    least half its length, so the whole is one pass."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = 0
        for match in _SENTENCE_END.finditer(text, low, high):
            cut = match.end()
        cut = cut or text.rfind(" ", low, high) + 1 or high
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _drop_broken_fence(text: str) -> str:
    """A front matter block that does not parse is reported, and its lines not published."""
    stripped = text.lstrip()
    if not stripped.startswith("---"):
        return text
    end = stripped.find("\n---", 3)
    return stripped[end + 4:] if end > 0 else stripped[3:]
