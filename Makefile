# telehealth-rules: the two commands a newcomer needs are `make demo` and
# `make test`; both install whatever is missing first (scripts/setup.sh).

SHELL := /bin/bash
CLI := target/debug/telehealth-rules
WASM_TEST := cargo test --target wasm32-unknown-unknown --test wasm
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 300

.PHONY: demo test setup pkg www publish lint test-native test-wasm-node test-wasm-chromium test-js data-check docs-check generate size bench golden fuzz

## Start the settings page and its server on http://127.0.0.1:8080/ (Ctrl-C stops it).
demo: setup pkg www
	cargo run --release --bin telehealth-rules -- serve --addr 127.0.0.1:8080

## Run every test: lint, native, wasm in Node and Chromium, the npm package, the page.
test: setup lint test-native test-wasm-node test-wasm-chromium pkg size test-js data-check docs-check
	@echo "make test: all passed"

setup:
	@bash scripts/setup.sh

pkg:
	@bash scripts/build-pkg.sh

## The settings page as `serve` sends it: www/index.html and www/build/ bundled from the page's
## source (www/index.src.html and its modules) and the package's JavaScript, then precompressed
## .br/.gz variants of its files. Needs pkg/ (`make pkg`).
www:
	@node scripts/build-www.mjs
	@node scripts/compress-www.mjs

## Publish pkg/ to npm after the publish check (npm/prepublish-check.mjs); run `make test` first.
publish: pkg
	node npm/prepublish-check.mjs
	npm publish pkg/

lint:
	cargo fmt --check
	cargo clippy --all-targets --features schema -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --test wasm -- -D warnings
	RUSTDOCFLAGS='-D warnings' cargo doc --no-deps --quiet

test-native:
	cargo test

test-wasm-node:
	$(WASM_TEST)

test-wasm-chromium:
	WASM_BINDGEN_USE_BROWSER=1 $(WASM_TEST)

test-js: pkg www
	cargo build --bin telehealth-rules
	node --test --test-concurrency=1 tests/js/

## The ZIP3 table is what its generator makes from the pinned data set.
data-check:
	python3 tools/zip3/generate.py --check

## Generated text is current: the codes table's Rust (made from
## messages/codes.json), the message catalog's Rust and JS tables (made from
## messages/*.json and the registry's platform names), the rules table of
## docs/rules.md (the codes table and the shared vectors) and the fuzz seeds.
## The docs' platforms and compacts tables are held by cargo test
## (tests/readme_*.rs), the npm README's codes table by
## tests/js/package-contents.test.mjs.
docs-check: pkg
	node scripts/gen-codes.mjs --check
	node scripts/gen-messages.mjs --check
	node scripts/rules-table.mjs --check
	node scripts/fuzz-seeds.mjs --check

## Run every generator, in dependency order: the codes table's Rust
## (src/code/table.rs), the message catalog's tables, the
## package (JSON Schema and TypeScript types from the Rust types), the OpenAPI
## document, the CLI reference, the tables of docs/ (rules, platforms,
## compacts), the npm README's codes table and the fuzz seeds. `make test` fails while any of them is stale. Golden reports
## are not generated here: `make golden` after an intended change to a report.
generate: setup
	node scripts/gen-codes.mjs
	node scripts/gen-messages.mjs
	mkdir -p target && cargo run --quiet --example schema --features schema > target/schema.json
	node scripts/gen-types.mjs --readme target/schema.json npm/README.md
	bash scripts/build-pkg.sh
	node scripts/gen-openapi.mjs
	cargo run --quiet --bin telehealth-rules -- help-markdown > docs/cli.md
	node scripts/rules-table.mjs
	UPDATE_DOCS=1 cargo test --quiet --test readme_platforms --test readme_compacts
	node scripts/fuzz-seeds.mjs

## Transfer size of the wasm module and its JS glue (fails over the budget).
size: pkg
	@node scripts/size.mjs

## Every benchmark (bench/README.md; ~30 min): results in target/bench/results/,
## current figures in BENCHMARKS.md. `make bench BENCH=browser` (or native,
## wasm, node, jsonl, size, callgrind) runs one part.
bench: pkg
	@bash bench/run.sh $(BENCH)

## Regenerate tests/golden/*.jsonl and tests/golden-es/*.jsonl from the
## native reports (review the diff).
golden:
	UPDATE_GOLDEN=1 cargo test --test vectors

## Fuzz every target in fuzz/fuzz_targets for FUZZ_SECONDS each, one at a time,
## from the seeds in fuzz/seeds (scripts/fuzz.sh; not part of `make test`).
## Installs cargo-fuzz CARGO_FUZZ_VERSION from crates.io if it is missing.
FUZZ_SECONDS ?= 60
CARGO_FUZZ_VERSION ?= 0.13.2
fuzz:
	CARGO_FUZZ_VERSION=$(CARGO_FUZZ_VERSION) bash scripts/fuzz.sh $(FUZZ_SECONDS)
