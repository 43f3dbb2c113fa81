"""An HTML fragment -> the article's blocks (plain text plus safe links and images).

Nothing of the markup survives as HTML: scripts, styles, frames, forms, handlers and
comments are removed, and only http(s) links and image sources are kept, as data.
The walk is iterative so deeply nested markup cannot exhaust the recursion limit.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from gen.cleaning.foreign import release_swallowed
from gen.cleaning.text import clean_inline
from gen.models import Block
from gen.reading.detect import Unreadable
from gen.rendering.markup import safe_url
from gen.rules import Boilerplate
from gen.settings import MAX_SOURCE_PARAGRAPHS

NEVER_CONTENT = frozenset((
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript", "template",
    "form", "input", "button", "select", "textarea", "svg", "math", "link", "meta", "head", "canvas",
    "audio", "video", "source", "base",
))
LEAF_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "caption", "pre", "td", "th"}
CONTAINERS = {
    "html", "body", "div", "section", "article", "main", "ul", "ol", "dl", "table", "thead", "tbody",
    "tfoot", "tr", "figure", "blockquote", "center", "span", "font", "header", "footer", "details",
}
_BREAK = "\u2029"
_NOT_TEXT = (Comment, CData, Declaration, Doctype, ProcessingInstruction)


def html_to_blocks(html: str, rules: Boilerplate) -> list[Block]:
    soup = BeautifulSoup(release_swallowed(html), "lxml")
    _sanitise(soup, rules)
    return _walk(soup, _Shape(soup))


class _Shape:
    """Which elements hold block-level elements or images: one pass instead of a search
    per element (which was quadratic on deeply nested markup)."""

    def __init__(self, soup: BeautifulSoup):
        self.has_block: set[int] = set()
        self.images: dict[int, int] = {}
        for element in soup.find_all(_INNER_BLOCKS):
            parent = element.parent
            while parent is not None and id(parent) not in self.has_block:
                self.has_block.add(id(parent))
                parent = parent.parent
            if element.name == "img":
                parent = element.parent
                while parent is not None and self.images.get(id(parent), 0) < 2:
                    self.images[id(parent)] = self.images.get(id(parent), 0) + 1
                    parent = parent.parent


def _sanitise(soup: BeautifulSoup, rules: Boilerplate) -> None:
    """One pass over the tree: active content and page chrome go."""
    for node in soup.find_all(string=lambda s: isinstance(s, _NOT_TEXT)):
        node.extract()
    doomed = []
    for tag in soup.find_all(True):
        if tag.name in NEVER_CONTENT or tag.name in rules.html_drop_tags or _chrome_name(tag, rules):
            doomed.append(tag)
    for tag in doomed:
        if not tag.decomposed:
            tag.decompose()
    for link in soup.find_all("a"):
        if any(_names_match(parent, rules.html_unlink_names) for parent in (link, link.parent) if parent is not None):
            link.unwrap()


def _chrome_name(tag: Tag, rules: Boilerplate) -> bool:
    return _names_match(tag, rules.html_drop_names)


def _names_match(tag: Tag, pattern) -> bool:
    if not isinstance(tag, Tag):
        return False
    text = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    return bool(text.strip()) and bool(pattern.search(text))


def _walk(root: Tag, shape: _Shape) -> list[Block]:
    """Stops one block past the paragraph limit: such a source is reported as too long,
    not published cut short."""
    blocks: list[Block] = []
    inline: list[object] = []
    stack: list[object] = list(reversed(root.contents))
    while stack and len(blocks) <= MAX_SOURCE_PARAGRAPHS:
        node = stack.pop()
        if node is _FLUSH:
            _flush(inline, blocks)
            continue
        if isinstance(node, NavigableString):
            inline.append(node)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "img":
            _flush(inline, blocks)
            _image(node, None, blocks)
        elif name == "br":
            inline.append(_BREAK)
        elif shape.images.get(id(node)) == 1 and _is_image_wrapper(node):
            _flush(inline, blocks)
            _image(node.find("img"), node, blocks)
        elif name in LEAF_BLOCKS and id(node) not in shape.has_block:
            _flush(inline, blocks)
            _leaf(node, blocks)
        elif name in CONTAINERS or name in LEAF_BLOCKS:
            if name not in ("span", "font"):
                _flush(inline, blocks)
                stack.append(_FLUSH)
            stack.extend(reversed(node.contents))
        else:
            inline.append(node)
    _flush(inline, blocks)
    if len(blocks) > MAX_SOURCE_PARAGRAPHS:
        raise Unreadable(f"too many paragraphs (more than {MAX_SOURCE_PARAGRAPHS})")
    return blocks


_FLUSH = object()
_INNER_BLOCKS = sorted(LEAF_BLOCKS | {"img", "div", "table"})


def _is_image_wrapper(tag: Tag) -> bool:
    """An element around exactly one image (checked by the caller) with at most a caption."""
    text = tag.get_text(" ", strip=True)
    return tag.name in ("div", "figure", "p", "center") and len(text) <= 120 and not tag.find(["p", "div"], recursive=False) or (
        tag.name == "figure"
    )


def _image(img: Tag | None, wrapper: Tag | None, blocks: list[Block]) -> None:
    if img is None:
        return
    caption = clean_inline(wrapper.get_text(" ", strip=True)) if wrapper is not None else ""
    caption = caption or clean_inline(img.get("alt", "") or img.get("title", ""))
    src = safe_url(img.get("src", "") or img.get("data-src", ""))
    if caption or src:
        blocks.append(Block("img", caption, src=src))


def _leaf(tag: Tag, blocks: list[Block]) -> None:
    """A block without inner blocks: its text, its safe links, and whether it is all bold."""
    kind = "h" if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6") else "p"
    pieces: list[str] = []
    links: list[tuple[str, str]] = []
    all_bold = True
    for item in tag.descendants:
        if isinstance(item, Tag):
            if item.name == "br":
                pieces.append(_BREAK)
            elif item.name == "a" and (href := safe_url(item.get("href", ""))):
                label = clean_inline(item.get_text(" ", strip=True))
                if label:
                    links.append((label, href))
        elif isinstance(item, NavigableString) and not isinstance(item, _NOT_TEXT):
            pieces.append(str(item))
            if all_bold and item.strip() and not _inside_bold(item, tag):
                all_bold = False
    text = re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", "".join(pieces))
    if kind == "p" and text.strip() and all_bold and len(text) <= 40:
        kind = "bold"
    for part in text.split(_BREAK):
        part = clean_inline(part)
        if part:
            blocks.append(Block(kind, part, links=tuple(links)))


def _flush(inline: list[object], blocks: list[Block]) -> None:
    if not inline:
        return
    text = _text_of(inline)
    inline.clear()
    for part in text.split(_BREAK):
        part = clean_inline(part)
        if part:
            blocks.append(Block("p", part))


def _text_of(nodes: list[object]) -> str:
    pieces: list[str] = []
    for node in nodes:
        if isinstance(node, str) and not isinstance(node, NavigableString):
            pieces.append(node)
        elif isinstance(node, NavigableString):
            pieces.append(str(node))
        elif isinstance(node, Tag):
            for item in node.descendants:
                if isinstance(item, Tag) and item.name == "br":
                    pieces.append(_BREAK)
                elif isinstance(item, NavigableString) and not isinstance(item, _NOT_TEXT):
                    pieces.append(str(item))
    return re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", "".join(pieces))


def _inside_bold(text: NavigableString, block: Tag) -> bool:
    """The text sits inside bold markup (strong, b, or a bold style) within the block."""
    node = text.parent
    while node is not None:
        if _is_bold(node):
            return True
        if node is block:
            return False
        node = node.parent
    return False


def _is_bold(tag: Tag) -> bool:
    if tag.name in ("strong", "b"):
        return True
    attrs = " ".join(str(v) for v in tag.attrs.values()) if tag.attrs else ""
    return "bold" in attrs.lower()
