from django.contrib.auth import views as auth_views
from django.urls import include, path

from engagements import reauth
from engagements.plan import views as plan_views
from engagements.privacy import views as privacy_views
from engagements.views import accounts, company, health, twofactor

account_patterns = [
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/confirm/", reauth.password_confirm, name="password_confirm"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(email_template_name="registration/password_reset_email.txt"),
        name="password_reset",
    ),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("invitation/<str:token>/", accounts.invitation_accept_view, name="invitation_accept"),
    path("two-factor/", twofactor.two_factor_verify, name="two_factor_verify"),
    path("two-factor/setup/", twofactor.two_factor_setup, name="two_factor_setup"),
    path("security/", twofactor.account_security, name="account_security"),
    path("security/recovery-codes/", twofactor.recovery_codes_regenerate, name="recovery_codes_regenerate"),
    path("security/two-factor/off/", twofactor.two_factor_turn_off, name="two_factor_turn_off"),
    path("language/", accounts.set_language, name="set_language"),
]

company_patterns = [
    path("", company.company_home, name="company_home"),
    path("members/", company.members, name="members"),
    path("members/invite/", company.member_invite, name="member_invite"),
    path("members/<int:membership_id>/remove/", company.member_remove, name="member_remove"),
    path("members/<int:membership_id>/role/", company.member_role, name="member_role"),
    path("invitations/<int:invitation_id>/resend/", company.invitation_resend_view, name="invitation_resend"),
    path("invitations/<int:invitation_id>/revoke/", company.invitation_revoke_view, name="invitation_revoke"),
    path("settings/", company.company_settings, name="company_settings"),
    path("settings/privacy/", privacy_views.privacy_settings, name="privacy_settings"),
    path("inbox/", include("inbox.urls")),
    path("calendar/", include("contentdesk.urls")),
    path("engagement/", include("engagements.plan.urls")),
    path("engagement/budget/", include("engagements.budgets.urls")),
    path("engagement/schedule/", include("engagements.schedule.urls")),
    path("engagement/readiness/", include("engagements.readiness.urls")),
    path("engagement/handover/", include("engagements.handover.urls")),
    path("engagement/manual/", include("engagements.manual.urls")),
    path("engagement/reviews/", include("engagements.reviews.urls")),
    path("training/", include("training.urls")),
    path("activity/", include("activity.urls")),
    path("", include("reports.urls")),
]

urlpatterns = [
    path("", company.home, name="home"),
    path("companies/", company.company_picker, name="company_picker"),
    path("portfolio/", plan_views.portfolio, name="portfolio"),
    path("health/", health.health, name="health"),
    path("privacy/<slug:slug>/<str:language>/", privacy_views.privacy_notice, name="privacy_notice"),
    path("in/chat/", include("inbox.chat.urls_public")),
    path("in/", include("inbox.intake.urls")),
    path("nl/", include("contentdesk.newsletter.urls_public")),
    path("feeds/", include("contentdesk.publishing.urls_public")),
    path("accounts/", include(account_patterns)),
    path("c/<slug:company_slug>/", include(company_patterns)),
]
