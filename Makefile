# netind-teach: every target builds its own environment in .venv when it is missing.
#   make lab      set up, copy the lessons into $(LAB_DIR) (never over your edits), open lesson 00
#   make test     set up, then run every test (lint, unit, doctests, lessons, Binder parity)
#   make test-fast  the inner loop: the tests not marked slow, browser, notebooks or release
#   make lessons  re-execute the lessons and store only the outputs nbval checks
#   make docs     regenerate the answer key and dataset cards in docs/
#   make site     build the learners' static site (no answer key) into build/site
#   make site-instructor  the instructor's static site (guide and key) into build/site-instructor
#   make bench    speed and memory figures, printed as ratios against their floor
#   make class-test  a real JupyterHub with 40 simulated learners (figures into docs/)
#   make reliability  kills, concurrency, hostile files, leaks: docs/reliability.md

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.netind-installed
# make lab works on a copy of the lessons (never on the tracked files in lessons/), the same
# folder `netind-teach lab` uses; LAB_ARGS passes options such as --port 8899 --no-browser.
LAB_DIR ?= netind-lessons
# Tests never reach the network: tests/offline/sitecustomize.py blocks non-loopback sockets
# in pytest and in every kernel or subprocess it starts.
TEST_ENV := PYTHONPATH=$(CURDIR)/tests/offline PYTHONHASHSEED=0 PYDEVD_DISABLE_FILE_VALIDATION=1
# -X warn_default_encoding reports every text file opened without an encoding, in the test
# process (unit tests, doctests); pyproject.toml makes those from netind_teach errors. Not in
# the environment: kernels would print third-party warnings into the lessons' outputs.
TEST_PY := $(PY) -X warn_default_encoding

.PHONY: lab test test-fast lint lessons docs site site-instructor vendor bench clean binder-pins dist reliability hub-env class-test

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,browser,release]'
	@touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/netind-teach lab $(LAB_DIR) $(LAB_ARGS)

# ruff (with the NumPy docstring rules on the package) and mypy --strict on the package
# (pyproject.toml lists the modules not yet checked); make test runs both first.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --cache-dir $(VENV)/.mypy_cache

# The site tests need the widget renderer; it is fetched (npm) before the network is closed.
test: lint vendor
	$(TEST_ENV) $(TEST_PY) -m pytest $(PYTEST_ARGS)

# The inner loop while developing (about a minute and a half on an idle 2-core machine):
# every test but those marked slow, browser, notebooks or release (tests/conftest.py marks
# them by path). It is not a substitute for `make test`, which CI runs.
FAST_MARKERS := not slow and not browser and not notebooks and not release
test-fast: $(STAMP)
	$(TEST_ENV) $(TEST_PY) -m pytest -q -m '$(FAST_MARKERS)' $(PYTEST_ARGS)

lessons: $(STAMP)
	$(VENV)/bin/netind-teach lessons refresh lessons/*.ipynb

# The answer key and dataset cards in docs/ are generated, never edited by hand.
docs: $(STAMP)
	$(VENV)/bin/netind-teach refresh-docs .

# Static HTML sites of the executed lessons and docs (open index.html). The learners' site
# has no instructor guide and no answer key; only the instructor's site has them.
site: vendor
	$(VENV)/bin/netind-teach build-site build/site

site-instructor: vendor
	$(VENV)/bin/netind-teach build-site --instructor build/site-instructor

# The Jupyter widgets HTML manager, from the npm registry at a pinned, checked version.
vendor: $(STAMP)
	$(PY) -m netind_teach.sitewidgets

bench: $(STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# The reliability suite (tests marked `reliability`), then its table in docs/reliability.md.
# make test runs the same tests at the CI size; NETIND_RELIABILITY_SCALE=10 runs 10x more.
NETIND_RELIABILITY_SCALE ?= 1
reliability: $(STAMP)
	rm -rf build/reliability
	$(TEST_ENV) NETIND_RELIABILITY_SCALE=$(NETIND_RELIABILITY_SCALE) $(PY) -m pytest -m reliability -q tests $(PYTEST_ARGS)
	$(PY) tools/reliability_report.py build/reliability docs/reliability.md

# Release artefacts: sdist and wheel, checked (metadata, README rendering) by twine.
dist: $(STAMP)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(VENV)/bin/twine check --strict dist/*

clean:
	rm -rf $(VENV) build dist .pytest_cache

# Re-pin binder/requirements.txt for the Python version binder/runtime.txt names, whatever
# interpreter runs make: uv (installed from PyPI into build/pins-tool) resolves for that
# version on Linux, from pyproject.toml's dependencies and binder/requirements.in. The pins
# must also install beside what a base image brings (binder/base-image.in).
RUNTIME_PYTHON := $(patsubst python-%,%,$(strip $(shell cat binder/runtime.txt)))
UV := build/pins-tool/bin/uv
UV_COMPILE := $(UV) pip compile --quiet --python-version $(RUNTIME_PYTHON) --python-platform linux

binder-pins:
	rm -rf build/pins-tool && $(PYTHON) -m venv build/pins-tool
	build/pins-tool/bin/pip install --quiet 'uv>=0.5'
	{ echo "# Pinned environment for Binder and JupyterHub (Python $(RUNTIME_PYTHON), binder/runtime.txt): what CI installs and tests."; \
	  echo "# Regenerate: make binder-pins (uv pip compile of pyproject.toml and binder/requirements.in for Python $(RUNTIME_PYTHON))."; \
	  $(UV_COMPILE) --no-header --no-annotate pyproject.toml binder/requirements.in; } > build/requirements.txt.new
	$(UV_COMPILE) --no-header -c build/requirements.txt.new binder/base-image.in > /dev/null
	mv build/requirements.txt.new binder/requirements.txt
	rm -rf build/pins-tool

# A real JupyterHub on loopback for the class-load test (tests/hub): the user environment is
# binder/requirements.txt plus JupyterHub and nbgitpuller, configurable-http-proxy comes from
# the npm registry; all of it in build/hub, nothing installed globally.
HUB := build/hub
HUB_STAMP := $(HUB)/.installed
CHP_VERSION := 5.3.0
CLASS_N ?= 40

$(HUB_STAMP): binder/requirements.txt tests/hub/hub-requirements.txt
	rm -rf $(HUB)/venv && mkdir -p $(HUB) && $(PYTHON) -m venv $(HUB)/venv
	$(HUB)/venv/bin/python -m pip install --quiet -r binder/requirements.txt -r tests/hub/hub-requirements.txt
	npm install --no-audit --no-fund --silent --prefix $(HUB) configurable-http-proxy@$(CHP_VERSION)
	@touch $@

# The course itself, reinstalled each time (--no-deps: the pins stay as Binder has them).
hub-env: $(HUB_STAMP)
	$(HUB)/venv/bin/python -m pip install --quiet --no-deps --force-reinstall .

# N simulated learners (default 40: slow, not in `make test`, which runs N=2); writes the
# figures to benchmarks/class-load.json and into docs/jupyterhub.md.
class-test: hub-env
	nice $(HUB)/venv/bin/python tests/hub/classload.py --students $(CLASS_N) \
	  --json benchmarks/class-load.json --docs docs/jupyterhub.md
