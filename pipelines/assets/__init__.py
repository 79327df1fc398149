"""Thin Dagster assets: each calls plain functions from pipelines.tables and adds metadata."""
