"""Spike detection: today's count against a trailing baseline, in standard deviations."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Spike:
    today: int
    mean: float
    std: float
    z: float
    is_spike: bool


def detect(today: int, baseline: list[int], *, threshold: float = 3.0, min_count: int = 3) -> Spike:
    """``baseline`` holds the previous days' counts (oldest first).

    Counts of news items are small and bursty, so the standard deviation is floored at sqrt(mean) (a Poisson
    count's own spread) and at 1: a quiet topic going from 0 to 1 item is not a spike, and a topic with a
    flat baseline does not produce an infinite z. ``min_count`` keeps a handful of items from alerting.
    """
    n = len(baseline)
    mean = sum(baseline) / n if n else 0.0
    variance = sum((x - mean) ** 2 for x in baseline) / (n - 1) if n > 1 else 0.0
    std = max(math.sqrt(variance), math.sqrt(mean), 1.0)
    z = (today - mean) / std
    return Spike(today=today, mean=mean, std=std, z=z, is_spike=today >= min_count and z >= threshold)
