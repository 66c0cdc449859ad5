from django.urls import path

from lantoa.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("tong-hop/", views.dashboard, name="dashboard"),
    path("tong-hop/xlsx/", views.pivot, name="pivot"),
    path("danh-sach/", views.report_list, name="report_list"),
    path("yeu-cau/moi/", views.request_create, name="request_create"),
    path("yeu-cau/<int:pk>/", views.request_detail, name="request"),
    path("yeu-cau/<int:pk>/dong-mo/", views.request_toggle, name="request_toggle"),
    path("<int:pk>/", views.report_detail, name="report"),
    path("<int:pk>/sua/", views.report_edit, name="edit"),
    path("<int:pk>/duyet/", views.report_accept, name="accept"),
    path("<int:pk>/tra-lai/", views.report_return, name="return"),
    path("<int:pk>/docx/", views.report_docx_view, name="docx"),
    path("<int:pk>/mau-xlsx/", views.report_template, name="template"),
    path("<int:pk>/nhap-xlsx/", views.report_upload, name="upload"),
    path("tep/<int:pk>/", views.attachment, name="attachment"),
    path("bieu-mau/<int:pk>/", views.form_detail, name="form"),
]
