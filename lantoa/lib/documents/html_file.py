"""Saved web pages (legal-document portals, news sites): HTML to plain text with lines.

Block elements become line breaks and table cells are joined with " | ", which is the
shape the header parser reads ("Số hiệu: 15-KH/TU | Loại văn bản: Kế hoạch").
"""

from __future__ import annotations

import re

from .errors import document_error

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "ul",
    "ol",
    "hr",
}
_DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "form", "nav")


def looks_like_html(head: bytes) -> bool:
    start = head[:2048].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:512]


def html_to_text(data: bytes) -> str:
    from lxml import etree, html

    from .text_file import decode_text

    # Decode first: without a <meta charset> lxml would read UTF-8 bytes as Latin-1.
    source, _ = decode_text(data)
    try:
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
        root = html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise document_error("undecodable") from exc
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    out: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("td", "th"):
            cell = " ".join(" ".join(element.itertext()).split())
            out.append(cell + " | ")
        else:
            if tag in _BLOCKS:
                out.append("\n")
            if element.text:
                out.append(element.text)
            for child in element:
                walk(child)
            if tag in _BLOCKS:
                out.append("\n")
        if element.tail:
            out.append(element.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    text = "".join(out)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip().rstrip("|").strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
