"""What a reader's browser downloads for a first search: the search page opened with a
query in Chromium against a built site: every response of the search (assets/search.js and
everything under search-index/: the manifest, the key buckets, filter lists and the records
of the results shown, and the titles' index), summed and by kind."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
QUERY = "价格扣除"


def first_search_bytes(site: Path, query: str = QUERY) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from browser_support import Guard, launch, serve

    server, url = serve(site)
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context()
            Guard().attach(context)
            page = context.new_page()
            page.on("requestfinished", lambda request: sizes.__setitem__(request.url, _body_size(request)))
            page.goto(f"{url}search/?q={query}")
            page.wait_for_selector("#passage-search[data-done]", timeout=120_000)
            results = int(page.locator("#passage-search").get_attribute("data-results"))
            titles = int(page.locator("#passage-search").get_attribute("data-sources") or 0)
            browser.close()
    finally:
        server.shutdown()
    search = {u: s for u, s in sizes.items() if "/search-index/" in u or u.endswith("/assets/search.js")}
    kinds: dict[str, int] = {}
    for address, size in search.items():
        folder = address.split("/search-index/", 1)[-1].split("/", 1)[0] if "/search-index/" in address else "script"
        # sources/ is the titles' index, fetched beside the passages' (hooks/search_index.py)
        kind = folder if folder in ("keys", "filters", "records", "sources") else \
            "manifest" if folder == "index.json" else "script"
        kinds[kind] = kinds.get(kind, 0) + size
    return {"query": query, "results": results, "sources": titles, "search_bytes": sum(search.values()), "search_files": len(search),
            "by_kind": kinds, "page_bytes": sum(sizes.values())}


def _body_size(request) -> int:
    response = request.response()
    try:
        return len(response.body()) if response else 0
    except Exception:  # a body the browser did not keep (a redirect): counted as nothing
        return 0


if __name__ == "__main__":
    print(first_search_bytes(Path(sys.argv[1]), *sys.argv[2:]))
