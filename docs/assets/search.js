// The passage search: a search box in the header of every page, and the search page
// (search/?q=价格扣除&province=江西省) over the index that hooks/search_index.py
// builds into search-index/ (passages) and search-index/sources/ (the sources' titles).
// Everything from a source is put into the page as text, never as HTML.
(() => {
  "use strict";
  // This file is assets/search.js: the site's root is one folder up, wherever it is served.
  const ROOT = new URL("../", document.currentScript.src);
  const SEARCH_PAGE = new URL("search/", ROOT);
  const PAGE_SIZE = 20;
  const SOURCES_SHOWN = 5;
  const EXCERPT = 160;

  // Reading an index that hooks/search_index.py writes (its docstring describes the files):
  // each file is fetched once, when a query or filter first needs it.
  const cache = new Map();
  function fetchOnce(url, read) {
    const key = url.href;
    if (!cache.has(key)) {
      cache.set(key, (async () => {
        const response = await fetch(url);
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`search index: ${url.pathname} ${response.status}`);
        return read(response);
      })());
    }
    return cache.get(key);
  }
  const gunzip = (response) =>
    new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer().then((b) => new Uint8Array(b));

  // Unsigned LEB128 integers, read one after another from a byte array.
  function reader(bytes, at = 0) {
    return {
      next() {
        let value = 0;
        let scale = 1;
        for (;;) {
          const byte = bytes[at++];
          value += (byte & 127) * scale;
          if (byte < 128) return value;
          scale *= 128;
        }
      },
      get at() { return at; },
    };
  }
  function idList(bytes) {
    const read = reader(bytes);
    const ids = new Array(read.next());
    let id = 0;
    for (let i = 0; i < ids.length; i++) ids[i] = id += read.next();
    return ids;
  }

  // The same hash as bucket_of() in hooks/search_index.py.
  function bucketOf(key, buckets) {
    let value = 2166136261;
    for (const char of key) value = Math.imul(value ^ char.codePointAt(0), 16777619) >>> 0;
    return value % buckets;
  }

  const queryWords = (query) =>
    (query.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).map((word) => [...word]);

  // One index (the passages', or the titles') in the folder `base`.
  function openIndex(base) {
    let index = null;
    const manifest = () => (index ||= fetchOnce(new URL("index.json", base), (r) => r.json()));

    // A bucket: its head (how many keys, then each key's code points and postings size),
    // then the postings, in the head's order. Read once into key -> [start, end).
    const bucket = (number) => fetchOnce(new URL(`keys/${number}.bin`, base), async (response) => {
      const bytes = await gunzip(response);
      const head = reader(bytes);
      const sizes = [];
      for (let k = head.next(); k > 0; k--) {
        let name = "";
        for (let c = head.next(); c > 0; c--) name += String.fromCodePoint(head.next());
        sizes.push([name, head.next()]);
      }
      const where = new Map();
      let offset = head.at;
      for (const [name, size] of sizes) {
        where.set(name, offset);
        offset += size;
      }
      return { bytes, where };
    });

    // A key's postings: passage number -> its positions (a pair) or true (a single character).
    async function postings(key) {
      const { buckets } = await manifest();
      const found = new Map();
      const parsed = await bucket(bucketOf(key, buckets));
      if (!parsed || !parsed.where.has(key)) return found;
      const { bytes, where } = parsed;
      const read = reader(bytes, where.get(key));
      const pair = [...key].length === 2;
      let id = 0;
      for (let count = read.next(); count > 0; count--) {
        id += read.next();
        if (!pair) {
          found.set(id, true);
          continue;
        }
        const positions = new Set();
        let position = 0;
        for (let n = read.next(); n > 0; n--) positions.add(position += read.next());
        found.set(id, positions);
      }
      return found;
    }

    // Records that hold the word as written: its pairs at consecutive positions.
    async function holding(chars) {
      if (chars.length === 1) return new Set((await postings(chars[0])).keys());
      const pairs = await Promise.all(chars.slice(0, -1).map((c, i) => postings(c + chars[i + 1])));
      const [first, ...rest] = pairs;
      const found = new Set();
      for (const [id, starts] of first) {
        const later = rest.map((p) => p.get(id));
        if (later.some((p) => !p)) continue;
        for (const start of starts) {
          if (later.every((p, i) => p.has(start + i + 1))) { found.add(id); break; }
        }
      }
      return found;
    }

    async function withValue(key, value) {
      const { filters } = await manifest();
      const position = (filters[key] || []).indexOf(value);
      if (position < 0) return new Set();
      const bytes = await fetchOnce(new URL(`filters/${key}/${position}.bin`, base), gunzip);
      return new Set(bytes ? idList(bytes) : []);
    }

    // Record numbers (newest first) that hold every word of the query and every filter
    // value; none where the index is missing.
    async function find(query, filters) {
      if (!(await manifest())) return [];
      const sets = await Promise.all([
        ...queryWords(query).map(holding),
        ...Object.entries(filters).map(([key, value]) => withValue(key, value)),
      ]);
      if (sets.length === 0) return [];
      sets.sort((a, b) => a.size - b.size);
      return [...sets[0]].filter((id) => sets.every((s) => s.has(id))).sort((a, b) => a - b);
    }

    async function record(id) {
      const { chunk } = await manifest();
      const records = await fetchOnce(new URL(`records/${Math.floor(id / chunk)}.json`, base),
        async (r) => JSON.parse(new TextDecoder().decode(await gunzip(r))));
      return records[id % chunk];
    }

    return { find, record };
  }
  const PASSAGES = openIndex(new URL("search-index/", ROOT));
  const SOURCES = openIndex(new URL("search-index/sources/", ROOT));

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

  // A contiguous span of the passage around the first hit ("…" where it is cut), the hits marked.
  // The query's words as they are marked in a result (lower case, split at spaces).
  const markWords = (query) => (query.match(/[^\s]+/g) || []).map((w) => w.toLowerCase());

  function excerpt(text, query) {
    const words = markWords(query);
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
    marked(quote, text, words, start, end);
    if (end < text.length) quote.append("…");
    return quote;
  }

  // text[start, end) appended to `node`, each occurrence of a query word in a <mark>.
  function marked(node, text, words, start = 0, end = text.length) {
    const lower = text.toLowerCase();
    let at = start;
    while (at < end) {
      const hits = words.map((w) => [lower.indexOf(w, at), w.length]).filter(([i]) => i >= 0 && i < end);
      if (hits.length === 0) break;
      const [hit, length] = hits.sort((a, b) => a[0] - b[0])[0];
      node.append(text.slice(at, hit), element("mark", "", text.slice(hit, Math.min(hit + length, end))));
      at = Math.min(hit + length, end);
    }
    node.append(text.slice(at, end));
    return node;
  }

  // A source whose title matched: the title (its hits marked) links to the source page.
  function sourceItem(data, query) {
    const item = element("li", "source-search__result");
    const link = marked(element("a", "source-search__title"), data.text, markWords(query));
    link.href = new URL(data.url, ROOT).href;
    const about = [data.date, data.source].filter(Boolean).join(" · ");
    item.append(link, element("span", "passage-search__meta", about));
    return item;
  }

  function resultItem(data, query) {
    const item = element("li", "passage-search__result");
    const link = element("a", "passage-search__title", data.title || data.url);
    link.href = new URL(data.url, ROOT).href;
    const about = [data.date, data.source].filter(Boolean).join(" · ");
    item.append(link, element("span", "passage-search__meta", about), excerpt(data.text, query));
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
    const sources = root.querySelector(".source-search");
    const sourceList = root.querySelector(".source-search__results");
    const sourceHeading = root.querySelector(".source-search__heading");
    const sourceMore = root.querySelector(".source-search__more");
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

    // Filters only a link sets (a heat-map cell): applied from the URL, each shown as a chip
    // whose button removes it.
    const linked = {};
    const chips = element("p", "passage-search__linked");
    for (const filter of settings.linked || []) {
      const value = params.get(filter.key);
      if (!value) continue;
      linked[filter.key] = value;
      const chip = element("span", "passage-search__chip", `${filter.label}: ${value} `);
      const remove = element("button", "passage-search__unlink", "✕");
      remove.type = "button";
      remove.setAttribute("aria-label", `去掉筛选 Remove the filter ${filter.label}`);
      remove.addEventListener("click", () => { delete linked[filter.key]; chip.remove(); run(); });
      chip.append(remove);
      chips.append(chip);
    }
    if (chips.childElementCount) box.before(chips);

    let shown = [];
    let next = 0;
    async function showMore() {
      const page = shown.slice(next, next + PAGE_SIZE);
      next += page.length;
      const data = await Promise.all(page.map(PASSAGES.record));
      list.append(...data.map((d) => resultItem(d, input.value)));
      more.hidden = next >= shown.length;
    }
    let titles = [];
    async function showSources(count) {
      const from = sourceList.childElementCount;
      const data = await Promise.all(titles.slice(from, from + count).map(SOURCES.record));
      sourceList.append(...data.map((d) => sourceItem(d, input.value)));
      sourceMore.hidden = sourceList.childElementCount >= titles.length;
    }
    async function run() {
      const query = input.value.trim();
      const filters = { ...linked };
      const state = new URLSearchParams();
      if (query) state.set("q", query);
      for (const [key, value] of Object.entries(linked)) state.set(key, value);
      for (const [key, select] of Object.entries(selects)) {
        if (select.value) {
          filters[key] = select.value;
          state.set(key, select.value);
        }
      }
      history.replaceState(history.state, "", `${location.pathname}${state.toString() ? "?" + state : ""}`);
      list.replaceChildren();
      sourceList.replaceChildren();
      next = 0;
      const asked = query || Object.keys(filters).length;
      [shown, titles] = asked
        ? await Promise.all([PASSAGES.find(query, filters), query ? SOURCES.find(query, filters) : []]) : [[], []];
      status.textContent = asked ? `共 ${shown.length} 段 ${shown.length} passage${shown.length === 1 ? "" : "s"}` : "";
      root.dataset.results = String(shown.length);
      root.dataset.sources = String(titles.length);
      sourceHeading.textContent = `标题含此词的来源 ${titles.length} 个 · ${titles.length} source${titles.length === 1 ? "" : "s"} with it in the title`;
      sources.hidden = titles.length === 0;
      await Promise.all([showMore(), showSources(SOURCES_SHOWN)]);
      root.dataset.done = state.toString();
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    for (const select of Object.values(selects)) select.addEventListener("change", run);
    more.addEventListener("click", showMore);
    sourceMore.addEventListener("click", () => showSources(titles.length));
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
