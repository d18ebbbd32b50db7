"""Access log lines and Prometheus metrics. Never logs query strings: they may hold the key."""

from __future__ import annotations

import logging

from prometheus_client import CollectorRegistry, Counter, Histogram

log = logging.getLogger("pixmill.access")


class AccessLog:
    """One log line and one metric sample per endpoint call."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._requests = Counter(
            "pixmill_requests", "Endpoint calls", ["command", "status"], registry=self.registry
        )
        self._latency = Histogram(
            "pixmill_request_seconds", "Endpoint latency", ["command"], registry=self.registry
        )

    def record(self, command: str, status: int, seconds: float) -> None:
        self._requests.labels(command, str(status)).inc()
        self._latency.labels(command).observe(seconds)
        log.info("%s %d %.1fms", command, status, seconds * 1000)
