"""The responsibilities an engagement usually hands over, in the order they usually move."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# (name, description, competency codes, budget limit)
DEFAULT_ITEMS = [
    (
        _("Inbox of web enquiries"),
        _("Answer every enquiry from the website quickly, and route it to sales, R&D or production."),
        ["inbox.reply", "inbox.routing"],
        None,
    ),
    (
        _("Content calendar"),
        _("Plan the month's posts and articles, write them and publish them on time."),
        ["content.planning", "content.writing"],
        None,
    ),
    (
        _("Newsletter"),
        _("Prepare and send the newsletter, look after the lists and read the results."),
        ["newsletter.sending", "privacy.consent"],
        None,
    ),
    (
        _("Social accounts"),
        _("Post, answer comments and messages, keep the company pages tidy."),
        ["social.publishing", "social.community"],
        None,
    ),
    (
        _("Ad budget up to €300 a month"),
        _("Run the small campaigns and spend on your own up to the limit; above it, the owner approves."),
        ["ads.campaigns", "budget.reading"],
        Decimal("300.00"),
    ),
    (
        _("Agency relations"),
        _("Brief the web agency and the printer, check their quotes and their work."),
        ["suppliers.briefing"],
        None,
    ),
    (
        _("Website updates"),
        _("Update product pages, news and downloads on the website."),
        ["website.editing"],
        None,
    ),
]
