"""Walks every named URL with anonymous, owner, supervisor, sibling and outsider users.

A view added without a case here fails ``test_every_url_has_a_case``; a case whose view forgets its access
check fails ``test_matrix`` because a sibling or outsider gets the page.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import matrix_cases
from tests.matrix import USERS, Case

# Framework URLs with their own protection: the Django admin and the language switch.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language"}


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for module_info in pkgutil.iter_modules(matrix_cases.__path__):
        module = importlib.import_module(f"{matrix_cases.__name__}.{module_info.name}")
        cases.extend(getattr(module, "CASES", []))
    return cases


def project_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[object], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or namespace
                if ns in SKIPPED_NAMESPACES:
                    continue
                full = ":".join(p for p in (namespace, pattern.namespace) if p) or None
                walk(pattern.url_patterns, full)
            elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in SKIPPED_NAMES:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_has_a_case() -> None:
    declared = [c.url_name for c in all_cases()]
    missing = project_url_names() - set(declared)
    assert not missing, f"URL chưa có trong ma trận phân quyền (thêm vào tests/matrix_cases/): {sorted(missing)}"
    stale = set(declared) - project_url_names()
    assert not stale, f"Ma trận nhắc tới URL không còn tồn tại: {sorted(stale)}"


@pytest.mark.parametrize("case", all_cases(), ids=lambda c: c.url_name)
def test_matrix(case: Case, world: object) -> None:
    kwargs = case.kwargs(world) if case.kwargs else {}
    url = reverse(case.url_name, kwargs=kwargs)
    for who in ("anonymous", *USERS):
        client = world.client(who)  # type: ignore[attr-defined]
        data = case.data(world) if case.data else {}
        response = getattr(client, case.method)(url, data)
        if who == "anonymous":
            if case.public:
                assert response.status_code in case.ok_status, f"{url}: khách vãng lai nhận {response.status_code}"
            else:
                assert response.status_code == 302 and "/dang-nhap/" in response["Location"], (
                    f"{url}: khách vãng lai phải được chuyển tới trang đăng nhập, nhận {response.status_code}"
                )
            continue
        if who in case.allowed:
            assert response.status_code in case.ok_status, f"{url}: {who} phải được phép, nhận {response.status_code}"
        else:
            assert response.status_code in (403, 404), f"{url}: {who} không được phép, nhận {response.status_code}"
