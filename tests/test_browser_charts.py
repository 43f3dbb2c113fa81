"""The inline charts and the source pages in Chromium: dark mode, a heat-map cell followed to its
passages, a narrow phone screen, the region table at 1280 px, the highlighted Sources tab.
The fixtures (a server on 127.0.0.1, a guarded page that fails on any request leaving it or
any console error) are those of test_browser.py."""

from __future__ import annotations

from playwright.sync_api import expect
from test_browser import base_url, browser, guarded, shot  # noqa: F401 - pytest fixtures and the screenshot helper

from browser_support import guarded_phone_page

LUMINANCE = "c => { const [r, g, b] = c.match(/\\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 }"


def _luminance(page, selector: str, prop: str) -> float:
    colour = page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")
    return page.evaluate(f"({LUMINANCE})({colour!r})")


def test_dark_mode_draws_the_charts_on_a_dark_background(guarded, base_url):  # noqa: F811
    page, _ = guarded
    page.goto(base_url)
    chart = page.locator("article .chart svg").first
    expect(chart).to_be_visible()
    assert _luminance(page, "article .chart .chart-bg", "fill") > 0.9  # light page: white chart
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert _luminance(page, "article .chart .chart-bg", "fill") < 0.25
    assert _luminance(page, "article .chart text", "fill") > 0.6  # labels stay readable
    chart.scroll_into_view_if_needed()
    shot(page, "home-dark")


def test_a_heatmap_cell_leads_to_the_passages_it_counts(guarded, base_url):  # noqa: F811
    page, _ = guarded
    page.goto(base_url + "regions/")
    cell = page.locator("article .chart svg a").first
    cell.scroll_into_view_if_needed()
    shot(page, "heatmap")
    tip = cell.locator("title").first.text_content()  # "山东省 · 支持中小企业 SME support: 5"
    province, rest = tip.split(" · ", 1)
    count = rest.rsplit(": ", 1)[1]
    cell.click()
    page.wait_for_url("**/search/?named=*")
    root = page.locator("#passage-search")
    expect(root).to_have_attribute("data-results", count, timeout=20_000)
    expect(page.locator(".passage-search__status")).to_contain_text(f"共 {count} 段")
    expect(page.locator(".passage-search__chip")).to_contain_text(province)
    results = page.locator(".passage-search__result")
    expect(results).to_have_count(min(int(count), 20))
    shot(page, "heatmap-search")
    page.locator(".passage-search__unlink").click()  # without the province: the theme alone, more passages
    expect(root).not_to_have_attribute("data-results", count)
    assert int(root.get_attribute("data-results")) > int(count)
    assert "named=" not in page.url


def test_the_region_table_shows_every_column_at_1280_px(guarded, base_url):  # noqa: F811
    page, _ = guarded
    page.goto(base_url + "regions/")
    box = page.locator("article .md-typeset__scrollwrap").first
    assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    last = page.locator("article table th").last
    last.scroll_into_view_if_needed()
    expect(last).to_be_in_viewport(ratio=1)


def test_a_source_page_shows_its_chips_under_the_sources_tab(guarded, base_url):  # noqa: F811
    page, _ = guarded
    page.goto(base_url + "sources/")
    page.locator("article table a").first.click()
    expect(page.locator(".md-tabs__item--active")).to_have_text("来源 Sources")
    chips = page.locator("article p.chips .chip")
    expect(chips.first).to_be_visible()
    assert chips.count() >= 3
    theme = page.locator("article p.chips a.chip[href*='themes/']").first
    name = theme.inner_text()
    shot(page, "source-page")
    theme.click()
    expect(page.locator("article h1").first).to_contain_text(name.split(" ")[0])


def test_the_home_page_fits_a_phone_and_its_legend_wraps(browser, base_url):  # noqa: F811
    context, page, guard = guarded_phone_page(browser)
    page.goto(base_url)
    legend = page.locator("article .chart-legend").first
    legend.scroll_into_view_if_needed()
    expect(page.locator("article .chart svg").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    lines = legend.locator("li").evaluate_all("items => new Set(items.map(i => i.offsetTop)).size")
    assert lines >= 2  # six themes do not fit one line at 390 px: they wrap instead of overflowing
    assert legend.evaluate("e => e.getBoundingClientRect().right") <= 390
    shot(page, "mobile-home")
    context.close()
    assert guard.external == [] and guard.console_errors == []
