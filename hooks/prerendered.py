"""MkDocs hook: HTML the generator wrote already (evidence blocks, escaped in
gen/site/evidence.py) goes into the page as it is, without Markdown reading it.

The generator marks such a part with `<!-- prerendered -->` … `<!-- /prerendered -->` on lines
of their own. Markdown would pass that HTML through unchanged anyway, but only after
Python-Markdown and MkDocs have each run an HTML parser over it; on the 1,000-source site
those two parses were most of what was left of the build. Here the part is taken out
before Markdown (on_page_markdown), a placeholder left in its place, and put back into the
converted page (on_page_content). Without this hook (another builder) the markers are
comments and the HTML renders the same.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("mkdocs.hooks.prerendered")
PART = re.compile(r"^<!-- prerendered -->\n(.*?)^<!-- /prerendered -->$", re.M | re.S)
PLACEHOLDER = "<!-- prerendered part {} -->"


def on_page_markdown(markdown, page, config, files):
    parts: list[str] = []

    def set_aside(match: re.Match) -> str:
        parts.append(match.group(1))
        return PLACEHOLDER.format(len(parts) - 1)

    markdown = PART.sub(set_aside, markdown)
    page.prerendered_parts = parts
    return markdown


def on_page_content(html, page, config, files):
    for number, part in enumerate(getattr(page, "prerendered_parts", ())):
        placeholder = PLACEHOLDER.format(number)
        if placeholder not in html:  # a warning fails the strict build: no part is lost unnoticed
            log.warning("%s: prerendered part %d has no place in the converted page", page.file.src_uri, number)
        html = html.replace(placeholder, part, 1)
    return html
