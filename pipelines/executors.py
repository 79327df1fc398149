"""Which engine runs the steps: this process, or Celery workers through a Redis broker.

The same definitions serve both; only the executor differs. Steps are routed to Celery queues
by their op tag (`dagster-celery/queue`): NER to `ner`, everything else to the default queue.
"""

from __future__ import annotations

import dagster as dg

from pipelines.resources import ENV_VARS, CorpusSettings

QUEUE_TAG = "dagster-celery/queue"
DEFAULT_QUEUE = "dagster"  # dagster-celery's task_default_queue
NER_QUEUE = "ner"
QUEUES = (DEFAULT_QUEUE, NER_QUEUE)


def executor_for(settings: CorpusSettings) -> dg.ExecutorDefinition:
    """The executor the settings ask for (checked first, so a bad setting fails at load)."""
    settings.check_executor()
    if settings.executor == "in_process":
        return dg.in_process_executor  # steps are cheap; process start-up would cost more
    from dagster_celery import celery_executor

    # Broker and backend are read by Dagster when the run starts, from the same variables.
    backend = ENV_VARS["backend_url"] if settings.backend_url else ENV_VARS["broker_url"]
    return celery_executor.configured(
        {"broker": {"env": ENV_VARS["broker_url"]}, "backend": {"env": backend}},
        name="celery",
    )
