# The two commands a new user needs (see README): `make serve` and `make test`.
# Everything is installed into .venv from PyPI, Debian's packages and npm; nothing downloads at run time.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: setup serve test openapi clients

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml models/en_core_web_sm/pyproject.toml models/coreferee/pyproject.toml clients/python/pyproject.toml clients/typescript/package-lock.json
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q ./models/en_core_web_sm ./models/coreferee -e '.[dev]'
	command -v chromium >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
	$(PIP) install -q -e ./clients/python
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# `make serve PORT=8080 HOST=0.0.0.0` to serve elsewhere than http://127.0.0.1:8000
PORT ?= 8000
HOST ?= 127.0.0.1
serve: setup
	$(VENV)/bin/quoteapi serve --host $(HOST) --port $(PORT)

test: setup
	$(VENV)/bin/pytest

# Regenerate the SDKs (clients/) from openapi.yaml; tests/test_clients.py fails when they are stale.
clients: setup
	scripts/generate_clients.sh

# Regenerate openapi.yaml from the API's schemas; tests/test_api_contract.py fails when it is stale.
openapi: setup
	$(VENV)/bin/quoteapi openapi write openapi.yaml
