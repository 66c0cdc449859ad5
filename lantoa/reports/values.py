"""Parsing and checking entered values: one place for the Vietnamese error messages of every input path
(web form, XLSX upload). Pure functions over indicators; nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from lantoa.reports.models import Aggregation, Indicator, ValueType

YES_WORDS = {"co", "có", "x", "yes", "y", "1", "true", "đã", "da"}
NO_WORDS = {"khong", "không", "no", "n", "0", "false", "chua", "chưa"}
MAX_NUMBER = Decimal("1e13")


@dataclass
class ParsedValues:
    numbers: dict[str, Decimal | None] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def is_entered(indicator: Indicator) -> bool:
    """Ratio indicators are computed from their numerator and denominator, never typed in."""
    return indicator.aggregation != Aggregation.RATIO


def parse_one(indicator: Indicator, raw: object) -> tuple[Decimal | str | None, str | None]:
    """(value, error). Blank is allowed (not reported yet); the error says what is wrong in Vietnamese."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        raw = "1" if raw else "0"
    text = str(raw).strip()
    if indicator.value_type == ValueType.TEXT:
        return text, None
    if text == "":
        return None, None
    if indicator.value_type == ValueType.YESNO:
        word = text.lower()
        if word in YES_WORDS:
            return Decimal(1), None
        if word in NO_WORDS:
            return Decimal(0), None
        return None, _("“%(value)s” không phải Có/Không.") % {"value": text[:40]}
    cleaned = text.replace(" ", "").rstrip("%")
    # Vietnamese writes 1.234,5; accept a plain 1234.5 too. A dot followed by exactly three digits groups.
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") >= 1 and all(len(part) == 3 for part in cleaned.split(".")[1:]) and (
        indicator.value_type == ValueType.INTEGER
    ):
        cleaned = cleaned.replace(".", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None, _("“%(value)s” không phải là số.") % {"value": text[:40]}
    if not number.is_finite() or abs(number) >= MAX_NUMBER:
        return None, _("Số quá lớn.")
    if number < 0:
        return None, _("Không được nhập số âm.")
    if indicator.value_type == ValueType.INTEGER and number != number.to_integral_value():
        return None, _("Chỉ tiêu này phải là số nguyên.")
    if indicator.value_type == ValueType.PERCENT and number > 100:
        return None, _("Tỷ lệ phần trăm không được vượt quá 100.")
    return number.quantize(Decimal("0.0001")), None


def parse_values(indicators: list[Indicator], raw: dict[str, object]) -> ParsedValues:
    """Parse every entered indicator of a version from ``raw`` (code → input); missing codes stay blank."""
    parsed = ParsedValues()
    for indicator in indicators:
        if not is_entered(indicator):
            continue
        value, error = parse_one(indicator, raw.get(indicator.code))
        if error:
            parsed.errors[indicator.code] = error
        elif indicator.value_type == ValueType.TEXT:
            parsed.texts[indicator.code] = str(value or "")
        else:
            parsed.numbers[indicator.code] = value  # type: ignore[assignment]
    return parsed


def computed_ratios(indicators: list[Indicator], numbers: dict[str, Decimal | None]) -> dict[str, Decimal | None]:
    """A report's own ratio indicators, as a percentage of numerator over denominator."""
    out: dict[str, Decimal | None] = {}
    for indicator in indicators:
        if indicator.aggregation != Aggregation.RATIO:
            continue
        num, den = numbers.get(indicator.numerator), numbers.get(indicator.denominator)
        out[indicator.code] = ratio(num, den, percent=indicator.value_type == ValueType.PERCENT)
    return out


def ratio(num: Decimal | float | None, den: Decimal | float | None, *, percent: bool) -> Decimal | None:
    if num is None or not den:
        return None
    value = Decimal(str(num)) / Decimal(str(den)) * (100 if percent else 1)
    return value.quantize(Decimal("0.01"))
