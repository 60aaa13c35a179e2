"""Demo data of the inbox (called by `seed_demo`)."""

from inbox.demo.seed import seed_demo_inbox

__all__ = ["seed_demo_inbox"]
