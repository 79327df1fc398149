#!/usr/bin/env sh
# Build the dataset: every asset, from data/raw/*.txt to outputs/.
. "$(dirname "$0")/_uv.sh"
exec $UV run dagster asset materialize --select '*' -m pipelines "$@"
