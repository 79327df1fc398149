"""Plain functions that turn parsed pages into the dataset's polars tables (no Dagster here)."""
