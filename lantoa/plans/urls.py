from django.urls import path

from lantoa.plans import views, views_work

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("tao/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/muc/<slug:kind>/them/", views.item_add, name="item_add"),
    path("<int:pk>/muc/<slug:kind>/<int:item_pk>/sua/", views.item_edit, name="item_edit"),
    path("<int:pk>/muc/<slug:kind>/<int:item_pk>/xoa/", views.item_delete, name="item_delete"),
    path("<int:pk>/muc/<slug:kind>/<int:item_pk>/chuyen/", views.item_move, name="item_move"),
    path("<int:pk>/ban-hanh/", views.plan_issue, name="issue"),
    path("<int:pk>/ket-thuc/", views.plan_close, name="close"),
    path("<int:pk>/thuc-hien/", views.plan_implement, name="implement"),
    path("<int:pk>/cay/", views.plan_tree_view, name="tree"),
    path("<int:pk>/tuan-thu/", views.plan_compliance_view, name="compliance"),
    path("<int:pk>/tuan-thu/quy-tac/", views.expectation_add, name="expectation_add"),
    path("<int:pk>/docx/", views.plan_export_docx, name="docx"),
    path("<int:pk>/tep/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/tep/<int:att_pk>/", views.attachment_download, name="attachment"),
    path("nhiem-vu/", views_work.duties, name="duties"),
    path("nhiem-vu/<int:pk>/", views_work.assignment_report, name="assignment_report"),
    path("hoat-dong/", views_work.activity_list, name="activities"),
    path("hoat-dong/ghi/", views_work.activity_create, name="activity_create"),
    path("hoat-dong/nhap/", views_work.activity_import, name="activity_import"),
    path("hoat-dong/mau.xlsx", views_work.activity_template, name="activity_template"),
    path("hoat-dong/<int:pk>/", views_work.activity_detail, name="activity"),
    path("hoat-dong/<int:pk>/tep/", views_work.activity_file, name="activity_file"),
    path("hoat-dong/<int:pk>/chia-se/", views_work.activity_share, name="activity_share"),
    path("thu-vien/", views_work.library, name="library"),
]
