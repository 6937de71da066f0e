# MotCua: the two commands of the README, and a few more for developers.
.PHONY: run test lint bootstrap bench bench-sizes clean

run:        ## serve the demo database on http://127.0.0.1:$(HTTP_PORT) (default 8069)
	@bash scripts/run.sh

test:       ## lint, then every test on a throw-away database; ends with "N passed, N failed"
	@bash scripts/test.sh

bench:      ## province-scale database (BENCH_DOSSIERS=N, default 1000000) and side-by-side benchmarks -> bench/results.json
	@bash bench/run.sh

bench-sizes: ## make bench at 10k, 100k and 1M dossiers, then the latency-vs-size plot docs/bench_scaling.png
	@bash bench/sizes.sh

bootstrap:  ## install what is missing (Debian packages, Odoo source, .venv)
	@bash scripts/bootstrap.sh

clean:      ## remove the private cluster, filestore and logs (.var); keeps .venv
	rm -rf .var
