"""The process-wide fetcher, built from settings; tests swap it with ``set_fetcher`` or settings."""

from __future__ import annotations

import threading

from django.utils.translation import gettext_lazy as _

from lantoa.lib.monitoring.fetch import Fetcher
from lantoa.monitoring import conf

_lock = threading.Lock()
_fetcher: Fetcher | None = None
_key: tuple[object, ...] | None = None


def _settings_key() -> tuple[object, ...]:
    return tuple(conf.get(n) for n in (
        "MONITORING_ALLOW_LOOPBACK", "MONITORING_MAX_BYTES", "MONITORING_TIMEOUT", "MONITORING_POLITENESS_SECONDS",
        "MONITORING_RESPECT_ROBOTS",
    ))


def get_fetcher() -> Fetcher:
    """One fetcher per process (it holds the politeness clock and the robots cache); rebuilt on settings change."""
    global _fetcher, _key
    key = _settings_key()
    with _lock:
        if _fetcher is None or key != _key:
            allow_loopback, max_bytes, timeout, politeness, robots = key
            _fetcher = Fetcher(
                allow_loopback=bool(allow_loopback), max_bytes=int(str(max_bytes)), timeout=float(str(timeout)),
                politeness_seconds=float(str(politeness)), respect_robots=bool(robots),
            )
            _key = key
        return _fetcher


def set_fetcher(fetcher: Fetcher | None) -> None:
    global _fetcher, _key
    with _lock:
        _fetcher = fetcher
        _key = _settings_key() if fetcher else None


# Stable error codes from lantoa.lib.monitoring → what an officer reads on the source page.
ERROR_MESSAGES = {
    "scheme": _("Địa chỉ không hợp lệ: chỉ chấp nhận http:// hoặc https://."),
    "private_address": _("Từ chối truy cập: địa chỉ trỏ vào mạng nội bộ hoặc máy cục bộ (chống SSRF)."),
    "dns": _("Không tìm thấy tên miền."),
    "robots": _("Trang này không cho phép thu thập tự động (robots.txt)."),
    "http_status": _("Máy chủ trả về lỗi HTTP."),
    "timeout": _("Quá thời gian chờ phản hồi từ máy chủ."),
    "network": _("Lỗi kết nối mạng."),
    "too_large": _("Nội dung quá lớn, vượt giới hạn cho phép nên không tải."),
    "redirect_loop": _("Trang chuyển hướng vòng lặp, không thể tải."),
    "too_many_redirects": _("Trang chuyển hướng quá nhiều lần."),
    "not_feed": _("Nội dung không phải RSS/Atom hợp lệ."),
    "not_sitemap": _("Nội dung không phải sơ đồ trang (sitemap) hợp lệ."),
    "bad_html": _("Trang HTML hỏng, không đọc được."),
    "empty": _("Trang không có nội dung."),
    "no_text": _("Không tách được nội dung bài viết (trang hỏng hoặc không phải bài báo)."),
    "bad_export": _("Tệp xuất không đọc được (cần CSV hoặc JSON)."),
    "no_url": _("Nguồn chưa có địa chỉ."),
}


def error_message(code: str, detail: str = "") -> str:
    message = str(ERROR_MESSAGES.get(code, _("Lỗi không xác định.")))
    return f"{message} ({detail})" if detail else message
