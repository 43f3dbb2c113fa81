# Two commands for a new machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: site test serve bench generate clean golden browser screenshots linear-check

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

generate: $(STAMP)
	$(PY) -m gen build

site: generate
	$(PY) -m mkdocs build --strict --quiet

# The generator watches the sources and rewrites docs/; mkdocs serve then reloads the page.
serve: generate
	$(PY) -m gen watch & trap 'kill $$! 2>/dev/null' EXIT; $(PY) -m mkdocs serve

browser:
	bash scripts/ensure-chromium.sh

test: $(STAMP) browser
	$(PY) -m ruff check .
	$(PY) -m pytest

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_golden.py tests/test_golden_site.py

screenshots: $(STAMP) browser
	SCREENSHOT_DIR=.github/screenshots $(PY) -m pytest tests/test_browser.py tests/test_browser_charts.py tests/test_search_browser.py

bench: $(STAMP)
	$(PY) -m tools.bench --sizes 1000,10000

# Hostile inputs at two sizes: fails when a stage is not linear. Timed, so not in `make test`.
linear-check: $(STAMP)
	$(PY) tools/linear_check.py

clean:
	rm -rf site docs/sources docs/data docs/themes docs/regions docs/search docs/timeline docs/glossary docs/others docs/parameters docs/feeds docs/index.md docs/.output .cache
