"""The HTTP wrapper against the fixture server: SSRF on every hop, limits, loops, robots, conditional GET."""

from __future__ import annotations

import pytest

from lantoa.lib.monitoring.fetch import Fetcher, FetchError, check_url
from lantoa.monitoring import services
from lantoa.monitoring.models import Item, Source
from tests.monitoring.helpers import make_source


def fetcher(**kwargs: object) -> Fetcher:
    options = {"allow_loopback": True, "politeness_seconds": 0.0, "timeout": 2.0, "max_bytes": 1024 * 1024}
    options.update(kwargs)
    return Fetcher(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://10.1.2.3/", "http://192.168.1.1/", "http://172.16.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/", "http://[fe80::1]/",
    "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
])
def test_private_targets_refused(url):
    with pytest.raises(FetchError) as exc:
        check_url(url, resolver=lambda host: ["127.0.0.1"])
    assert exc.value.code == "private_address"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.vn/a", "gopher://x/", "javascript:alert(1)"])
def test_non_http_refused(url):
    with pytest.raises(FetchError) as exc:
        check_url(url)
    assert exc.value.code == "scheme"


def test_dns_name_resolving_to_private_address_refused():
    with pytest.raises(FetchError) as exc:
        check_url("http://noi-bo.example.vn/", resolver=lambda host: ["203.162.4.191", "10.0.0.7"])
    assert exc.value.code == "private_address"
    check_url("http://baochinhphu.vn/", resolver=lambda host: ["203.162.4.191"])  # public: fine


def test_loopback_refused_without_test_setting(fixture_server):
    with pytest.raises(FetchError) as exc:
        fetcher(allow_loopback=False).get(fixture_server.url("feeds/baophutho.rss"))
    assert exc.value.code == "private_address"


def test_redirect_to_private_address_refused_on_the_hop(fixture_server):
    for path in ("sang-noi-bo", "sang-metadata"):
        with pytest.raises(FetchError) as exc:
            fetcher().get(fixture_server.url(path))
        assert exc.value.code == "private_address"


def test_redirect_loop_detected(fixture_server):
    with pytest.raises(FetchError) as exc:
        fetcher().get(fixture_server.url("vong-a"))
    assert exc.value.code == "redirect_loop"


def test_huge_response_cut_at_limit(fixture_server):
    with pytest.raises(FetchError) as exc:
        fetcher(max_bytes=1024 * 1024).get(fixture_server.url("lon.html"))
    assert exc.value.code == "too_large"


def test_timeout(fixture_server):
    with pytest.raises(FetchError) as exc:
        fetcher(timeout=0.5).get(fixture_server.url("cham.html"))
    assert exc.value.code == "timeout"


def test_robots_txt_honoured(fixture_server):
    with pytest.raises(FetchError) as exc:
        fetcher().get(fixture_server.url("cam/bai.html"))
    assert exc.value.code == "robots"


def test_conditional_get_and_content_hash(fixture_server):
    f = fetcher()
    first = f.get(fixture_server.url("etag/feeds/baophutho.rss"))
    assert first.etag == '"v1"' and not first.not_modified
    second = f.get(fixture_server.url("etag/feeds/baophutho.rss"), etag=first.etag)
    assert second.status == 304 and second.not_modified
    # A server without ETag support: the content hash still says "unchanged".
    plain = f.get(fixture_server.url("feeds/baophutho.rss"))
    again = f.get(fixture_server.url("feeds/baophutho.rss"), previous_hash=plain.content_hash)
    assert again.not_modified


def test_politeness_spaces_requests_to_one_host(fixture_server):
    import time

    f = fetcher(politeness_seconds=0.3, respect_robots=False)
    start = time.monotonic()
    for _ in range(3):
        f.get(fixture_server.url("feeds/baophutho.rss"))
    assert time.monotonic() - start >= 0.6


# -- the same failures as a source sees them ------------------------------------------------------------
@pytest.mark.django_db
def test_unchanged_feed_skipped_by_etag(world, fixture_server):
    source = make_source(world, fixture_server, "etag/feeds/baophutho.rss")
    assert len(services.source_poll_now(source=source)) == 3
    source.refresh_from_db()
    source.next_poll_at = None
    assert services.source_poll_now(source=source) == []
    source.refresh_from_db()
    assert source.failure_count == 0 and source.etag == '"v1"'


