"""Email intake: messages piped by the mail server (`manage.py receive_email`) or fetched from
IMAP mailboxes, parsed, threaded, deduplicated and stored through the inbox's intake path;
what cannot be parsed or stored is kept raw in a quarantine."""
