"""The permission matrix: every named URL of the project must have a case here.

Each app adds a module under tests/matrix_cases/ with ``CASES: list[Case]``. ``kwargs`` builds the URL
arguments from the test world (creating the objects it needs); ``allowed`` names the users who get the page
(status ``ok_status``); everyone else logged in gets 403 or 404, anonymous users go to the login page
unless the case is ``public``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

USERS = ("owner", "supervisor", "sibling", "outsider")


@dataclass(frozen=True)
class Case:
    url_name: str
    allowed: frozenset[str] | set[str] = field(default_factory=frozenset)
    kwargs: Callable[[Any], dict[str, Any]] | None = None
    public: bool = False
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    ok_status: tuple[int, ...] = (200,)
    # Some URLs are the same page for any logged-in user (their own notifications, password change).
    any_staff: bool = False


EVERYONE = frozenset(USERS)
