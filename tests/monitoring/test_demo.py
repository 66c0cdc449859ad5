from __future__ import annotations

import pytest

from lantoa.monitoring import demo
from lantoa.monitoring.models import Case, Item, Source, Watch


@pytest.mark.slow  # loads the 3,321 official areas
@pytest.mark.django_db
def test_demo_loads_twice_without_network(settings):
    from lantoa.areas.services import areas_load_official
    from lantoa.units import demo as units_demo

    areas_load_official()
    units_demo.load()
    settings.MONITORING_ALLOW_LOOPBACK = False  # nothing may be fetched
    first = demo.load()
    counts = (Source.objects.count(), Item.objects.count(), Watch.objects.count(), Case.objects.count())
    assert counts[1] == 9 and counts[3] == 1 and first
    assert Item.objects.filter(stage=Item.Stage.INDEXED).count() == 9
    story_sizes = sorted(Item.objects.exclude(kind="social").values_list("story__item_count", flat=True))
    assert story_sizes[-1] == 2  # the syndicated copies form stories
    demo.load()
    assert (Source.objects.count(), Item.objects.count(), Watch.objects.count(), Case.objects.count()) == counts
