"""The newsletter's lists: consenting subscribers, double opt-in, CSV import, unsubscribing.

Models in models.py (imported by contentdesk.models); who may receive a send is
selectors.eligible_recipients; the headers of every newsletter email are in headers.py.
"""
