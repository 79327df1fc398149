"""Commentary corpus pipeline: raw blog pages to articles, footnotes and mentions.

`dagster asset materialize -m pipelines` and `dagster dev` load `defs` from here.
"""

from pipelines.definitions import defs

__all__ = ["defs"]
