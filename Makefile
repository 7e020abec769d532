# kgraph: two commands for a fresh machine.
#   make demo   set up, then build the graph from examples/, export Turtle and GEXF, answer a query
#   make test   set up, then run the test suite (installs Chromium for the HTML export test when root and missing)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test setup clean bench bench-extract evaluate browser vendor-js bench-export

$(BIN)/kgraph: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/kgraph

demo: setup
	@mkdir -p $(OUT)
	$(BIN)/kgraph build examples/ -o $(OUT)/events.ttl
	$(BIN)/kgraph validate $(OUT)/events.ttl
	$(BIN)/kgraph export $(OUT)/events.ttl --to gexf -o $(OUT)/events.gexf
	$(BIN)/kgraph export $(OUT)/events.ttl --to csv -o $(OUT)/events.csv
	$(BIN)/kgraph query $(OUT)/events.ttl --name dyads

test: setup browser
	$(BIN)/python -m pytest -q

# Headless Chromium for tests/export/test_html.py (Debian's package; the test skips, saying why, without it).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || \
	    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } || \
	    echo "chromium could not be installed: the browser test of the HTML export will be skipped"; \
	  else echo "chromium not installed and not root: the browser test of the HTML export will be skipped"; fi

# Re-fetch the JavaScript inlined into `kgraph export --to html` from the npm registry (pinned versions).
vendor-js:
	sh tools/fetch_js.sh

# Export speed and peak memory per format on a synthetic 100,000-event graph.
bench-export: setup
	$(BIN)/python tools/bench_export.py

evaluate: setup
	$(BIN)/kgraph evaluate ../shared/benchmarks/seed_fr_gold.jsonl
	$(BIN)/kgraph evaluate ../shared/benchmarks/petr2_gsr_validation.xml
	$(BIN)/kgraph evaluate ../shared/benchmarks/plover_gsr_public.json

# whole-process benchmark (benchmarks/run.py): bare spaCy, extract, build to a file and a store, --jobs 1 and 2
ARTICLES ?= 1000
bench: setup
	$(BIN)/python benchmarks/run.py --articles $(ARTICLES)

# in-process words per second of extraction against nlp.pipe, per language (tools/bench.py)
bench-extract: setup
	$(BIN)/python tools/bench.py

clean:
	rm -rf $(OUT) build dist *.egg-info .pytest_cache
