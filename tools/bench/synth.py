"""Synthetic sources for the benchmark: each keeps one seed's format; its paragraphs are
drawn from all seeds and every figure is varied, so no two are near-duplicates."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from gen.reading.decode import decode_bytes
from gen.reading.detect import read_text

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
PLACES = ["江西省九江市", "河南省义马市", "湖北省赤壁市", "甘肃省兰州新区", "四川广元市", "山东省济宁市",
          "广东省深圳市", "浙江省杭州市", "安徽省滁州市", "新疆喀什", "湖北省恩施州", "河北省承德市"]
TOPICS = ["推进政府采购改革", "支持中小企业发展", "推行远程异地评标", "加强信用管理", "推进电子化采购",
          "采购脱贫地区农副产品", "扩大绿色采购"]


def paragraph_pool(seeds: Path) -> list[str]:
    pool = []
    for path in sorted(seeds.iterdir()):
        text, _ = decode_bytes(path.read_bytes())
        pool += [b.text for b in read_text(text, path.name).blocks if b.kind == "p" and len(b.text) >= 40]
    return pool


def _vary(text: str, rng: random.Random) -> str:
    """Every number changes, so sentences with figures differ between sources."""
    def swap(match: re.Match[str]) -> str:
        value = match.group(0)
        if "." in value:
            return f"{float(value) * rng.uniform(0.5, 1.5):.2f}"
        return str(max(1, int(int(value) * rng.uniform(0.5, 1.5)))) if len(value) < 4 else value
    return _NUMBER.sub(swap, text)


def _body(pool: list[str], rng: random.Random, index: int) -> list[str]:
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(6, 12)))
    place = rng.choice(PLACES)
    return [f"{place}第{index}号报道：{_vary(p, rng)}" if i == 0 else _vary(p, rng) for i, p in enumerate(chosen)]


def _jekyll(title: str, day: dt.date, body: list[str], index: int) -> str:
    paragraphs = " ".join(f"<p>{p}</p>" for p in body)
    return (f"---\nlayout: post\ntitle: \"{title}\"\ndate: {day} 09:{index % 60:02d}:00 +0800\n---\n"
            f"<p><strong>新闻一线</strong></p> {paragraphs}<p>（文章来源：中国政府采购报）</p>\n\n"
            f"[返回首页](//example.com/)\n")


def _hexo(title: str, day: dt.date, body: list[str], index: int) -> str:
    stamp = dt.datetime(day.year, day.month, day.day, 2, index % 60).strftime("%a, %d %b %Y %H:%M:%S GMT")
    paragraphs = "\n".join(f"<p>　　{p}</p>" for p in body)
    return (f"\n---\ntitle: '{title}'\ncategories:\n - 新浪财经\nauthor: 新浪财经\ndate: {stamp}\n---\n\n<div>\n"
            f"<p>　　原标题：{title}</p>\n{paragraphs}\n<p class=\"article-editor\">责任编辑：王某</p>\n</div>\n")


def _content_scrape(title: str, day: dt.date, body: list[str], index: int) -> str:
    teaser = f"{title}   {body[0][:40]}..."
    paragraphs = "\n\n".join(f"  {p}" for p in body)
    return (f"{title}\n\nadmin {day} 10:{index % 60:02d}:00 阅读:{index} 评论:0\n{teaser}\n\n{title}\n\n{paragraphs}\n\n"
            "版权声明\n\n本站仅提供信息存储空间服务。\n\n热门文章\n  • 无关文章\n")


def _pdf_notice(title: str, day: dt.date, body: list[str], index: int) -> str:
    wrapped = []
    for number, paragraph in enumerate(body, start=1):
        text = f"{number}.{paragraph}"
        wrapped += [text[i:i + 30] for i in range(0, len(text), 30)] + [""]
    lines = "\n\n".join(line for line in wrapped if line)
    return (f" 某市财政局\n\n关于印发{title}\n\n的通知\n某财采〔{day.year}〕{index} 号\n\n各区市财政局：\n\n"
            f"现将工作要点印发给你们，请认真贯彻落实。\n\n某市财政局\n\n{day.year} 年 {day.month}月 {day.day} 日\n"
            f"一、总体要求\n\n{lines}\n")


def _portal_scrape(title: str, day: dt.date, body: list[str], index: int) -> str:
    paragraphs = "\n\n".join(body)
    return (f"中国政府采购报社主办 财政部指定政府采购信息发布媒体\n当前位置:首页 >> 政采要闻 >> {title}\n\n{title}\n\n"
            f"栏目: 政采要闻 时间:{day} 18:{index % 60:02d}:00 发布:管理员 分享到:\n【摘要】\n\n{title}\n\n■ 记者甲\n\n"
            f"{paragraphs}\n\n本报拥有此文版权。\n\n责任编辑:X\n\n本文来源:中国政府采购报\n欢迎订阅中国政府采购报\n")


FORMATS = (_jekyll, _content_scrape, _hexo, _pdf_notice, _portal_scrape)


def synthesise(seeds: Path, target: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    pool = paragraph_pool(seeds)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(0, 2000))
        title = f"{rng.choice(PLACES)}{rng.choice(TOPICS)}（{index}）"
        maker = FORMATS[index % len(FORMATS)]
        path = target / f"{index // 1000:02d}" / f"synthetic-{index:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(maker(title, day, _body(pool, rng, index), index), encoding="utf-8")
        written.append(path)
    return written
