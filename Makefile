# newskit: every target installs what it needs into the project-local .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.newskit-installed
CORPUS ?= data/corpus.csv
OUT    ?= build/report
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: setup report test lab bench lock clean figures notebooks

setup: $(STAMP)

# Re-run only when the pins or the package metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

report: setup
	$(BIN)/newskit report --corpus $(CORPUS) --out $(OUT)

test: setup
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg

lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: setup
	@for b in benchmarks/[a-z]*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Refresh requirements.lock from the current environment (after changing pyproject.toml).
lock: setup
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -vE "^(newskit|pip|wheel)==" > requirements.lock.new
	{ head -2 requirements.lock; cat requirements.lock.new; } > requirements.lock.tmp && mv requirements.lock.tmp requirements.lock && rm requirements.lock.new

clean:
	rm -rf build $(VENV)

# Re-execute every notebook in place (after changing the library), storing fresh outputs for nbval.
notebooks: setup
	cd notebooks && MPLBACKEND=module://matplotlib_inline.backend_inline ../$(BIN)/python -c \
	  "from newskit.report import refresh_notebooks; refresh_notebooks('.', progress=print)"

# Regenerate the README's figures from the bundled corpus.
figures: setup
	$(BIN)/python docs/figures.py
