# Shared by build.sh and worker.sh: one persistent Dagster instance in .dagster/ (git-ignored),
# unless DAGSTER_HOME says otherwise, so Celery workers and the build see the same runs.
DAGSTER_HOME="${DAGSTER_HOME:-$PWD/.dagster}"
export DAGSTER_HOME
mkdir -p "$DAGSTER_HOME"
[ -f "$DAGSTER_HOME/dagster.yaml" ] || printf 'telemetry:\n  enabled: false\n' > "$DAGSTER_HOME/dagster.yaml"
