# kgraph: two commands for a fresh machine.
#   make demo   set up, then build the graph from examples/, export Turtle and GEXF, answer a query
#   make test   set up, then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test setup clean bench bench-extract evaluate

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

test: setup
	$(BIN)/python -m pytest -q

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
