"""Word alignment helpers used by the benchmark and the channel builds."""

from __future__ import annotations

from lantoa.lib.vn.align import align, plausible_pair


def test_plausible_pairs_are_damage_of_one_word() -> None:
    assert plausible_pair("dbi", "đổi")
    assert plausible_pair("13", "là")  # digits read as letters
    assert plausible_pair("6", "độ")
    assert not plausible_pair("hoach", "định")  # two different words the alignment put side by side


def test_align_pairs_garbled_words() -> None:
    assert align(["chuyén", "dbi", "s6"], ["chuyển", "đổi", "số"]) == [(0, 0), (1, 1), (2, 2)]
