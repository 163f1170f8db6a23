"""The services some tests need (PostgreSQL, Redis, RabbitMQ, Chromium): where one is missing
such a test skips, saying how to start it; with QUOTEAPI_REQUIRE_SERVICES=1 (CI, `.ci/run`)
it fails instead, so a run that silently tested less cannot pass."""

import os
from typing import NoReturn

import pytest

REQUIRED = os.environ.get("QUOTEAPI_REQUIRE_SERVICES") == "1"
REDIS_URL = os.environ.get("QUOTEAPI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
RABBITMQ_URL = os.environ.get("QUOTEAPI_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672//")


def unavailable(message: str, module_level: bool = False) -> NoReturn:
    """Skip (or, when services are required, fail) with ``message``: what is missing and how
    to start it."""
    if REQUIRED:
        pytest.fail(f"{message} [QUOTEAPI_REQUIRE_SERVICES=1: this service is required]",
                    pytrace=False)
    pytest.skip(message, allow_module_level=module_level)


def broker_or_skip(url: str, how: str) -> None:
    """Unless a broker answers at ``url``: skip or fail (``unavailable``)."""
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=3) as connection:
            connection.ensure_connection(max_retries=1)
    except Exception as error:  # noqa: BLE001 - any broker failure means "not here"
        unavailable(f"no broker at {url} ({type(error).__name__}: {error}): {how}")
