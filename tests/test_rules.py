"""Line rules from gen/data/boilerplate.yml on shapes seen across the source families."""

from __future__ import annotations

import pytest

from gen.cleaning.blocks import take_credits
from gen.models import Block
from gen.rules import boilerplate

JUNK = [
    "海量资讯、精准解读，尽在新浪财经APP",
    "扫码关注公众号，获取更多政采资讯",
    "下载客户端，查看更多",
    "— 2 —",
    "（此件公开发布）",
    "【字体：大 中 小】",
    "图片来源：视觉中国",
    "分享到：",
]
TAIL = ["版权声明", "热门文章", "相关阅读", "上一篇：某县开展培训", "抄送：财政部", "标签：政府采购", "欢迎订阅中国政府采购报"]
KEEP = [
    "政府采购支持中小企业发展，既要“雪中送炭”，也要“添砖加瓦”。",
    "湖北省赤壁市开发了政府采购APP，供应商可以在线投标。",
    "2023年，全省政府采购规模为683.77亿元。",
]


@pytest.mark.parametrize("line", JUNK)
def test_junk_lines_are_dropped(line):
    assert boilerplate().is_drop(line)


@pytest.mark.parametrize("line", TAIL)
def test_tail_markers_end_the_article(line):
    assert boilerplate().is_tail(line)


@pytest.mark.parametrize("line", KEEP)
def test_article_sentences_are_kept(line):
    rules = boilerplate()
    assert not rules.is_drop(line) and not rules.is_tail(line) and not rules.is_header(line)


@pytest.mark.parametrize(("text", "publisher", "author", "left"), [
    ("新京报讯（记者 陈琳）政府采购已成为重要市场。", "新京报", "陈琳", "政府采购已成为重要市场。"),
    ("本报讯记者牛向洁报道记者近日获悉。", "", "牛向洁", "记者近日获悉。"),
    ("新华社北京12月1日电（记者 张三）财政部印发通知。", "新华社", "张三", "财政部印发通知。"),
    ("财联社（上海，记者 王五）讯，某市政府采购平台上线。", "财联社", "王五", "某市政府采购平台上线。"),
    ("证券时报e公司讯（记者 赵六）今日某市发布通知。", "证券时报e公司", "赵六", "今日某市发布通知。"),
])
def test_datelines_and_bylines_move_to_metadata(text, publisher, author, left):
    blocks, credits = take_credits([Block("p", text)], boilerplate())
    assert (credits.publisher, credits.author, blocks[0].text) == (publisher, author, left)


@pytest.mark.parametrize("line", ["原标题：北京深化政府采购改革", "（原标题：北京深化政府采购改革）"])
def test_original_title_lines(line):
    blocks, credits = take_credits([Block("p", line), Block("p", "正文。" * 10)], boilerplate())
    assert credits.original_title == "北京深化政府采购改革" and len(blocks) == 1


@pytest.mark.parametrize("line", ["（文章来源：中国政府采购报）", "本文来源:中国政府采购报第1174期第1版", "来源：新京报"])
def test_source_lines_name_the_publisher(line):
    blocks, credits = take_credits([Block("p", "正文。" * 10), Block("p", line)], boilerplate())
    assert credits.publisher in ("中国政府采购报", "新京报") and len(blocks) == 1


@pytest.mark.parametrize(("line", "title"), [
    ("原标题：关于促进政府采购公平竞争的实施意见（试行）", "关于促进政府采购公平竞争的实施意见（试行）"),
    ("（原标题：政府采购工作要点（全文））", "政府采购工作要点（全文）"),
    ("(原标题:政府采购改革观察)", "政府采购改革观察"),
])
def test_an_original_title_keeps_its_own_brackets(line, title):
    _, credits = take_credits([Block("p", line), Block("p", "正文" * 30)], boilerplate())
    assert credits.original_title == title
