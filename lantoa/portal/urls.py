from django.urls import path

from lantoa.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("chien-dich/<slug:slug>/", views.campaign, name="campaign"),
    path("huong-dan/<slug:slug>/", views.guide, name="guide"),
    path("mo-hinh-hay/", views.practices, name="practices"),
    path("hoi-dap/", views.ask_view, name="ask"),
    path("hoi-dap/<int:pk>/danh-gia/", views.answer_feedback, name="answer_feedback"),
    path("gui-y-kien/", views.feedback, name="feedback"),
    path("y-kien/<str:code>/", views.feedback_status, name="feedback_status"),
    # Staff
    path("quan-ly/y-kien/", views.feedback_inbox, name="feedback_inbox"),
    path("quan-ly/y-kien/<int:pk>/", views.feedback_detail, name="feedback_detail"),
    path("quan-ly/y-kien-theo-dia-ban/", views.feedback_stats, name="feedback_stats"),
    path("quan-ly/", views.manage, name="manage"),
]
