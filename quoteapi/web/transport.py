"""httpx's connections, bounded: where they may go and how long a page may take.

httpx sends requests through a transport, and its default one has no hook for where a connection
goes once the host is resolved, nor for a time limit on a whole response (its timeouts bound
each read, so a server that sends a byte every few seconds holds a request for ever). So this
module gives httpx a transport of its own over httpcore's connection pool (httpx's own engine)
with a network backend that:

- resolves the host itself and connects only to an address that ``addresses.py`` allows (every
  connection: the first request, each redirect, robots.txt), by number, so the name cannot
  resolve elsewhere between the check and the connection; TLS still checks the certificate for
  the name;
- bounds every read and write by the deadline of the fetch in progress (``deadline()``), so a
  page takes at most QUOTEAPI_FETCH_SECONDS however slowly it comes.
"""

import contextvars
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from .addresses import Judge, allowed_addresses
from .errors import FetchError

# when the fetch in progress in this thread (or task) must be over (time.monotonic())
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)

# httpcore's errors as httpx's own (what httpx.Client's callers catch), most specific first
ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Within the block, every read and write of this thread's connections ends by ``seconds``
    from now (httpx.ReadTimeout, WriteTimeout or ConnectTimeout past it)."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def out_of_time() -> bool:
    """Whether the deadline of the fetch in progress has passed."""
    end = _deadline.get()
    return end is not None and time.monotonic() >= end


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` shortened to what is left before the deadline; ``error`` when none is."""
    end = _deadline.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise error("the time for this page ran out")
    return left if timeout is None else min(timeout, left)


class BoundedStream(httpcore.NetworkStream):
    """A connection whose reads and writes end by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return BoundedStream(self._stream.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Connections only to the addresses ``judge`` allows (any without one), bounded."""

    def __init__(self, judge: Judge | None) -> None:
        self.judge = judge

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in allowed_addresses(host, port, self.judge):
            try:
                stream = super().connect_tcp(
                    str(address), port, _bounded(timeout, httpcore.ConnectTimeout),
                    local_address, socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failed:
                error = failed  # the next address, as socket.create_connection would
                continue
            return BoundedStream(stream)
        raise error or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise FetchError("fetching goes over TCP only")


class GuardedTransport(httpx.BaseTransport):
    """httpx's requests over an httpcore pool of guarded, bounded connections."""

    def __init__(self, judge: Judge | None) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=GuardedBackend(judge),
            max_connections=20, max_keepalive_connections=10, keepalive_expiry=5.0,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port,
                             target=url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions,
        )
        with _as_httpx(request):
            response = self._pool.handle_request(core)
        return httpx.Response(status_code=response.status, headers=response.headers,
                              stream=_Body(response.stream, request),
                              extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Any, request: httpx.Request) -> None:
        self._stream, self._request = stream, request

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx(self._request):
            yield from self._stream

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


@contextmanager
def _as_httpx(request: httpx.Request) -> Iterator[None]:
    try:
        yield
    except tuple(core for core, _ in ERRORS) as error:
        mapped = next(ours for core, ours in ERRORS if isinstance(error, core))
        raise mapped(str(error) or type(error).__name__, request=request) from error
