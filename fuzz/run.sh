#!/bin/sh
# Bounded fuzzing for CI: fuzz/run.sh [SECONDS]  (default 60). Exit status non-zero on a finding;
# the crashing input is written to fuzz/findings/. Needs atheris (requirements/dev.txt).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python="${PYTHON:-$root/.venv/bin/python}"
seconds="${1:-60}"
# a fixed seed makes CI's run repeatable; FUZZ_SEED=0 asks libFuzzer for a random one when exploring
seed="${FUZZ_SEED:-1}"
mkdir -p "$here/findings"
exec "$python" "$here/fuzz_clean.py" -max_total_time="$seconds" -seed="$seed" -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix="$here/findings/"
