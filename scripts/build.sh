#!/usr/bin/env sh
# Build the dataset: every asset, from data/raw/*.txt to outputs/. With CORPUS_EXECUTOR=celery
# and CORPUS_BROKER_URL set, the steps run on Celery workers (scripts/worker.sh).
. "$(dirname "$0")/_uv.sh"
. "$(dirname "$0")/_home.sh"
exec $UV run python -m pipelines.build "$@"
