"""Text an open <svg> or <math> start tag swallowed, put back where the source had it.

"<p>前文<svg/onload=alert(1)>后文</p>" parses as an <svg> holding "后文" (and, in a <div>,
everything up to the div's end); the sanitiser drops <svg>, and trafilatura drops it too,
so the rest of the paragraph would be lost. An <svg>/<math> element may hold only its own
vocabulary; anything else in one (text, <p>, <span>) is moved to just after it. The element
itself, its handlers and its graphics still go wherever active content goes.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

FOREIGN_VOCABULARY = frozenset((
    "svg", "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "text", "tspan",
    "textpath", "defs", "use", "symbol", "title", "desc", "metadata", "lineargradient",
    "radialgradient", "stop", "clippath", "mask", "pattern", "image", "foreignobject", "marker",
    "filter", "switch", "view", "animate", "animatemotion", "animatetransform", "set", "mpath", "style", "script",
    "math", "mi", "mo", "mn", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot",
    "mspace", "mtable", "mtr", "mtd", "mstyle", "munder", "mover", "munderover", "menclose", "mpadded",
    "mphantom", "merror", "mglyph", "semantics", "annotation", "annotation-xml", "maction", "mmultiscripts",
))
_FOREIGN_START = re.compile(r"<\s*(svg|math)\b", re.IGNORECASE)


def release_swallowed(html: str) -> str:
    """`html` with what open <svg>/<math> tags swallowed moved out of them; unchanged (the
    same string) when there is nothing to move, so ordinary pages are not re-serialised."""
    if not _FOREIGN_START.search(html):
        return html
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    moved = False
    # innermost first: text swallowed by two open tags comes all the way out
    for element in reversed(list(root.iter("svg", "math"))):
        moved |= _move_out(element)
    return lxml.html.tostring(root, encoding="unicode") if moved else html


def _foreign(element) -> bool:
    name = element.tag.lower() if isinstance(element.tag, str) else ""
    return not name or name in FOREIGN_VOCABULARY or name.startswith("fe")  # comments count as foreign


def _move_out(element) -> bool:
    pieces: list[object] = []  # text and elements, in source order
    if element.text and element.text.strip():
        pieces.append(element.text)
        element.text = None
    for child in list(element):
        if not _foreign(child):
            pieces.append(child)  # its tail travels with it
        elif child.tail and child.tail.strip():
            pieces.append(child.tail)
            child.tail = None
    if not pieces:
        return False
    tail, element.tail = element.tail, None
    previous = element
    for piece in pieces:
        if isinstance(piece, str):
            previous.tail = (previous.tail or "") + piece
        else:
            previous.addnext(piece)
            previous = piece
    previous.tail = (previous.tail or "") + (tail or "")
    return True
