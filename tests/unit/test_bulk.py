"""Tier 1: a bulk stage pauses the cycle collector and always gives it back as it found it."""

from __future__ import annotations

import gc

import pytest

from pipelines.tables.bulk import bulk, collector_paused


def test_collector_paused_restores_an_enabled_collector_even_on_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("a stage that fails")
    assert gc.isenabled()


def test_collector_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_bulk_decorator_keeps_name_result_and_nesting():
    @bulk
    def inner(x: int) -> bool:
        return x > 0 and not gc.isenabled()

    @bulk
    def outer(x: int) -> bool:
        return inner(x) and not gc.isenabled()

    assert outer(1) and inner.__name__ == "inner"
    assert gc.isenabled()
