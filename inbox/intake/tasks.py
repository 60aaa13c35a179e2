"""Follow-up work on stored inbound items. PLACEHOLDER until the intake work lands."""
