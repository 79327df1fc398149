"""MLCommons Croissant 1.0 metadata (croissant.json) for the Parquet files.

Croissant requires a checksum for every file it lists, so this needs the files' sha256:
the documents are written after the Parquet files, from their bytes (see docs.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import polars as pl

from pipelines.publish.dtypes import croissant_type
from pipelines.publish.metadata import (
    LICENSE_URL,
    NAME,
    SUMMARY,
    TAGS,
    dataset_url,
)
from schemas.catalog import present_key, present_reference, row_meaning

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PARQUET_ENCODING = "application/x-parquet"
# The Croissant 1.0 JSON-LD context, as mlcroissant writes it (the specification's keys).
CONTEXT: dict[str, object] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _field(
    table: str, column: str, dtype: pl.DataType, description: str, file_id: str
) -> dict[str, object]:
    """A cr:Field reading one Parquet column; lists are repeated, structs get subFields."""
    field_id = f"{table}/{column}"
    field: dict[str, object] = {"@type": "cr:Field", "@id": field_id, "name": column}
    if description:
        field["description"] = description
    inner = dtype.inner if isinstance(dtype, pl.List | pl.Array) else dtype
    if isinstance(dtype, pl.List | pl.Array):
        field["repeated"] = True
    if isinstance(inner, pl.Struct):
        field["subField"] = [
            {
                "@type": "cr:Field",
                "@id": f"{field_id}/{sub.name}",
                "name": sub.name,
                "dataType": croissant_type(sub.dtype),
                "source": {
                    "fileObject": {"@id": file_id},
                    "extract": {"column": column},
                    "transform": {"jsonPath": sub.name},
                },
            }
            for sub in inner.fields
        ]
        return field
    field["dataType"] = croissant_type(dtype)
    field["source"] = {"fileObject": {"@id": file_id}, "extract": {"column": column}}
    return field


def _record_set(
    name: str, frame: pl.DataFrame, comments: Mapping[str, str], tables: Mapping[str, object]
) -> dict[str, object]:
    file_id = f"{name}.parquet"
    fields = [
        _field(name, column, dtype, comments.get(column, ""), file_id)
        for column, dtype in frame.schema.items()
    ]
    reference = present_reference(name, frame.columns, tables)
    if reference:
        column, parent, parent_column = reference
        for field in fields:
            if field["name"] == column:
                field["references"] = {"field": {"@id": f"{parent}/{parent_column}"}}
    record_set: dict[str, object] = {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": comments.get("") or f"One row per {row_meaning(name)}.",
        "field": fields,
    }
    key = present_key(name, frame.columns)
    if key:
        record_set["key"] = [{"@id": f"{name}/{column}"} for column in key]
    return record_set


def croissant(
    tables: Mapping[str, pl.DataFrame],
    version: str,
    comments: Mapping[str, Mapping[str, str]],
    repo_id: str,
    released: datetime.date,
    file_sizes: Mapping[str, int],
    file_hashes: Mapping[str, str],
    cite_as: str,
    languages: list[str],
) -> dict[str, object]:
    """The croissant.json document: one FileObject and one RecordSet per table."""
    distribution = [
        {
            "@type": "cr:FileObject",
            "@id": f"{name}.parquet",
            "name": f"{name}.parquet",
            "description": f"The {name} table.",
            "contentUrl": f"{name}.parquet",
            "contentSize": f"{file_sizes[f'{name}.parquet']} B",
            "encodingFormat": PARQUET_ENCODING,
            "sha256": file_hashes[f"{name}.parquet"],
        }
        for name in tables
    ]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": NAME,
        "description": SUMMARY,
        "license": LICENSE_URL,
        "url": dataset_url(repo_id),
        "version": version,
        "datePublished": released.isoformat(),
        "citeAs": cite_as,
        "keywords": list(TAGS),
        "inLanguage": languages,
        "creator": {
            "@type": "sc:Organization",
            "name": "Commentary corpus contributors",
            "url": dataset_url(repo_id),
        },
        "distribution": distribution,
        "recordSet": [
            _record_set(name, frame, comments.get(name, {}), tables)
            for name, frame in tables.items()
        ],
    }
