"""One Markdown page per source: schema-checked front matter, then the article."""

from __future__ import annotations

import html

from gen.rendering import frontmatter, markup
from gen.models import Article, OutputFile
from gen.rendering.jinja import render
from gen.site.source_meta import chip_rows


def source_page(article: Article, theme_names: dict[str, str]) -> OutputFile:
    meta = article.meta
    # MkDocs templates do not autoescape: Material writes front-matter values into the page
    # as HTML, in text (<title>, the header) and in attributes (<meta name="author">). So
    # every value that comes from a source is HTML-escaped, quotes included.
    front = frontmatter.PageFrontMatter(
        title=_html(meta.title),
        date=meta.date,
        datetime=meta.datetime,
        publisher=_html(meta.publisher),
        author=_html(meta.author),
        url=_html(meta.url),
        doc_number=_html(meta.doc_number),
        provenance=_html(meta.provenance),
        doc_type=meta.doc_type,
        issuer_level=meta.issuer_level,
        effective=meta.effective,
        history=[{"date": date, "event": _html(event)} for date, event in meta.history],
        source_file=_html(article.document.source_file),
        format=article.document.format,
        summary=_html(meta.summary),
        on_topic=article.on_topic,
        themes=list(article.themes),
        regions=[place.name for place in article.regions],
        tags=[theme_names[t] for t in article.themes if t in theme_names],
    )
    paragraphs = [
        {
            "kind": p.kind,
            "anchor": p.anchor,
            "src": p.src,
            "markdown": markup.with_links(p.text, p.links) if p.kind == "p" else markup.escape(p.text),
        }
        for p in article.paragraphs
    ]
    text = render(
        "source.md.j2",
        front_matter=frontmatter.dump(front).rstrip("\n"),
        chip_rows=chip_rows(article),
        paragraphs=paragraphs,
        url=meta.url,
    )
    return OutputFile(article.page, text)


def _html(value: str) -> str:
    return html.escape(value, quote=True)
