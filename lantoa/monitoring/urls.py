from django.urls import path

from lantoa.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("xuat/xlsx/", views.export_xlsx, name="export_xlsx"),
    path("xuat/docx/", views.export_docx, name="export_docx"),
    path("tim-kiem/", views.search, name="search"),
    path("api/tin/", views.api_items, name="api_items"),
    path("tin/<int:pk>/", views.item_detail, name="item"),
    path("chuoi-tin/<int:pk>/", views.story_detail, name="story"),
    path("chuoi-tin/<int:pk>/mo-vu-viec/", views.case_new, name="case_new"),
    path("nguon/", views.source_list, name="sources"),
    path("nguon/them/", views.source_new, name="source_new"),
    path("nguon/<int:pk>/", views.source_detail, name="source"),
    path("nguon/<int:pk>/lay-tin/", views.source_fetch, name="source_fetch"),
    path("nguon/<int:pk>/nhap-tep/", views.source_import, name="source_import"),
    path("nguon/<int:pk>/them-tin/", views.item_new, name="item_new"),
    path("chu-de/", views.watch_list, name="watches"),
    path("chu-de/them/", views.watch_new, name="watch_new"),
    path("chu-de/<int:pk>/", views.watch_detail, name="watch"),
    path("vu-viec/", views.case_list, name="cases"),
    path("vu-viec/<int:pk>/", views.case_detail, name="case"),
    path("vu-viec/<int:pk>/trang-thai/", views.case_transition, name="case_transition"),
]
