from __future__ import annotations

import pytest

from lantoa.lib.monitoring.query import (
    And,
    Near,
    Not,
    Or,
    QueryError,
    Term,
    highlight_terms,
    matches,
    parse,
    to_fts5,
    to_tsquery,
)

TEXT = "Xã Thanh Thủy đẩy mạnh Chuyển đổi số: người dân được hướng dẫn cài đặt VNeID và dịch vụ công trực tuyến."


@pytest.mark.parametrize("query", [
    "chuyen doi so", '"chuyen doi so"', '"Chuyển Đổi Số"', "Thuỷ", "thanh thuy", '"thanh thuỷ"', "vneid",
    '"dich vu cong" NEAR/3 "truc tuyen"', "vneid AND NOT \"lua dao\"", "(lua OR vneid) AND \"chuyen doi\"",
    "vneid -lừa", "DỊCH VỤ", "đẩy mạnh",
])
def test_matches(query):
    assert matches(parse(query), TEXT)


@pytest.mark.parametrize("query", [
    '"so chuyen doi"', "vneid AND lừa", "NOT vneid", '"cai dat" NEAR/2 "truc tuyen"', "thanh hoa",
    '"thanh thuy" NEAR/1 vneid',
])
def test_does_not_match(query):
    assert not matches(parse(query), TEXT)


def test_old_and_new_tone_placement_fold_together():
    assert matches(parse("Hoà Bình"), "xã Hòa Bình") and matches(parse("Hòa"), "HOÀ")
    assert matches(parse("Thủy"), "Thanh Thuỷ") and matches(parse("Thuỷ"), "Thanh Thủy")


def test_lowercase_words_are_not_operators():
    node = parse("and or và hoặc")
    assert isinstance(node, And) and all(isinstance(p, Term) for p in node.parts)


def test_tree_shapes():
    assert parse('"a b" OR c') == Or((Term(("a", "b")), Term(("c",))))
    assert parse("a NOT b") == And((Term(("a",)), Not(Term(("b",)))))
    assert parse("a NEAR/4 b") == Near(Term(("a",)), Term(("b",)), 4)


@pytest.mark.parametrize("bad", ["", "   ", "(a OR b", "a NEAR/x b", "(a OR b) NEAR c", "OR", '""'])
def test_errors_are_query_errors(bad):
    with pytest.raises(QueryError):
        parse(bad)


def test_fts5_compilation():
    assert to_fts5(parse("chuyen doi so")) == '("chuyen" AND "doi" AND "so")'
    assert to_fts5(parse('vneid NOT "lua dao"')) == '(("vneid") NOT "lua dao")'
    assert to_fts5(parse('"a b" NEAR/5 c')) == 'NEAR("a b" "c", 5)'
    assert to_fts5(parse("NOT vneid")) is None


def test_tsquery_compilation():
    assert to_tsquery(parse('"chuyển đổi số" OR vneid')) == "((chuyen <-> doi <-> so) | vneid)"
    assert to_tsquery(parse("a -b")) == "(a & !(b))"
    near = to_tsquery(parse("a NEAR/1 b"))
    assert "(a <1> b)" in near and "(b <2> a)" in near and "<3>" not in near


def test_highlight_terms_skip_negations():
    assert highlight_terms(parse('vneid NOT "lua dao" OR "cong an"')) == [("vneid",), ("cong", "an")]
