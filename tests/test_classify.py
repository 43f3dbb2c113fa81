"""Theme classification measured against hand labels, plus the relevance traps."""

from __future__ import annotations

from pathlib import Path

import yaml

from gen.models import Block, Document, Meta
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify
from gen.understanding.themes import vocabulary

LABELS = yaml.safe_load((Path(__file__).parent / "labels" / "seed_themes.yml").read_text(encoding="utf-8"))
# Per-theme floors at the measured scores minus a small margin (see the file's header).
FLOORS = yaml.safe_load((Path(__file__).parent / "labels" / "theme_baseline.yml").read_text(encoding="utf-8"))


def _pairs(by_file):
    for seed, labels in LABELS.items():
        body = [p for p in by_file[seed]["paragraphs"] if not p["heading"] and p["text"]]
        for opening, themes in labels.items():
            found = [p for p in body if p["text"].startswith(opening)]
            assert len(found) == 1, (seed, opening)
            yield set(themes), set(found[0]["themes"])


def scores(by_file) -> dict[str, tuple[float, float]]:
    result = {}
    pairs = list(_pairs(by_file))
    for theme in vocabulary().ids:
        tp = sum(1 for want, got in pairs if theme in want and theme in got)
        fp = sum(1 for want, got in pairs if theme not in want and theme in got)
        fn = sum(1 for want, got in pairs if theme in want and theme not in got)
        result[theme] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
    return result


def test_every_labelled_paragraph_exists(by_file):
    assert sum(1 for _ in _pairs(by_file)) == sum(len(v) for v in LABELS.values())


def test_precision_and_recall_per_theme(by_file):
    measured = scores(by_file)
    report = "  ".join(f"{t}: P={p:.2f} R={r:.2f}" for t, (p, r) in measured.items())
    print("\ntheme scores:", report)
    assert set(FLOORS) == set(measured), "every theme needs a floor"
    for theme, (precision, recall) in measured.items():
        assert precision >= FLOORS[theme]["precision"], report
        assert recall >= FLOORS[theme]["recall"], report


def _article(title: str, *paragraphs: str):
    blocks = tuple(Block("p", text) for text in paragraphs)
    document = Document("x.txt", "text", Meta(title=title, date="2024-01-01"), blocks)
    return classify(article_for(document))


def test_pmi_is_not_procurement():
    article = _article(
        "10月份制造业采购经理指数回升",
        "国家统计局公布，10月份制造业采购经理指数（PMI）为50.2%，比上月上升0.4个百分点，中小企业景气回升。",
        "非制造业商务活动指数为50.6%，数字化转型和绿色发展相关行业表现较好。",
    )
    assert not article.on_topic and article.themes == ()


def test_foreign_government_purchase_is_not_chinese_procurement():
    article = _article(
        "美国政府采购订单增加",
        "美国联邦政府采购订单本季度增加，数字化和绿色产品占比上升，中小企业获得更多合同。",
        "分析人士认为，美国政府采购政策将继续向本国制造业倾斜。",
    )
    assert not article.on_topic


def test_bank_credit_story_is_off_topic():
    article = _article(
        "银行加大小微企业信用贷款投放",
        "某银行发布数据，今年以来向小微企业发放信用贷款120亿元，信用评级良好的企业可获得更低利率。",
        "该行还推出数字化信贷产品，支持绿色发展项目。",
    )
    assert not article.on_topic and article.themes == ()


def test_on_topic_story_gets_its_theme():
    article = _article(
        "某市推行远程异地评标",
        "某市财政局全面推行政府采购远程异地评标，评审专家通过在线评标系统开展评审，专家资源共享。",
        "今年已完成远程异地评审项目120个，采购人和供应商满意度明显提升。",
    )
    assert article.on_topic and article.themes == ("remote",)
