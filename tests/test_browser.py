"""The published site in a real browser, as a reader uses it (Playwright + Chromium)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from browser_support import Guard, guarded_phone_page, launch, serve
from conftest import mkdocs_build

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).parent.parent / ".cache" / "screenshots"))


@pytest.fixture(scope="module")
def base_url(seed_project):
    if not (seed_project / "site" / "index.html").exists():
        result = mkdocs_build(seed_project)
        assert result.returncode == 0, result.stderr[-2000:]
    server, url = serve(seed_project / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def paged_url(paged_project):
    """The synthetic corpus of 120 SME sources, built: theme and province pages run to 3+ pages."""
    server, url = serve(paged_project / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture()
def guarded(browser):
    guard = Guard()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    guard.attach(context)
    page = context.new_page()
    guard.watch(page)
    yield page, guard
    context.close()
    assert guard.external == [], f"requests left 127.0.0.1: {guard.external}"
    assert guard.console_errors == [], guard.console_errors


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_home_opens_with_the_briefing(guarded, base_url):
    page, _ = guarded
    page.goto(base_url)
    expect(page.locator("h1").first).to_contain_text("政府采购改革简报")
    expect(page.locator("article .chart svg").first).to_be_visible()
    shot(page, "home")


def test_theme_through_the_tabs_then_deep_link_to_a_paragraph(guarded, base_url):
    page, _ = guarded
    page.goto(base_url)
    page.locator(".md-tabs").get_by_text("主题 Themes").click()
    page.locator("article").get_by_role("link", name="支持中小企业").first.click()
    expect(page.locator("h1").first).to_contain_text("支持中小企业")
    shot(page, "theme-sme")
    link = page.locator("article .evidence-source a", has_text="段落").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    assert f"#{anchor}" in page.url
    shot(page, "source-paragraph")


def test_dark_mode_toggle(guarded, base_url):
    page, _ = guarded
    page.goto(base_url)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before)
    shot(page, "home-dark")


def test_narrow_screen_still_works(browser, base_url):
    context, page, guard = guarded_phone_page(browser)
    page.goto(base_url + "themes/remote/")
    expect(page.locator("h1").first).to_contain_text("远程异地评标")
    assert page.evaluate("document.documentElement.scrollWidth") <= 392
    shot(page, "mobile-theme")
    page.locator(".md-header label[for='__drawer']").click()
    expect(page.locator(".md-nav--primary")).to_be_visible()
    context.close()
    assert guard.external == [] and guard.console_errors == []


PAGE_TYPES = {
    "region-index": ("regions/", "地区 Regions"),
    "timeline": ("timeline/", "时间线 Timeline"),
    "glossary": ("glossary/", "术语 Glossary"),
    "source-index": ("sources/", "来源 Sources"),
    "others": ("others/", "其他来源"),
    "about": ("about/", "关于本站"),
    "theme-index": ("themes/", "主题 Themes"),
}


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_every_page_type_renders(guarded, base_url, name):
    page, _ = guarded
    path, heading = PAGE_TYPES[name]
    page.goto(base_url + path)
    expect(page.locator("article h1").first).to_contain_text(heading)
    shot(page, name)


def test_a_province_page_from_the_region_index(guarded, base_url):
    page, _ = guarded
    page.goto(base_url + "regions/")
    page.locator("article table a", has_text="浙江省").first.click()
    expect(page.locator("article h1").first).to_contain_text("浙江省")
    expect(page.locator("article")).to_contain_text("数字 Figures")
    shot(page, "region-province")


def test_a_policy_parameter_leads_to_the_sentence_it_quotes(guarded, base_url):
    page, _ = guarded
    page.goto(base_url)
    page.locator(".md-tabs").get_by_text("政策参数 Policy parameters").click()
    expect(page.locator("article h1").first).to_contain_text("政策参数")
    shot(page, "parameters")
    section = page.locator("h2#price_deduction_small_micro")
    expect(section).to_be_visible()
    table = page.locator("xpath=//h2[@id='price_deduction_small_micro']/following::table[1]")
    row = table.locator("tbody tr").filter(has_text="张掖市")
    quote_cell = row.locator("td").nth(7)
    quoted = quote_cell.inner_text().replace("原文 ↗", "").strip()
    link = quote_cell.locator("a", has_text="原文")
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    paragraph = target.inner_text()
    pieces = [p for p in quoted.split("…") if p]
    assert pieces, quoted
    at = 0
    for piece in pieces:
        found = paragraph.find(piece, at)
        assert found >= 0, (piece, paragraph)
        at = found + len(piece)


def test_page_two_of_a_themes_passages_from_the_pager(guarded, paged_url):
    page, _ = guarded
    page.goto(paged_url + "themes/sme/")
    pager = page.locator("article .evidence-pager").first
    expect(pager).to_contain_text("第 1 页 / 共 3 页 · Page 1 of 3")
    pager.get_by_role("link", name="下一页 Next →").click()
    expect(page.locator("article h1").first).to_contain_text("第 2 页 / 共 3 页")
    assert page.url.endswith("/themes/sme/page-2/")
    blocks = page.locator("article blockquote")
    expect(blocks).to_have_count(50)
    expect(blocks.first.locator("mark").first).to_be_visible()
    expect(page.locator("article .evidence-range")).to_contain_text("第 51–100 段，共 120 段")
    citation = page.locator("article details.quote").first
    citation.locator("summary").click()
    expect(citation).to_contain_text("https://")
    shot(page, "theme-page-2")


def test_the_copy_button_puts_the_citation_on_the_clipboard(guarded, paged_url):
    page, _ = guarded
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(paged_url + "themes/sme/page-2/")
    citation = page.locator("article details.quote").nth(3)
    citation.locator("summary").click()
    text = citation.locator("p").inner_text().strip()
    assert "https://" in text and "#p-" in text
    citation.get_by_role("button", name="复制引用 Copy the citation").click()
    expect(citation.locator(".cite-copy")).to_have_text("已复制 Copied")
    assert page.evaluate("navigator.clipboard.readText()") == text
    # every citation has one button, also after instant navigation to another page
    page.locator("article .evidence-pager").first.get_by_role("link", name="下一页 Next →").click()
    expect(page.locator("article h1").first).to_contain_text("第 3 页")
    quotes = page.locator("article details.quote").count()
    assert quotes > 0
    # cite.js adds the buttons when Material announces the new page, just after its content
    expect(page.locator("article details.quote .cite-copy")).to_have_count(quotes)


def test_a_deep_link_highlights_its_paragraph_on_arrival(guarded, paged_url):
    page, _ = guarded
    page.goto(paged_url + "themes/sme/page-2/")
    link = page.locator("article .evidence-source a", has_text="¶").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    other = page.locator(f"article p[id^='p-']:not(#{anchor})").first

    def looks(locator) -> tuple[str, str]:
        return locator.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).outlineStyle]")

    assert looks(target) != looks(other)
    light = looks(target)
    shot(page, "deep-link")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = looks(target)
    assert dark != light and dark != looks(other)


def test_a_paged_theme_fits_a_narrow_screen(browser, paged_url):
    context, page, guard = guarded_phone_page(browser)
    for path in ("themes/sme/", "themes/sme/page-2/"):
        page.goto(paged_url + path)
        page.locator("article details.quote summary").first.click()
        expect(page.locator("article .evidence-pager").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 392, path
    context.close()
    assert guard.external == [] and guard.console_errors == []
