"""RSS 2.0 and JSON Feed 1.1 of the newest sources."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from html import escape as html_escape

from gen.cleaning.dates import SHANGHAI
from gen.models import Article, OutputFile
from gen.site.taxonomy import newest_first
from gen.understanding.themes import Vocabulary
from gen import paths

FEED_SIZE = 50
TITLE = "政府采购改革简报 China Procurement Reform Briefing"
DESCRIPTION = "政府采购改革的主题、地区与数据简报 · Themes, places and figures of China's procurement reform"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=SHANGHAI)


def page_url(site_url: str, article: Article) -> str:
    return site_url.rstrip("/") + "/" + paths.url(article.page)


def _moment(article: Article) -> dt.datetime:
    if article.meta.datetime:
        return dt.datetime.fromisoformat(article.meta.datetime)
    day = dt.date.fromisoformat(article.meta.date or "1970-01-01")
    return dt.datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


def feeds(articles: list[Article], vocab: Vocabulary, site_url: str) -> list[OutputFile]:
    """The site's feeds, then one RSS feed per theme (linked from the theme's page)."""
    names = {t.id: f"{t.zh} {t.en}" for t in vocab.themes}
    shown = [a for a in newest_first(articles) if a.on_topic and not a.duplicate_of]
    items = shown[:FEED_SIZE]
    files = [
        OutputFile(paths.RSS, _rss(items, names, site_url)),
        OutputFile(paths.JSON_FEED, _json_feed(items, names, site_url)),
    ]
    for theme in vocab.themes:
        on_theme = [a for a in shown if theme.id in a.themes][:FEED_SIZE]
        channel = Channel(f"{TITLE} · {names[theme.id]}", f"{names[theme.id]}: {theme.description_zh}",
                          paths.theme_feed(theme.id), paths.url(paths.theme(theme.id)))
        files.append(OutputFile(paths.theme_feed(theme.id), _rss(on_theme, names, site_url, channel)))
    return files


@dataclass(frozen=True)
class Channel:
    """What an RSS feed says of itself: its title and description, where it is published
    and the page it follows (paths relative to the site's address)."""

    title: str = TITLE
    description: str = DESCRIPTION
    path: str = paths.RSS
    page: str = ""


def _rss(items: list[Article], names: dict[str, str], site_url: str, channel: Channel = Channel()) -> str:
    """RSS 2.0 written by feedgen (lxml escapes every text node for XML).

    Feed readers render `<description>` as HTML, so the summary, which is plain text, is
    HTML-escaped first: a source's `<script>` reaches the reader as the text "<script>".
    """
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.title(channel.title)
    # RSS keeps one <link>, the last one given: the self link (atom:link) goes first
    feed.link(href=site_url.rstrip("/") + "/" + channel.path, rel="self", type="application/rss+xml")
    feed.link(href=site_url.rstrip("/") + "/" + channel.page if channel.page else site_url)
    feed.description(channel.description)
    feed.language("zh-CN")
    feed.generator(TITLE)
    # feedgen stamps the build time by default: the newest item's date keeps output repeatable
    feed.lastBuildDate(_moment(items[0]) if items else EPOCH)
    for article in items:
        url = page_url(site_url, article)
        entry = feed.add_entry(order="append")
        entry.title(article.meta.title)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(_moment(article))
        if article.meta.summary:
            entry.description(html_escape(article.meta.summary, quote=False))
        for theme in article.themes:
            entry.category(term=names[theme])
    return feed.rss_str(pretty=True).decode("utf-8")


def _json_feed(items: list[Article], names: dict[str, str], site_url: str) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": TITLE,
        "home_page_url": site_url,
        "feed_url": site_url.rstrip("/") + "/" + paths.JSON_FEED,
        "language": "zh-CN",
        "items": [
            {
                "id": page_url(site_url, a),
                "url": page_url(site_url, a),
                "external_url": a.meta.url or None,
                "title": a.meta.title,
                "summary": a.meta.summary,
                "content_text": a.meta.summary,
                "date_published": _moment(a).isoformat(),
                "authors": [{"name": a.meta.author or a.meta.publisher}] if (a.meta.author or a.meta.publisher) else None,
                "tags": [names[t] for t in a.themes],
            }
            for a in items
        ],
    }
    for item in feed["items"]:
        for key in [k for k, v in item.items() if v is None]:
            del item[key]
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
