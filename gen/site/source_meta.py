"""The metadata a source page shows above its text, as rows of chips: what the document is,
who issued and published it, when, where it was first printed, its themes, regions and
policy parameters (links to their pages) and its original address.

Chip text comes from the source, so it is Markdown-escaped (markup.escape) before it goes
inside our own <span>; links are Markdown links, which MkDocs checks and rewrites.
"""

from __future__ import annotations

from gen import paths
from gen.models import Article
from gen.reading.kind import level_label, type_label
from gen.rendering import markup
from gen.site.indexes import rel
from gen.understanding.parameters.vocabulary import parameter_vocabulary
from gen.understanding.themes import vocabulary

GOVERNMENT_LEVELS = ("central", "provincial", "municipal", "county")


def _chip(label: str, value: str) -> str:
    return f'<span class="chip"><span class="chip-label">{label}</span> {markup.escape(value)}</span>'


def _link_chip(text: str, target: str) -> str:
    return f"[{markup.escape(text)}]({target}){{: .chip .chip-link }}"


def chip_rows(article: Article) -> list[tuple[str, list[str]]]:
    """(row label, chips) for each row that has something to show, in reading order."""
    meta, page = article.meta, article.page
    about = []
    if meta.doc_type:
        about.append(_chip("类型 Type", type_label(meta.doc_type)))
    if meta.publisher and meta.issuer_level in GOVERNMENT_LEVELS:
        about.append(_chip("发布机关 Issuer", f"{meta.publisher}（{level_label(meta.issuer_level)}）"))
    elif meta.publisher:
        about.append(_chip("发布 Publisher", meta.publisher))
    for label, value in (("作者 Author", meta.author), ("日期 Date", meta.date), ("文号 Doc. no.", meta.doc_number),
                         ("施行 Effective", meta.effective),
                         ("沿革 History", "；".join(f"{date} {event}" for date, event in meta.history)),
                         ("出处 Provenance", meta.provenance)):
        if value:
            about.append(_chip(label, value))
    rows = [("", about)] if about else []
    themes = [t for t in vocabulary().themes if t.id in article.themes]
    if themes:
        rows.append(("主题 Themes", [_link_chip(f"{t.zh} {t.en}", rel(page, paths.theme(t.id))) for t in themes]))
    provinces = region_links(article)
    if provinces:
        rows.append(("地区 Regions", [_link_chip(name, rel(page, paths.region(code))) for name, code in provinces]))
    facts = list(dict.fromkeys(f.parameter for f in article.facts))
    if facts:
        vocab = parameter_vocabulary()
        rows.append(("政策参数 Parameters", [
            _link_chip(f"{vocab.parameter(p).zh} {vocab.parameter(p).en}", rel(page, f"{paths.PARAMETERS}#{p}"))
            for p in facts]))
    if markup.safe_url(meta.url):
        rows.append(("原文 Original", [markup.link("原文链接 Original article ↗", markup.safe_url(meta.url))]))
    return rows


def region_links(article: Article) -> list[tuple[str, str]]:
    """(province, adcode) of the provinces the source's passages name: each has a region
    page, built from those very passages (an off-topic source's have none)."""
    if not article.on_topic:
        return []
    found = {p.province: p.adcode[:2] + "0000" for x in article.paragraphs for p in x.places if p.province}
    return sorted(found.items(), key=lambda kv: kv[1])
