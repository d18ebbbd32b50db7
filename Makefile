.PHONY: run test test-hostile lint bench

# Install everything and start the server on http://127.0.0.1:8080 with the embedded defaults.
run:
	scripts/setup.sh
	.venv/bin/pixmill serve

# Install the development dependencies and run the whole test suite.
test:
	scripts/setup.sh --dev
	.venv/bin/ruff check src tests bench
	.venv/bin/python -m pytest

# Only the adversarial suite.
test-hostile:
	scripts/setup.sh --dev
	.venv/bin/python -m pytest tests/hostile

lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/ruff format --check src tests bench

# Regenerate docs/gallery/ and docs/gallery.md: the drawing, text, GIF, generation and
# encryption endpoints run over HTTP on one photo.
.PHONY: gallery
gallery:
	scripts/setup.sh --dev
	.venv/bin/python scripts/gallery.py

# Side-by-side benchmark against sharp, thumbor and the libjpeg-turbo floor (bench/peers/):
# installs the peers into bench/peers/.work/, then the full matrix (1 to 1.5 hours on 2
# cores); writes bench/peers/results/*.json, docs/benchmarks.md's peers section and its chart.
# Resize it with BENCH_PEERS_* variables (see `python -m bench.peers --help`).
.PHONY: bench-peers
bench-peers:
	scripts/setup.sh --dev
	bench/peers/setup.sh
	.venv/bin/python -m bench.peers
