from django.urls import URLPattern, URLResolver, path

from linkwork.core import policy
from linkwork.network.views import discussions, events, members, resources

app_name = "network"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", members.home, name="home"),
    path("members/", members.member_list, name="member_list"),
    path("members/me/", members.my_profile, name="my_profile"),
    path("members/me/renew-feed/", members.renew_feed, name="renew_feed"),
    path("members/<int:pk>/", members.member_detail, name="member_detail"),
    path("resources/", resources.resource_list, name="resource_list"),
    path("resources/new/", resources.resource_new, name="resource_new"),
    path("resources/<int:pk>/", resources.resource_detail, name="resource_detail"),
    path("resources/<int:pk>/publish/", resources.resource_publish, name="resource_publish"),
    path("resources/<int:pk>/versions/new/", resources.version_new, name="version_new"),
    path("resources/<int:pk>/download/", resources.resource_download, name="resource_download"),
    path(
        "resources/<int:pk>/versions/<int:number>/download/",
        resources.resource_download,
        name="version_download",
    ),
    path("events/", events.event_list, name="event_list"),
    path("events/new/", events.event_new, name="event_new"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/register/", events.event_register, name="event_register"),
    path("events/<int:pk>/cancel/", events.event_cancel, name="event_cancel"),
    path("events/<int:pk>/attendance/", events.event_attendance, name="event_attendance"),
    path("events/<int:pk>/calendar.ics", events.event_ics, name="event_ics"),
    path("calendar/<str:token>.ics", events.personal_feed, name="personal_feed"),
    path("discussions/", discussions.topic_list, name="topic_list"),
    path("discussions/new/", discussions.topic_new, name="topic_new"),
    path("discussions/flagged/", discussions.flagged_posts, name="flagged_posts"),
    path("discussions/<int:pk>/", discussions.topic_detail, name="topic_detail"),
    path("discussions/<int:pk>/moderate/", discussions.topic_moderate, name="topic_moderate"),
    path("posts/<int:pk>/moderate/", discussions.post_moderate, name="post_moderate"),
    path("case-studies/", discussions.case_study_list, name="case_study_list"),
    path("case-studies/new/", discussions.case_study_new, name="case_study_new"),
]

# Who may open each page is read off its view's decorator; the calendar feed is reached by
# calendar apps with the member's secret token instead of a session.
policy.declare_urls({"network:personal_feed": "network.calendar_feed"})
policy.declare_view_actions(app_name, urlpatterns)
