"""Outgoing mail of the inbox: replies and acknowledgements to contacts (threaded, quoted,
with a reply-to token), notifications to colleagues, SLA alerts to the consultant."""
