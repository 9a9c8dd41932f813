# DPO Desk developer tasks. `make help` lists them.
PY ?= .venv/bin/python

.PHONY: help venv run demo test test-long lint format layers screenshots bench bundle clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

venv: ## create .venv and install the app with the test extras
	python3 -m venv .venv && .venv/bin/pip install -e '.[test]'

run: ## start the app on the default case file
	.venv/bin/dpo-desk

demo: ## open the demo case file
	.venv/bin/dpo-desk demo

test: ## the whole suite (what CI runs)
	$(PY) -m pytest -q

test-long: ## long reliability variants (200 kills per mode, fuzzing, hostile set); prints the figures
	nice -n 10 $(PY) -m pytest -m slow tests/reliability tests/intake/test_fuzz.py \
		tests/identity/test_fuzz.py -p no:cacheprovider -s -q

lint: ## ruff, the layer contracts and mypy --strict on core, casefile and services
	.venv/bin/ruff check dpo_desk tests && .venv/bin/lint-imports && $(PY) -m mypy

format: ## ruff format
	.venv/bin/ruff format dpo_desk tests

screenshots: ## render the main screens of the demo file to docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py --lang ru

bench: ## speed and memory figures (benchmarks/)
	for f in benchmarks/*.py; do echo "== $$f"; $(PY) $$f; done

bundle: ## build the Linux one-folder bundle and self-test it
	PYTHON=$(PY) bash packaging/ci-bundle-check.sh

clean: ## remove build output
	rm -rf build dist *.egg-info
