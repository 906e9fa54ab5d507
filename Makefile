# Passerelle — the two commands of the README, and a few helpers.
#   make run    build, migrate, seed demo accounts, serve on http://127.0.0.1:3000 (SQLite in ./data/)
#   make test   the whole suite: unit, HTTP on SQLite and PostgreSQL, headless Chromium, and the
#               money crash test (SIGKILL during a burst of payments) on both databases

SHELL := /bin/bash
TOOLS_DIR ?= $(HOME)/.cache/passerelle-tools
export PASSERELLE_TOOLS_DIR := $(TOOLS_DIR)
export PATH := $(HOME)/.cargo/bin:$(TOOLS_DIR)/node_modules/.bin:$(PATH)
export DATABASE_URL ?= sqlite://data/passerelle.db
# PostgreSQL server used by the tests: each test creates (and drops) its own database there.
export PASSERELLE_TEST_PG ?= postgres://postgres@127.0.0.1:5432/postgres
BIN := target/release/passerelle

.PHONY: run test tools site lint fmt clean-data

tools:
	scripts/install-tools.sh

# The release server binary and the browser bundle (wasm, JS, CSS) under target/site.
site: tools
	cargo leptos build --release

run: site
	$(BIN) seed demo
	$(BIN) serve

# The browser tests serve the real bundle (wasm, JS, CSS) from target/site with the tests' own
# server, so only the front end needs a release build here.
test:
	scripts/install-tools.sh --browser
	python3 scripts/check-taxonomy.py
	cargo leptos build --release --frontend-only
	cargo test --workspace --locked
	scripts/crash-test.sh sqlite
	scripts/crash-test.sh postgres

lint:
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

fmt:
	cargo fmt --all

clean-data:
	rm -rf data
