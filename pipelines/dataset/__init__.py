"""Writing the published release: tables, DuckDB file and their descriptions."""
