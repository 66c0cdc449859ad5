"""Extraction: feeds, sitemaps, section pages, article pages and social-page exports.

Author fields are dropped at this boundary on purpose (product rule "content, never people"): no entry type
below has a field that could carry a person's name, and social handles leave as salted hashes only.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lantoa.lib.monitoring.decode import decode_bytes


class ExtractError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass
class Entry:
    """One publication found in a feed, sitemap, section page or export. No author, by design."""

    url: str
    title: str = ""
    summary: str = ""
    published: datetime | None = None
    reach: int = 0
    handle_hash: str = ""


@dataclass
class Article:
    title: str
    text: str
    published: datetime | None


_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def strip_html(text: str) -> str:
    import html

    return _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", text or ""))).strip()


def _parse_date(value: object) -> datetime | None:
    if not value:
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(float(value), tz=UTC)
    text = str(value).strip()
    for parser in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            parsed = parser(text.replace("Z", "+00:00") if parser is datetime.fromisoformat else text)
        except (TypeError, ValueError, IndexError):
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%m/%d/%Y %H:%M"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


# -- feeds ------------------------------------------------------------------------------------------
def parse_feed(content: bytes, *, base_url: str, content_type: str = "") -> tuple[list[Entry], str]:
    """Entries and a warning (non-empty when the feed was malformed but still yielded entries)."""
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-type": content_type or "application/xml"})
    entries: list[Entry] = []
    for raw in parsed.entries:
        link = raw.get("link") or raw.get("id") or ""
        if not link:
            continue
        stamp = raw.get("published_parsed") or raw.get("updated_parsed")
        published = datetime(*stamp[:6]).replace(tzinfo=UTC) if stamp else _parse_date(raw.get("published"))
        # raw["author"], raw["authors"], raw["author_detail"] are deliberately never read.
        entries.append(
            Entry(
                url=urljoin(base_url, link.strip()),
                title=strip_html(raw.get("title", ""))[:500],
                summary=strip_html(raw.get("summary", ""))[:4000],
                published=published,
            )
        )
    # An HTML error page parses "successfully" as a feed of nothing: no version means it was not a feed.
    if not entries and (parsed.bozo or not parsed.get("version")):
        raise ExtractError("not_feed", str(parsed.get("bozo_exception", ""))[:200])
    warning = str(parsed.get("bozo_exception", ""))[:200] if parsed.bozo else ""
    return entries, warning


# -- sitemaps and section pages ----------------------------------------------------------------------
def parse_sitemap(content: bytes) -> list[Entry]:
    from lxml import etree

    try:
        root = etree.fromstring(
            content, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError as exc:
        raise ExtractError("not_sitemap", str(exc)[:200]) from exc
    entries = []
    for node in root.iter("{*}url"):
        loc = node.findtext("{*}loc")
        if loc:
            news_title = node.findtext(".//{*}title") or ""
            date = node.findtext(".//{*}publication_date") or node.findtext("{*}lastmod")
            entries.append(Entry(url=loc.strip(), title=news_title.strip(), published=_parse_date(date)))
    return entries


_ARTICLE_PATH = re.compile(r"(\d{5,}|\.html?$|/\d{4}/\d{2}/|-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+)", re.IGNORECASE)


def parse_section(content: bytes, *, base_url: str, content_type: str = "") -> list[Entry]:
    """Article links on a news section page: same host, article-looking paths, each once."""
    from lxml import html as lxml_html

    text, _ = decode_bytes(content, content_type)
    try:
        tree = lxml_html.fromstring(text)
    except Exception as exc:  # lxml raises several unrelated types for hopeless input
        raise ExtractError("bad_html", str(exc)[:200]) from exc
    host = urlsplit(base_url).netloc
    seen: set[str] = set()
    entries = []
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href:
            continue
        url = urljoin(base_url, href).split("#")[0]
        parts = urlsplit(url)
        if parts.netloc != host or url in seen or not _ARTICLE_PATH.search(parts.path):
            continue
        seen.add(url)
        entries.append(Entry(url=url, title=_SPACES.sub(" ", anchor.text_content()).strip()[:500]))
    return entries


# -- article pages -------------------------------------------------------------------------------------
def extract_article(content: bytes | str, *, url: str = "", content_type: str = "") -> Article:
    """Title, main text and date of a news page (trafilatura). Authors are not requested."""
    import trafilatura

    text = content if isinstance(content, str) else decode_bytes(content, content_type)[0]
    # No regex pre-pass over <script>/<style>: lxml skips their bodies almost for free and trafilatura drops
    # them anyway, so stripping them first cost ~1.3 ms a 200 KB page (CPU) and saved trafilatura nothing.
    if not text or text.isspace():  # strip() would copy the whole page to answer the same question
        raise ExtractError("empty", url)
    document = trafilatura.bare_extraction(
        text,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    # trafilatura 2 returns a Document; older versions (and as_dict) a dict: read both the same way.
    fields: dict[str, object] = (
        document if isinstance(document, dict)
        else {k: getattr(document, k, None) for k in ("text", "date", "title")} if document is not None else {}
    )
    body = str(fields.get("text") or "").strip()
    if not body:
        raise ExtractError("no_text", url)
    date = fields.get("date")
    title = str(fields.get("title") or "").strip()[:500]
    return Article(title=title, text=body, published=_parse_date(date) if date else None)


# -- social-page exports -------------------------------------------------------------------------------
def hash_handle(handle: str, *, salt: str) -> str:
    """A salted keyed hash: equal handles dedup, but the handle cannot be read back or looked up."""
    key = handle.strip().lower().lstrip("@")
    if not key:
        return ""
    return hmac.new(salt.encode(), key.encode(), hashlib.sha256).hexdigest()[:32]


# Column names as page-management tools export them (Meta Business Suite, Zalo OA, in-house sheets).
_TEXT_KEYS = ("message", "description", "text", "content", "noi dung", "nội dung", "post message", "caption")
_URL_KEYS = ("permalink", "url", "link", "post url", "đường dẫn", "duong dan")
_DATE_KEYS = ("publish time", "created_time", "created time", "date", "published", "thời gian", "thoi gian", "ngày")
_REACH_KEYS = ("reach", "post reach", "impressions", "views", "lượt tiếp cận", "luot tiep can", "tiep can")
_HANDLE_KEYS = ("page name", "author", "handle", "username", "from", "account", "tài khoản", "tai khoan")


def _pick(row: dict[str, object], keys: tuple[str, ...]) -> object:
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for key in keys:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def _to_int(value: object) -> int:
    digits = re.sub(r"[^\d]", "", str(value or ""))
    return int(digits) if digits else 0


def parse_social_export(content: bytes, *, filename: str, salt: str, platform: str = "social") -> list[Entry]:
    """Rows of a CSV or JSON export. Handle columns are hashed; every other personal column is ignored."""
    text, _ = decode_bytes(content)
    rows: list[dict[str, object]]
    if filename.lower().endswith(".json") or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ExtractError("bad_export", str(exc)[:200]) from exc
        if isinstance(data, dict):
            data = data.get("data") or data.get("posts") or data.get("items") or []
        rows = [r for r in data if isinstance(r, dict)]
    else:
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    entries = []
    for row in rows:
        body = strip_html(str(_pick(row, _TEXT_KEYS) or ""))
        if not body:
            continue
        url = str(_pick(row, _URL_KEYS) or "").strip()
        handle = str(_pick(row, _HANDLE_KEYS) or "")
        if not url:
            # Posts without a permalink get a stable synthetic address from their content, for dedup only.
            digest = hashlib.sha256(f"{handle}|{body}".encode()).hexdigest()[:24]
            url = f"urn:lantoa:{platform}:{digest}"
        entries.append(
            Entry(
                url=url,
                title=body[:120],
                summary=body[:8000],
                published=_parse_date(_pick(row, _DATE_KEYS)),
                reach=_to_int(_pick(row, _REACH_KEYS)),
                handle_hash=hash_handle(handle, salt=salt),
            )
        )
    return entries
