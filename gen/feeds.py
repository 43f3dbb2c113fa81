"""RSS 2.0 and JSON Feed 1.1 of the newest sources, and the search word list."""

from __future__ import annotations

import datetime as dt
import json
from email.utils import format_datetime
from functools import partial
from html import escape as html_escape

from .dates import SHANGHAI
from .models import Article, OutputFile
from .taxonomy import newest_first
from .themes import Vocabulary

FEED_SIZE = 50
JIEBA_DICT = "assets/generated/jieba-user.txt"
escape = partial(html_escape, quote=False)  # XML text: & < > only; xml.sax pulls in urllib and ssl
TITLE = "政府采购改革简报 China Procurement Reform Briefing"


def page_url(site_url: str, article: Article) -> str:
    return site_url.rstrip("/") + "/" + article.page[: -len(".md")] + "/"


def _moment(article: Article) -> dt.datetime:
    if article.meta.datetime:
        return dt.datetime.fromisoformat(article.meta.datetime)
    day = dt.date.fromisoformat(article.meta.date or "1970-01-01")
    return dt.datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


def feeds(articles: list[Article], vocab: Vocabulary, site_url: str) -> list[OutputFile]:
    names = {t.id: f"{t.zh} {t.en}" for t in vocab.themes}
    items = [a for a in newest_first(articles) if a.on_topic and not a.duplicate_of][:FEED_SIZE]
    return [
        OutputFile("feeds/rss.xml", _rss(items, names, site_url)),
        OutputFile("feeds/feed.json", _json_feed(items, names, site_url)),
    ]


def _rss(items: list[Article], names: dict[str, str], site_url: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(TITLE)}</title>",
        f"<link>{escape(site_url)}</link>",
        f'<atom:link href="{escape(site_url.rstrip("/") + "/feeds/rss.xml")}" rel="self" type="application/rss+xml"/>',
        "<description>政府采购改革的主题、地区与数据简报 · Themes, places and figures of China's procurement reform</description>",
        "<language>zh-CN</language>",
    ]
    if items:
        lines.append(f"<lastBuildDate>{format_datetime(_moment(items[0]))}</lastBuildDate>")
    for article in items:
        url = page_url(site_url, article)
        lines += [
            "<item>",
            f"<title>{escape(article.meta.title)}</title>",
            f"<link>{escape(url)}</link>",
            f'<guid isPermaLink="true">{escape(url)}</guid>',
            f"<pubDate>{format_datetime(_moment(article))}</pubDate>",
            f"<description>{escape(article.meta.summary)}</description>",
            *(f"<category>{escape(names[t])}</category>" for t in article.themes),
            "</item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def _json_feed(items: list[Article], names: dict[str, str], site_url: str) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": TITLE,
        "home_page_url": site_url,
        "feed_url": site_url.rstrip("/") + "/feeds/feed.json",
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


def jieba_user_dict(words: list[str]) -> OutputFile:
    """jieba user dictionary: a high frequency keeps each procurement term one word."""
    return OutputFile(JIEBA_DICT, "".join(f"{w} 200000 n\n" for w in words))
