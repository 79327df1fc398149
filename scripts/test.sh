#!/usr/bin/env sh
# Run the three test tiers (and ruff) in the locked environment.
. "$(dirname "$0")/_uv.sh"
$UV run ruff check .
exec $UV run pytest "$@"
