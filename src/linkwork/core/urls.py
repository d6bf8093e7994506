from django.urls import path

from linkwork.core import (
    account_policy,  # noqa: F401  (declares the account pages)
    account_views,
    site_policy,  # noqa: F401  (declares the site's own pages and signing in)
    views,
)

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("about-the-data/", views.about_data, name="about_data"),
    path("audit/", views.audit_log, name="audit_log"),
]

urlpatterns += [
    path("accounts/two-factor/", account_views.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/set-up/", account_views.two_factor_setup, name="two_factor_setup"),
    path(
        "accounts/two-factor/set-up/<str:uidb64>/<str:token>/",
        account_views.two_factor_enrol,
        name="two_factor_enrol",
    ),
    path("account/recovery-codes/", account_views.recovery_codes, name="recovery_codes"),
    path("account/api-tokens/", account_views.api_tokens, name="api_tokens"),
    path(
        "account/api-tokens/<int:pk>/revoke/",
        account_views.api_token_revoke,
        name="api_token_revoke",
    ),
]
