from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("lantoa.web.urls")),
    path("tai-khoan/", include("lantoa.accounts.urls")),
    path("don-vi/", include("lantoa.units.urls")),
    path("thong-bao/", include("lantoa.notifications.urls")),
    path("lich-su/", include("lantoa.audit.urls")),
    path("ke-hoach/", include("lantoa.plans.urls")),
    path("bao-cao/", include("lantoa.reports.urls")),
    path("nhap-van-ban/", include("lantoa.intake.urls")),
    path("theo-doi/", include("lantoa.monitoring.urls")),
    path("hoi-dap/", include("lantoa.assistant.urls")),
    path("cong-thong-tin/", include("lantoa.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
