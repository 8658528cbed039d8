# Two commands for a newcomer: `make lab` and `make test`. Everything else is set up on demand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: lab test test-fast test-notebooks e2e bench lint format notebooks release clean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

# JupyterLab refuses to run as root unless told; classroom containers often run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)  ## open the lessons in JupyterLab
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

test: $(STAMP)  ## the whole suite: unit tests, notebooks (nbval, strict), browser tests
	$(BIN)/pytest --nbval tests notebooks

test-fast: $(STAMP)
	$(BIN)/pytest tests -m "not e2e and not slow"

test-notebooks: $(STAMP)
	$(BIN)/pytest --nbval notebooks

e2e: $(STAMP)
	$(BIN)/pytest tests/e2e -m e2e

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

notebooks: $(STAMP)  ## re-execute the master notebooks in place (deterministic outputs)
	$(BIN)/kitlib execute notebooks

release: $(STAMP)  ## student notebooks and answer keys into release/
	$(BIN)/kitlib release

clean:
	rm -rf $(VENV) release artifacts .pytest_cache
