"""Evidence auto-fill: suggested values for a report's period, each with the records behind it.

Other apps register providers here instead of this app importing them, so reporting works whether or not the
plans or monitoring apps are present:

    from lantoa.reports.evidence import register_provider
    register_provider("monitoring", my_provider)

A provider receives the unit, the period and the indicators and returns ``Suggestion``s for the indicators
whose ``evidence_key`` it understands (keys are "<provider>:<what>", e.g. "activity:article").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from lantoa.reports.models import Indicator, Report
from lantoa.units.models import Unit

log = logging.getLogger(__name__)


@dataclass
class EvidenceRecord:
    label: str
    url: str = ""
    date: dt.date | None = None


@dataclass
class Suggestion:
    indicator_code: str
    value: Decimal
    source: str
    records: list[EvidenceRecord] = field(default_factory=list)


Provider = Callable[[Unit, dt.date, dt.date, list[Indicator]], list[Suggestion]]
_PROVIDERS: dict[str, Provider] = {}


def register_provider(name: str, provider: Provider) -> None:
    """Register (or replace) the provider for evidence keys starting with ``name:``."""
    _PROVIDERS[name] = provider


def unregister_provider(name: str) -> None:
    _PROVIDERS.pop(name, None)


def providers() -> dict[str, Provider]:
    return dict(_PROVIDERS)


def suggestions_for(report: Report) -> dict[str, Suggestion]:
    """Every provider's suggestions for the report's indicators; a failing provider is logged and skipped so
    a broken optional app never blocks a report."""
    indicators = [i for i in report.request.form_version.indicators.all() if i.evidence_key]
    out: dict[str, Suggestion] = {}
    for name, provider in _PROVIDERS.items():
        wanted = [i for i in indicators if i.evidence_key.split(":", 1)[0] == name]
        if not wanted:
            continue
        try:
            found = provider(report.unit, report.request.period_start, report.request.period_end, wanted)
        except Exception:  # a provider is another app's code: isolate its failures
            log.exception("evidence provider %s failed", name)
            continue
        for suggestion in found:
            out.setdefault(suggestion.indicator_code, suggestion)
    return out
