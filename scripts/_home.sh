# Shared by build.sh and worker.sh: the project's one Dagster instance, configured by
# ./dagster.yaml (storage in .dagster/, git-ignored), which `uv run dagster dev` started here
# reads as well; DAGSTER_HOME overrides it.
DAGSTER_HOME="${DAGSTER_HOME:-$PWD}"
export DAGSTER_HOME
mkdir -p "$DAGSTER_HOME"
