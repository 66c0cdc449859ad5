"""The one HTTP wrapper used by monitoring. Tests serve fixtures on 127.0.0.1 and never reach the internet.

Safety: only http(s); every hop (the first URL and each redirect) is resolved and refused when any address is
private, loopback, link-local, multicast, reserved or unspecified (SSRF). ``allow_loopback`` exists only for
the test suite, whose fixture server listens on 127.0.0.1. Redirects are followed by hand so each Location is
checked before it is requested; a loop is reported as a loop, not as "too many redirects". Connections are
opened by ``CheckedBackend`` to an address it has just resolved and checked, never by name, so a DNS answer
that changes after the check (DNS rebinding) cannot reach an internal address.

Politeness: one request per host per ``politeness_seconds``; robots.txt is honoured (a missing robots.txt
allows everything). Size: the body is streamed and cut at ``max_bytes``. Conditional GET: ETag and
Last-Modified are sent back, and a content hash lets callers skip a feed whose body did not change even
when the server ignores conditional requests.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

USER_AGENT = "LanToaMonitor/1.0 (+https://lantoa.local/theo-doi)"


class FetchError(Exception):
    """A fetch that failed for a reason worth showing on the source. ``code`` is stable; callers translate."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass
class FetchResult:
    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    content_hash: str = ""
    not_modified: bool = False
    redirects: list[str] = field(default_factory=list)


Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError("dns", host) from exc
    return [str(info[4][0]) for info in infos]


def _blocked(address: str, *, allow_loopback: bool) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if allow_loopback and ip.is_loopback:
        return False
    return bool(
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
        or ip.is_unspecified or not ip.is_global
    )


def checked_addresses(host: str, *, allow_loopback: bool = False, resolver: Resolver = system_resolver) -> list[str]:
    """The addresses of ``host`` (resolved once), or FetchError when any of them is not public."""
    try:
        addresses = [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        addresses = resolver(host)
    if not addresses:
        raise FetchError("dns", host)
    for address in addresses:
        if _blocked(address, allow_loopback=allow_loopback):
            raise FetchError("private_address", f"{host} → {address}")
    return addresses


def check_url(url: str, *, allow_loopback: bool = False, resolver: Resolver = system_resolver) -> None:
    """Raise FetchError unless ``url`` is http(s) on a public address (DNS names are resolved and checked)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("scheme", parts.scheme or url)
    host = parts.hostname
    if not host:
        raise FetchError("scheme", url)
    checked_addresses(host, allow_loopback=allow_loopback, resolver=resolver)


class CheckedBackend(httpcore.NetworkBackend):
    """Opens every connection to an address it resolved and checked itself, a moment before, never to a name.

    Left to itself httpcore would resolve the host again to connect, and a DNS answer changed between the
    check and the connection (DNS rebinding: public for the check, 10.x or 127.0.0.1 for the connection)
    would reach an internal service. Only the TCP connection is pinned: the request still carries the URL's
    Host header, and httpcore starts TLS with the URL's host name, so SNI and certificate verification are
    those of the name, as before.
    """

    def __init__(self, *, allow_loopback: bool, resolver: Resolver) -> None:
        self.allow_loopback = allow_loopback
        self.resolver = resolver
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(host, allow_loopback=self.allow_loopback, resolver=self.resolver)
        failure: Exception | None = None
        for address in addresses:
            try:
                return self._backend.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the next checked address, as a resolver-based connect would
                failure = exc
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise FetchError("scheme", path)  # never configured; refuse rather than reach a local socket

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _CheckedTransport(httpx.HTTPTransport):
    def __init__(self, backend: CheckedBackend) -> None:
        super().__init__(trust_env=False)
        # httpx takes no network backend; the httpcore connection pool under it does. Same settings as httpx's
        # default pool otherwise (limits, certificate verification without environment overrides).
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend,
            max_connections=limits.max_connections, max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
        )


class Fetcher:
    """Thread-safe; one per process is enough (it keeps the politeness clock and robots cache)."""

    def __init__(
        self, *, allow_loopback: bool = False, timeout: float = 15.0, max_bytes: int = 8 * 1024 * 1024,
        max_redirects: int = 5, politeness_seconds: float = 1.0, respect_robots: bool = True,
        resolver: Resolver = system_resolver, user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_loopback = allow_loopback
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.politeness_seconds = politeness_seconds
        self.respect_robots = respect_robots
        self.resolver = resolver
        self.user_agent = user_agent
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            # Environment proxies could route a "public" URL to an internal host; never use them.
            trust_env=False,
            transport=_CheckedTransport(CheckedBackend(allow_loopback=allow_loopback, resolver=resolver)),
        )
        self._lock = threading.Lock()
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}

    def close(self) -> None:
        self._client.close()

    # -- politeness and robots ---------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last_hit.get(host, 0.0) + self.politeness_seconds
            self._last_hit[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or cached[0] < time.monotonic() - 3600:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                result = self._get(urljoin(origin, "/robots.txt"), max_bytes=512 * 1024)
                if result.status == 200:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(result.content.decode("utf-8", "replace").splitlines())
            except FetchError:
                parser = None  # No readable robots.txt: crawling is allowed, as the convention says.
            cached = (time.monotonic(), parser)
            self._robots[origin] = cached
        parser = cached[1]
        return parser is None or parser.can_fetch(self.user_agent, url)

    # -- the request -------------------------------------------------------------------------------
    def get(self, url: str, *, etag: str = "", last_modified: str = "", previous_hash: str = "") -> FetchResult:
        check_url(url, allow_loopback=self.allow_loopback, resolver=self.resolver)
        if self.respect_robots and not self.allowed_by_robots(url):
            raise FetchError("robots", url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = self._get(url, headers=headers, max_bytes=self.max_bytes)
        if result.status == 304:
            result.not_modified = True
            return result
        if result.status >= 400:
            raise FetchError("http_status", str(result.status))
        if previous_hash and result.content_hash == previous_hash:
            result.not_modified = True
        return result

    def _get(self, url: str, *, headers: dict[str, str] | None = None, max_bytes: int) -> FetchResult:
        seen: list[str] = []
        current = url
        for _hop in range(self.max_redirects + 1):
            check_url(current, allow_loopback=self.allow_loopback, resolver=self.resolver)
            if current in seen:
                raise FetchError("redirect_loop", " → ".join([*seen, current]))
            seen.append(current)
            self._wait_turn(urlsplit(current).netloc)
            try:
                with self._client.stream("GET", current, headers=headers) as response:
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location", "")
                        if not location:
                            raise FetchError("http_status", str(response.status_code))
                        current = urljoin(current, location)
                        continue
                    length = response.headers.get("content-length")
                    if length and length.isdigit() and int(length) > max_bytes:
                        raise FetchError("too_large", length)
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise FetchError("too_large", f">{max_bytes}")
                    content = bytes(body)
                    return FetchResult(
                        url=current, status=response.status_code, content=content,
                        content_type=response.headers.get("content-type", ""),
                        etag=response.headers.get("etag", ""),
                        last_modified=response.headers.get("last-modified", ""),
                        content_hash=hashlib.sha256(content).hexdigest(), redirects=seen[1:],
                    )
            except httpx.TimeoutException as exc:
                raise FetchError("timeout", current) from exc
            except httpx.HTTPError as exc:
                raise FetchError("network", f"{type(exc).__name__}: {exc}") from exc
        raise FetchError("too_many_redirects", " → ".join(seen))
