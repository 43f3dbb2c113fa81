"""Places resolve to province and prefecture with GB/T 2260 codes; figures parse to values."""

from __future__ import annotations

import pytest

from gen.understanding.figures import find_figures
from gen.understanding.places import gazetteer

PLACES = [
    ("河南省义马市", "义马市", "河南省", "三门峡市", "411281"),
    ("湖北省赤壁市", "赤壁市", "湖北省", "咸宁市", "421281"),
    ("江西省庐山市", "庐山市", "江西省", "九江市", "360483"),
    ("湖北省监利市", "监利市", "湖北省", "荆州市", "421088"),
    ("河南省济源示范区", "济源示范区", "河南省", "", "419001"),
    ("甘肃省兰州新区", "兰州新区", "甘肃省", "兰州市", "620100"),
    ("湖北省恩施州", "恩施州", "湖北省", "恩施土家族苗族自治州", "422800"),
    ("四川广元市等地", "广元市", "四川省", "广元市", "510800"),
    ("河北省承德市、新疆喀什等地", "喀什", "新疆维吾尔自治区", "喀什地区", "653100"),
    ("北京市密云区", "密云区", "北京市", "", "110118"),
    ("安徽省庐江县", "庐江县", "安徽省", "合肥市", "340124"),
]


@pytest.mark.parametrize(("text", "name", "province", "city", "adcode"), PLACES)
def test_place_resolves(text, name, province, city, adcode):
    found = {p.name: p for p in gazetteer().find(text)}
    assert name in found, found
    place = found[name]
    assert (place.province, place.city, place.adcode) == (province, city, adcode)


def test_ambiguous_district_needs_context():
    assert gazetteer().find("朝阳区") == ()
    assert gazetteer().find("吉林省长春市朝阳区")[-1].adcode == "220104"


FIGURES = [
    ("规模为683.77亿元", "683.77亿元", 68377000000, "CNY", None),
    ("节省费用4000余万元", "4000余万元", 40000000, "CNY", None),
    ("放款金额53亿元", "53亿元", 5300000000, "CNY", None),
    ("占比89.71%", "89.71%", 89.71, "%", None),
    ("由6%—10%提高", "6%—10%", 6, "%", 10),
    ("入驻供应商3143家", "3143家", 3143, "家", None),
    ("1.5万名评审专家", "1.5万名", 15000, "名", None),
    ("上架商品19.8万个", "19.8万个", 198000, "个", None),
    ("采购金额三千万元", "三千万元", 30000000, "CNY", None),
]


@pytest.mark.parametrize(("text", "shown", "value", "unit", "upper"), FIGURES)
def test_figure_parses(text, shown, value, unit, upper):
    figures = find_figures(text)
    assert len(figures) == 1
    figure = figures[0]
    assert (figure.text, figure.value, figure.unit, figure.upper) == (shown, value, unit, upper)


def test_years_dates_and_versions_are_not_figures():
    assert find_figures("2023年4月13日，优化营商环境5.0版，一个工作日") == ()


def test_seed_sections_and_items_land_in_their_themes(by_file):
    keyword_sections = {"支持中小企业": "sme", "信用管理": "credit", "数智升级": "digital",
                        "远程异地评标": "remote", "乡村振兴": "rural"}
    current = None
    sections_seen, section_paragraphs = set(), 0
    for paragraph in by_file["001_05a1f2770c868292.txt"]["paragraphs"]:
        if paragraph["heading"]:
            current = keyword_sections.get(paragraph["text"])
            sections_seen |= {current} - {None}
        elif current:
            section_paragraphs += 1
            assert current in paragraph["themes"], paragraph["text"][:30]
    assert sections_seen == set(keyword_sections.values()) and section_paragraphs >= len(keyword_sections)
    items = {"4.": "credit", "5.": "digital", "6.": "digital", "7.": "digital", "8.": "digital", "9.": "sme",
             "10.": "green", "11.": "rural", "12.": "sme", "13.": "remote"}
    items_seen = set()
    for paragraph in by_file["003_641ee5b96c45208b.txt"]["paragraphs"]:
        number = paragraph["text"].split(".", 1)[0] + "."
        if number in items and paragraph["text"][: len(number)] == number:
            items_seen.add(number)
            assert items[number] in paragraph["themes"], paragraph["text"][:20]
    assert items_seen == set(items)
