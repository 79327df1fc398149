#!/usr/bin/env sh
# Start a Celery worker for the pipeline's steps (general and ner queues); see pipelines/worker.py.
. "$(dirname "$0")/_uv.sh"
. "$(dirname "$0")/_home.sh"
exec $UV run python -m pipelines.worker "$@"
