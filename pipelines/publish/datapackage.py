"""The Frictionless Data Package (datapackage.json) describing the Parquet files.

Frictionless 5 reads Parquet through pandas, where a list cell arrives as a numpy array and a
null integer as NaN; its `array` type accepts only Python lists and JSON text. So list columns
are declared `any` (their real type stays in `x-datatype`, the readable type every field
carries), and integer and number fields list "nan" among their missing values. Everything
else — names, scalar types, primary and foreign keys — is checked by `frictionless validate`.
Resources carry `hash` (sha256, which frictionless does not check for Parquet) but no
`bytes`: frictionless cannot count a Parquet file's bytes and would report a mismatch. The
sizes are in croissant.json and SHA256SUMS covers every file.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import polars as pl

from pipelines.publish.dtypes import dtype_label, table_schema_type
from pipelines.publish.metadata import (
    LICENSE_SPDX,
    LICENSE_TITLE,
    LICENSE_URL,
    NAME,
    PRETTY_NAME,
    SUMMARY,
    TAGS,
    dataset_url,
)
from schemas.catalog import present_key, present_reference, row_meaning

PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
NUMERIC_MISSING_VALUES = ["", "nan"]  # pandas turns a null integer into NaN
UNCHECKED_TYPES = {"array"}  # read as numpy arrays by frictionless: declared `any`


def field_descriptor(name: str, dtype: pl.DataType, description: str) -> dict[str, object]:
    """One Table Schema field: name, type, the readable native type and the description."""
    kind = table_schema_type(dtype)
    field: dict[str, object] = {
        "name": name,
        "type": "any" if kind in UNCHECKED_TYPES else kind,
        "x-datatype": dtype_label(dtype),
    }
    if description:
        field["description"] = description
    if kind in ("integer", "number"):
        field["missingValues"] = NUMERIC_MISSING_VALUES
    return field


def table_schema(
    name: str, frame: pl.DataFrame, comments: Mapping[str, str], tables: Mapping[str, object]
) -> dict[str, object]:
    """Fields, primary key and foreign keys of one table (keys only where their columns exist)."""
    schema: dict[str, object] = {
        "fields": [
            field_descriptor(column, dtype, comments.get(column, ""))
            for column, dtype in frame.schema.items()
        ]
    }
    key = present_key(name, frame.columns)
    if key:
        schema["primaryKey"] = list(key)
    reference = present_reference(name, frame.columns, tables)
    if reference:
        column, parent, parent_column = reference
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": parent, "fields": [parent_column]}}
        ]
    return schema


def data_package(
    tables: Mapping[str, pl.DataFrame],
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    repo_id: str,
    released: datetime.date,
    file_hashes: Mapping[str, str] | None = None,
) -> dict[str, object]:
    """The datapackage.json descriptor; sha256 hashes are added where given."""
    resources = []
    for name, frame in tables.items():
        path = f"{name}.parquet"
        resource: dict[str, object] = {
            "name": name,
            "path": path,
            "profile": "tabular-data-resource",
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            "title": f"{name}: one row per {row_meaning(name)}",
        }
        description = comments.get(name, {}).get("", "")
        if description:
            resource["description"] = description
        if file_hashes and path in file_hashes:
            resource["hash"] = f"sha256:{file_hashes[path]}"
        resource["schema"] = table_schema(name, frame, comments.get(name, {}), tables)
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": PRETTY_NAME,
        "description": SUMMARY,
        "version": version,
        "created": datetime.datetime.combine(released, datetime.time(), datetime.UTC)
        .isoformat()
        .replace("+00:00", "Z"),
        "homepage": dataset_url(repo_id),
        "keywords": list(TAGS),
        "licenses": [{"name": LICENSE_SPDX, "path": LICENSE_URL, "title": LICENSE_TITLE}],
        "resources": resources,
    }
