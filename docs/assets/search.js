// The passage search: a search box in the header of every page, and the search page
// (search/?q=价格扣除&province=江西省) over the Pagefind index that hooks/pagefind_search.py
// builds into pagefind/. Everything from a source is put into the page as text, never as HTML.
(() => {
  "use strict";
  // This file is assets/search.js: the site's root is one folder up, wherever it is served.
  const ROOT = new URL("../", document.currentScript.src);
  const SEARCH_PAGE = new URL("search/", ROOT);
  const PAGE_SIZE = 20;
  const EXCERPT = 160;
  let pagefind = null;

  // The same tokens as search_tokens() in hooks/pagefind_search.py: each character with the
  // next one of its word, four letters a–p per character.
  const letters = (char) => {
    const point = char.codePointAt(0);
    return [12, 8, 4, 0].map((shift) => String.fromCharCode(97 + ((point >> shift) & 15))).join("");
  };
  const queryWords = (query) =>
    (query.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [])
      .map((word) => [...word].filter((c) => c.codePointAt(0) <= 0xffff))
      .filter((chars) => chars.length > 0);
  // One character: every token that starts with it. More: its pairs, next to each other.
  const pagefindTerm = (chars) => chars.length === 1 ? letters(chars[0])
    : `"${chars.slice(0, -1).map((c, i) => letters(c) + letters(chars[i + 1])).join(" ")}"`;

  // The index is in shards (hooks/pagefind_search.py): the first one's runtime searches
  // them all, the others merged in from the folders pagefind/shards.json lists.
  function loadPagefind() {
    pagefind ||= (async () => {
      const base = new URL("pagefind/", ROOT);
      const api = await import(new URL("pagefind.js", base).href);
      await api.options({ baseUrl: ROOT.pathname });
      await api.init();
      const response = await fetch(new URL("shards.json", base));
      const shards = response.ok ? await response.json() : [];
      await Promise.all(shards.map((folder) => api.mergeIndex(new URL(folder, base).pathname, { baseUrl: ROOT.pathname })));
      return api;
    })();
    return pagefind;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addHeaderBox() {
    const header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".header-search")) return;
    const form = element("form", "md-header__option header-search");
    form.action = SEARCH_PAGE.href;
    form.method = "get";
    form.setAttribute("role", "search");
    const input = element("input", "header-search__input");
    Object.assign(input, { type: "search", name: "q", placeholder: "搜索 Search", autocomplete: "off" });
    input.setAttribute("aria-label", "搜索段落 Search passages");
    input.value = new URLSearchParams(location.search).get("q") || "";
    form.append(input);
    header.insertBefore(form, header.querySelector("form[data-md-component='palette']"));
  }

  // Passages whose Pagefind ids hold every word of the query (each word one exact search).
  async function findPassages(query, filters) {
    const api = await loadPagefind();
    const words = queryWords(query);
    if (words.length === 0) return Object.keys(filters).length ? (await api.search(null, { filters })).results : [];
    const searches = await Promise.all(words.map((chars) => api.search(pagefindTerm(chars), { filters })));
    const inAll = searches.slice(1).map((s) => new Set(s.results.map((r) => r.id)));
    return searches[0].results.filter((r) => inAll.every((ids) => ids.has(r.id)));
  }

  // A contiguous span of the passage around the first hit ("…" where it is cut), the hits marked.
  function excerpt(text, query) {
    const words = (query.match(/[^\s]+/g) || []).map((w) => w.toLowerCase());
    const lower = text.toLowerCase();
    const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length);
    let start = 0;
    let end = text.length;
    if (text.length > EXCERPT) {
      start = first === text.length ? 0 : Math.max(0, first - 40);
      end = Math.min(text.length, start + EXCERPT);
    }
    const quote = element("blockquote", "passage-search__excerpt");
    if (start > 0) quote.append("…");
    let at = start;
    while (at < end) {
      const hits = words.map((w) => [lower.indexOf(w, at), w.length]).filter(([i]) => i >= 0 && i < end);
      if (hits.length === 0) break;
      const [hit, length] = hits.sort((a, b) => a[0] - b[0])[0];
      quote.append(text.slice(at, hit), element("mark", "", text.slice(hit, Math.min(hit + length, end))));
      at = Math.min(hit + length, end);
    }
    quote.append(text.slice(at, end));
    if (end < text.length) quote.append("…");
    return quote;
  }

  function resultItem(data, query) {
    const item = element("li", "passage-search__result");
    const link = element("a", "passage-search__title", data.meta.title || data.meta.page);
    link.href = data.url;
    const about = [data.meta.date, data.meta.source].filter(Boolean).join(" · ");
    item.append(link, element("span", "passage-search__meta", about), excerpt(data.meta.text || "", query));
    return item;
  }

  async function setupSearchPage() {
    const root = document.getElementById("passage-search");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    const settings = JSON.parse(root.querySelector(".passage-search__settings").textContent);
    const form = root.querySelector("form");
    const input = root.querySelector(".passage-search__input");
    const status = root.querySelector(".passage-search__status");
    const list = root.querySelector(".passage-search__results");
    const more = root.querySelector(".passage-search__more");
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    const selects = {};
    const box = root.querySelector(".passage-search__filters");
    for (const filter of settings.filters) {
      const label = element("label", "passage-search__filter");
      const select = element("select");
      select.name = filter.key;
      select.append(new Option("全部 all", ""));
      label.append(element("span", "", filter.label), select);
      box.append(label);
      selects[filter.key] = select;
    }
    for (const filter of settings.filters) {
      const names = settings.labels[filter.key] || {};
      const values = [...(settings.values[filter.key] || [])];
      const wanted = params.get(filter.key);
      if (wanted && !values.includes(wanted)) values.push(wanted);  // a link's value stays chosen
      for (const value of values) selects[filter.key].append(new Option(names[value] || value, value));
      selects[filter.key].value = wanted || "";
    }

    let shown = [];
    let next = 0;
    async function showMore() {
      const page = shown.slice(next, next + PAGE_SIZE);
      next += page.length;
      const data = await Promise.all(page.map((r) => r.data()));
      list.append(...data.map((d) => resultItem(d, input.value)));
      more.hidden = next >= shown.length;
    }
    async function run() {
      const query = input.value.trim();
      const filters = {};
      const state = new URLSearchParams();
      if (query) state.set("q", query);
      for (const [key, select] of Object.entries(selects)) {
        if (select.value) {
          filters[key] = select.value;
          state.set(key, select.value);
        }
      }
      history.replaceState(history.state, "", `${location.pathname}${state.toString() ? "?" + state : ""}`);
      list.replaceChildren();
      next = 0;
      shown = query || Object.keys(filters).length ? await findPassages(query, filters) : [];
      status.textContent = query || Object.keys(filters).length
        ? `共 ${shown.length} 段 ${shown.length} passage${shown.length === 1 ? "" : "s"}` : "";
      root.dataset.results = String(shown.length);
      await showMore();
      root.dataset.done = state.toString();
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    for (const select of Object.values(selects)) select.addEventListener("change", run);
    more.addEventListener("click", showMore);
    await run();
  }

  function setup() {
    addHeaderBox();
    setupSearchPage().catch((error) => console.error("search:", error));
  }
  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
