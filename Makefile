# Two commands for a newcomer: `make lab` and `make test`. Everything else is set up on demand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: golden lab test test-fast test-notebooks e2e bench lint format notebooks release clean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@echo "Setting up $(VENV): the kit, JupyterLab and the test tools (about 3 minutes, once)."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@start=$$(date +%s); $(BIN)/python -m pip install --progress-bar on -c constraints.txt -e ".[dev]" \
	  && echo "Set up in $$(( $$(date +%s) - start )) s; from now on this step is skipped."
	@touch $(STAMP)

# JupyterLab refuses to run as root unless told; classroom containers often run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Two doors. Learners: `make lab` opens student/ (student copies, made on first use and when the
# lessons change; an edited copy is never replaced). Instructors: `make lab-masters`.
.PHONY: lab-masters student
lab: $(STAMP)  ## open the student copies of the lessons in JupyterLab
	$(BIN)/kitlib lab $(if $(LAB_ARGS),-- $(LAB_ARGS))

lab-masters: $(STAMP)  ## instructors: open the masters (solutions and outputs) in JupyterLab
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

student: $(STAMP)  ## make or refresh the student copies in student/ without opening JupyterLab
	$(BIN)/python -c 'import sys; from kitlib.student_copies import main; sys.exit(main())'

# The first and the last lines of a run say whether the browser tests ran (tests/conftest.py).
test: $(STAMP)  ## the whole suite: unit tests, notebooks (nbval, strict), browser tests
	$(BIN)/pytest --nbval tests notebooks

test-fast: $(STAMP)  ## unit tests only: no browser, no notebook execution
	$(BIN)/pytest tests -m "not e2e and not slow"

test-notebooks: $(STAMP)
	$(BIN)/pytest --nbval notebooks

e2e: $(STAMP)
	$(BIN)/pytest tests/e2e -m e2e

# Every benchmark runs and prints each ratio with its target; the target fails if any ratio is
# over. BENCH_TARGET_SCALE=0.1 makes every target ten times stricter (to see it fail);
# BENCHES=benchmarks/bench_load.py runs one.
BENCHES ?= $(wildcard benchmarks/bench_*.py)
bench: $(STAMP)  ## benchmarks: exits non-zero when a ratio is over its target
	@status=0; for b in $(BENCHES); do echo "== $$b"; $(BIN)/python $$b || status=1; done; \
	  [ $$status -eq 0 ] || echo "make bench: a ratio is over its target (see OVER above)"; \
	  exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

notebooks: $(STAMP)  ## re-execute the master notebooks in place (deterministic outputs)
	$(BIN)/kitlib execute notebooks

golden: $(STAMP)  ## after changing a release step or lesson 00: rewrite tests/golden, then review git diff
	$(BIN)/python -m tests.golden.update

release: $(STAMP)  ## student notebooks and answer keys into release/
	$(BIN)/kitlib release

# Mutation testing (slow: about 20 minutes on 2 cores; not in CI). mutmut (configured in
# pyproject.toml [tool.mutmut]) changes the answer readers, the article validation and the
# release steps one small edit at a time and runs the fast unit tests against each change; the
# summary gives, per module and per target, the share of changes a test caught (85% at least).
# MUTATION_JOBS=1 on a busy machine; `.venv/bin/mutmut show NAME` shows one surviving change.
MUTATION_JOBS ?= 2
MUTATION_MIN  ?= 85
.PHONY: mutation
mutation: $(STAMP)  ## mutation testing of readers, validation and release steps (slow)
	@$(BIN)/python -c 'import mutmut' 2>/dev/null || $(BIN)/python -m pip install "mutmut>=3.8,<4"
	rm -rf mutants
	$(BIN)/mutmut run --max-children $(MUTATION_JOBS)
	@$(BIN)/mutmut results --all true | awk -F': ' -v min=$(MUTATION_MIN) ' \
	  { name = $$1; sub(/^ +/, "", name); status = $$2; module = name; \
	    sub(/\.x(_|ǁ).*/, "", module); \
	    target = module ~ /compare$$/ ? "answer readers" : \
	      (module ~ /^kitlib\.release\./ ? "release steps" : "article validation"); \
	    caught = (status == "killed" || status == "timeout"); \
	    total[target]++; killed[target] += caught; mtotal[module]++; mkilled[module] += caught; \
	    if (!caught) survivors = survivors "\n  " name " (" status ")" } \
	  END { printf "%-40s %6s %6s %6s %7s\n", "module", "total", "killed", "left", "score"; \
	    for (m in mtotal) printf "%-40s %6d %6d %6d %6.1f%%\n", m, mtotal[m], mkilled[m], \
	      mtotal[m] - mkilled[m], 100 * mkilled[m] / mtotal[m] | "sort"; \
	    close("sort"); print ""; status = 0; \
	    for (t in total) { score = 100 * killed[t] / total[t]; \
	      printf "%-40s %6d %6d %6d %6.1f%%%s\n", t, total[t], killed[t], total[t] - killed[t], \
	        score, score < min ? "  UNDER " min "%" : ""; if (score < min) status = 1 } \
	    print "\nsurviving mutants (see: .venv/bin/mutmut show NAME):" survivors; exit status }'

clean:
	rm -rf $(VENV) release artifacts .pytest_cache
