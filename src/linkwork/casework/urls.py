from django.urls import path

from linkwork.casework.views import (
    cases,
    concern_decisions,
    easy_read,
    find_person,
    letters,
    links,
    oversight,
    practice_letters,
    records,
    referrals,
    worklists,
)

app_name = "casework"
urlpatterns = [
    path("refer/", referrals.referral_new, name="referral_new"),
    path(
        "casework/referrals/agency/new/",
        referrals.agency_referral_new,
        name="agency_referral_new",
    ),
    path("refer/sent/", referrals.practice_referrals, name="practice_referrals"),
    path("refer/sent/<int:pk>/letter/", practice_letters.practice_letter, name="practice_letter"),
    path(
        "refer/sent/<int:pk>/letter.pdf",
        practice_letters.practice_letter_pdf,
        name="practice_letter_pdf",
    ),
    path("ask-for-a-link-worker/", referrals.self_referral, name="self_referral"),
    path(
        "ask-for-a-link-worker/thank-you/", referrals.self_referral_done, name="self_referral_done"
    ),
    path(
        "ask-for-a-link-worker/easy-read/",
        easy_read.self_referral_easy_read,
        name="self_referral_easy_read",
    ),
    path("casework/", cases.caseload, name="caseload"),
    path("casework/my-cases/", worklists.my_case_list, name="my_cases"),
    path("casework/find/", find_person.find_person, name="find_person"),
    path("casework/oversight/", oversight.oversight, name="oversight"),
    path(
        "casework/oversight/workers/<int:worker_id>/",
        oversight.worker_cases,
        name="oversight_worker",
    ),
    path(
        "casework/oversight/cases/<int:pk>/reallocate/",
        oversight.reallocate,
        name="reallocate",
    ),
    path("casework/triage/", referrals.triage, name="triage"),
    path("casework/triage/<int:pk>/", referrals.triage_case, name="triage_case"),
    path("casework/people/<int:pk>/", cases.person_detail, name="person_detail"),
    path("casework/people/<int:pk>/edit/", cases.person_edit, name="person_edit"),
    path("casework/people/<int:pk>/merge/", cases.person_merge, name="person_merge"),
    path("casework/people/<int:person_id>/consent/", records.consent_new, name="consent_new"),
    path("casework/people/<int:person_id>/concerns/new/", records.concern_new, name="concern_new"),
    path("casework/people/<int:person_id>/household/", records.household_new, name="household_new"),
    path(
        "casework/people/<int:person_id>/concerns/<int:concern_id>/close/",
        records.concern_close,
        name="concern_close",
    ),
    path(
        "casework/people/<int:person_id>/concerns/<int:concern_id>/keep-open/",
        concern_decisions.keep_open,
        name="concern_keep_open",
    ),
    path("casework/cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("casework/cases/<int:pk>/status/", cases.case_transition, name="case_transition"),
    path("casework/cases/<int:pk>/encounters/new/", records.encounter_new, name="encounter_new"),
    path(
        "casework/cases/<int:pk>/what-matters/new/",
        records.what_matters_new,
        name="what_matters_new",
    ),
    path("casework/cases/<int:pk>/goals/new/", records.goal_new, name="goal_new"),
    path("casework/cases/<int:pk>/goals/<int:goal_id>/rate/", records.goal_rate, name="goal_rate"),
    path(
        "casework/cases/<int:pk>/goals/<int:goal_id>/status/",
        records.goal_status,
        name="goal_status",
    ),
    path("casework/cases/<int:pk>/services/", links.find_services, name="find_services"),
    path("casework/cases/<int:pk>/links/<int:link_id>/", links.link_update, name="link_update"),
    path("casework/cases/<int:pk>/discharge/", records.discharge_new, name="discharge_new"),
    path("casework/cases/<int:pk>/letter/", letters.discharge_letter, name="discharge_letter"),
    path(
        "casework/cases/<int:pk>/letter.pdf",
        letters.discharge_letter_pdf,
        name="discharge_letter_pdf",
    ),
    path("portal/", links.portal, name="portal"),
    path("portal/referrals/<int:link_id>/", links.portal_link, name="portal_link"),
]
