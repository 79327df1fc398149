"""Tier 1: the Celery worker's command line and the build's run config, from the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.build import run_config
from pipelines.resources import CorpusSettings, settings_from_environment
from pipelines.worker import worker_command

BROKER = "redis://127.0.0.1:6379/0"


def test_queues_go_in_one_option_and_celery_options_after_a_double_dash():
    command = worker_command(
        CorpusSettings(broker_url=BROKER), Path("c.yaml"), ["dagster", "ner"], ["--concurrency=2"]
    )
    assert command[1:] == [
        "worker", "start", "-A", "dagster_celery.app", "-y", "c.yaml",
        "-q", "dagster,ner", "--", "--concurrency=2",
    ]  # fmt: skip


def test_without_celery_options_there_is_no_double_dash():
    command = worker_command(CorpusSettings(broker_url=BROKER), Path("c.yaml"), ["ner"], [])
    assert command[-2:] == ["-q", "ner"]


def test_the_run_config_carries_what_a_step_reads():
    settings = settings_from_environment({"CORPUS_RAW_DIR": "/pages", "CORPUS_WORKERS": "3"})
    config = run_config(settings)["resources"]["settings"]["config"]  # type: ignore[index]
    assert config == {
        "raw_dir": "/pages",
        "outputs_dir": "outputs",
        "workers": 3,
        "hf_repo": settings.hf_repo,
        "storage_root": "",
        "max_page_bytes": 64 * 1024 * 1024,
    }


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CORPUS_EXECUTOR": "dask"}, "choose one of in_process, celery"),
        ({"CORPUS_EXECUTOR": "celery"}, "CORPUS_BROKER_URL"),
    ],
)
def test_executor_settings_that_do_not_fit_are_refused_with_the_variable(environ, message):
    with pytest.raises(ValueError, match=message):
        settings_from_environment(environ).check_executor()


def test_the_backend_defaults_to_the_broker():
    assert CorpusSettings(broker_url=BROKER).celery_backend() == BROKER
    assert CorpusSettings(broker_url=BROKER, backend_url="redis://h:1/2").celery_backend() == (
        "redis://h:1/2"
    )


def _map_in_a_daemon(queue) -> None:
    from pipelines.tables.parallel import ordered_map

    queue.put(ordered_map(abs, list(range(-40, 0)), workers=2))


def test_a_daemonic_process_maps_in_process_instead_of_starting_a_pool():
    """A Celery pool child is daemonic and may not fork a pool of its own."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_map_in_a_daemon, args=(queue,), daemon=True)
    child.start()
    assert queue.get(timeout=60) == list(range(40, 0, -1))
    child.join(timeout=60)
    assert child.exitcode == 0
