"""Plain text -> safe Markdown text, slugs and anchors.

Source text never becomes markup: HTML-special characters become entities (so no tag,
script or handler can appear), attr_list braces are neutralised, and line-start
Markdown syntax is escaped.
"""

from __future__ import annotations

import hashlib
import html
import re

# One pass: Markdown's inline syntax characters get a backslash, HTML-special characters
# and attr_list braces become entities.
_ESCAPES = str.maketrans({
    **{c: "\\" + c for c in "\\`*_[]"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
})
_SPECIAL = re.compile(r"[\\`*_\[\]&<>{}|]")  # str.translate is slow on CJK text: skip it when it would do nothing
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(\s)")
_SAFE_URL = re.compile(r"^(https?:)?//", re.IGNORECASE)
_URL_UNSAFE = re.compile(r"""[\s"'<>`{}|\\^]""")  # never raw in an attribute or a Markdown link
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_SLUG_SAFE = re.compile(r"[^a-z0-9]+")
SLUG_MAX = 80


def escape(text: str) -> str:
    """One line of plain text as Markdown that renders to exactly that text.

    A line break inside the value becomes a space: a second line would start a heading,
    a list, an admonition or a table row. Leading white space goes too (four spaces would
    start a code block), and a leading "!" or "?" becomes an entity ("!!!" and "???" start
    admonitions and collapsible blocks; Markdown has no backslash escape for "?").
    """
    if _LINE_BREAKS.search(text):
        text = _LINE_BREAKS.sub(" ", text)
    if _SPECIAL.search(text):
        text = text.translate(_ESCAPES)
    text = text.lstrip()
    first = text[:1]
    if first in ("#", "+", "-"):
        return "\\" + text
    if first in ("!", "?"):
        return f"&#{ord(first)};" + text[1:]
    if first.isdigit():
        return _NUMBERED.sub(r"\1\\\2\3", text)
    return text


def escape_inline(text: str) -> str:
    """Text in the middle of a line: only the inline escapes (no line-start rules)."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def html_text(text: str) -> str:
    """Plain text as HTML that shows exactly that text, on one line: for evidence blocks,
    which are written as HTML so that Markdown does not parse them again."""
    return html.escape(_LINE_BREAKS.sub(" ", text), quote=True)


def html_highlight(text: str, terms: tuple[str, ...]) -> str:
    """One line of plain text as HTML, each occurrence of a term wrapped in <mark>.

    The text is escaped piece by piece first and the tags are added around escaped pieces,
    so no source character can become markup; removing the tags leaves exactly what
    html_text(text) shows (leading spaces dropped). Overlapping occurrences: the leftmost,
    then the longest wins.
    """
    line = _LINE_BREAKS.sub(" ", text).lstrip()
    found = sorted({(at, -len(term)) for term in terms if term for at in _occurrences(line, term)})
    pieces, done = [], 0
    for at, negative_length in found:
        if at < done:
            continue
        end = at - negative_length
        pieces += [html_text(line[done:at]), "<mark>" + html_text(line[at:end]) + "</mark>"]
        done = end
    pieces.append(html_text(line[done:]))
    return "".join(pieces)


def _occurrences(text: str, term: str) -> list[int]:
    out, at = [], text.find(term)
    while at >= 0:
        out.append(at)
        at = text.find(term, at + 1)
    return out


def safe_url(url: str) -> str:
    """An http(s) address (protocol-relative ones made https), else "".

    Characters that could end an attribute or a link (quotes, brackets, white space) are
    percent-encoded.
    """
    url = (url or "").strip()
    if not _SAFE_URL.match(url):
        return ""
    url = _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)
    return "https:" + url if url.startswith("//") else url


def link(label: str, url: str) -> str:
    """A Markdown link; the URL must already be known safe (http, https or relative)."""
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape(label)}]({safe})"


def with_links(text: str, links: tuple[tuple[str, str], ...]) -> str:
    """Escaped text with each link label (first occurrence) turned back into a link."""
    out = escape(text)
    for label, url in links:
        key = escape(label)
        if key and key in out:
            out = out.replace(key, link(label, url), 1)
    return out


def anchor(prefix: str, text: str, taken: dict[str, int]) -> str:
    """A stable id from the text itself, so inserting a paragraph moves no other link.

    `taken` holds the ids given so far, each with the next suffix to try after it: the
    n-th repeat of a text then costs one look-up, not n (an article of one line repeated
    would be quadratic). The ids are the same: base, base-2, base-3, ...
    """
    base = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
    candidate, n = base, taken.get(base, 2)
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken[candidate] = 2
    taken[base] = n
    return candidate


def slugify(title: str, date: str, source_file: str) -> str:
    """ASCII, stable for a source file, at most 80 bytes: date, pinyin words, file hash."""
    from gen.rendering.pinyin import lazy_pinyin

    words = _SLUG_SAFE.sub("-", "-".join(lazy_pinyin(title[:24])).lower()).strip("-")
    digest = hashlib.sha1(source_file.encode("utf-8")).hexdigest()[:8]
    head = f"{date}-" if date else "undated-"
    room = SLUG_MAX - len(head) - len(digest) - 1
    words = words[:room].rstrip("-")
    return f"{head}{words}-{digest}" if words else f"{head}{digest}"