@pytest.mark.django_db
def test_redirect_to_private_address_pauses_source_with_reason(world, fixture_server):
    source = make_source(world, fixture_server, "sang-noi-bo")
    services.source_poll_now(source=source)
    source.refresh_from_db()
    assert not source.is_active
    assert "SSRF" in source.disabled_reason and source.health == "off"


@pytest.mark.django_db
def test_source_form_refuses_private_address(world):
    with pytest.raises(services.ServiceError):
        services.source_save(unit=world.unit, name="x", outlet="x", kind="press", format=Source.Format.FEED,
                             url="http://192.168.0.10/rss")


@pytest.mark.django_db
def test_huge_page_and_loop_fail_their_items_only(world, fixture_server, settings):
    settings.MONITORING_MAX_BYTES = 1024 * 1024
    source = make_source(world, fixture_server, "", fmt=Source.Format.MANUAL)
    good = services.item_add_manual(source=source, url=fixture_server.url("bai/vinh-tuy-binh-dan-hoc-vu-so.html"))
    huge = services.item_add_manual(source=source, url=fixture_server.url("lon.html"))
    loop = services.item_add_manual(source=source, url=fixture_server.url("vong-a"))
    assert good.stage == Item.Stage.INDEXED
    assert huge.error_code == "too_large" and "quá lớn" in huge.error
    assert loop.error_code == "redirect_loop" and "vòng lặp" in loop.error
    from lantoa.monitoring.pipeline import pending_items

    assert huge.pk not in pending_items() and loop.pk not in pending_items()  # permanent: not retried
    source.refresh_from_db()
    assert source.last_error  # visible on the source page


@pytest.mark.django_db
def test_backoff_doubles_and_disables_after_repeated_failures(world, settings):
    from django.utils import timezone

    from lantoa.monitoring import pipeline

    settings.MONITORING_DISABLE_AFTER = 4
    source = Source.objects.create(unit=world.unit, name="x", outlet="x", url="http://127.0.0.1:9/none",
                                   poll_minutes=10)
    delays = []
    for _ in range(4):
        before = timezone.now()
        pipeline.record_failure(source, code="timeout")
        delays.append((source.next_poll_at - before).total_seconds() / 60)
    assert [round(d) for d in delays[:3]] == [20, 40, 80]
    assert not source.is_active and "thời gian chờ" in source.disabled_reason
    # Re-enabling from the form resets the count and the reason.
    services.source_save(source=source, unit=world.unit, name="x", outlet="x", kind="press", format="manual")
    source.refresh_from_db()
    assert source.is_active and source.failure_count == 0 and not source.disabled_reason


class RebindingResolver:
    """A DNS answer that changes from one lookup of the same name to the next (DNS rebinding)."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.calls: list[str] = []

    def __call__(self, host: str) -> list[str]:
        self.calls.append(host)
        return self.answers[min(len(self.calls), len(self.answers)) - 1]


@pytest.mark.parametrize("public_lookups", [1, 2])
def test_dns_rebinding_refused(fixture_server, public_lookups):
    # Public for the checks, 127.0.0.1 from the next lookup on: with two public answers the flip happens at
    # the lookup that opens the connection, which therefore checks what it connects to. Nothing reaches
    # 127.0.0.1, nor the public address (the test never leaves the machine).
    resolver = RebindingResolver(*[["203.162.4.191"]] * public_lookups, ["127.0.0.1"])
    url = f"http://bao.example.vn:{fixture_server.port}/feeds/baophutho.rss"
    hits = fixture_server.hits["/feeds/baophutho.rss"]
    with pytest.raises(FetchError) as exc:
        fetcher(allow_loopback=False, respect_robots=False, resolver=resolver).get(url)
    assert exc.value.code == "private_address"
    assert len(resolver.calls) == public_lookups + 1
    assert fixture_server.hits["/feeds/baophutho.rss"] == hits


def test_connection_goes_to_the_checked_address_with_the_name_as_host(fixture_server):
    # The name exists only in this resolver: reaching the fixture server shows the connection went to the
    # address the resolver gave and the check passed, not to a second lookup by the system resolver.
    resolver = RebindingResolver(["127.0.0.1"])
    url = f"http://bao.example.vn:{fixture_server.port}/feeds/baophutho.rss"
    hits = fixture_server.hits["/feeds/baophutho.rss"]
    result = fetcher(respect_robots=False, resolver=resolver).get(url)
    assert result.status == 200 and b"<rss" in result.content
    assert fixture_server.hits["/feeds/baophutho.rss"] == hits + 1
    assert fixture_server.hosts[-1] == f"bao.example.vn:{fixture_server.port}"
