# Shared set-up for the scripts: find uv, or bootstrap it with pip, then sync the locked env.
set -eu
cd "$(dirname "$0")/.."
if command -v uv >/dev/null 2>&1; then
  UV="uv"
elif python3 -m uv --version >/dev/null 2>&1; then
  UV="python3 -m uv"
else
  echo "uv not found: installing it with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check uv
  UV="python3 -m uv"
fi
$UV sync --frozen --quiet
