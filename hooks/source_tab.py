"""MkDocs hook: a source page (sources/<id>.md) is not in the nav, so Material highlights
no tab on it. Each such page gets the section of sources/index.md as its parent: MkDocs
then marks that section active while the page is built, and Material highlights the
"来源 Sources" tab (and shows the section's navigation), as for any page of the section.
"""

from __future__ import annotations

SECTION_PAGE = "sources/index.md"


def on_nav(nav, config, files):
    section = next((p.parent for p in nav.pages if p.file.src_uri == SECTION_PAGE), None)
    if section is None:
        return nav
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.parent is None and file.src_uri.startswith("sources/") and page not in nav.pages:
            page.parent = section
    return nav
