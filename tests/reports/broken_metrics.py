"""A metrics module that exists but cannot be imported: the registry must say so, not skip it."""

import staffetta_no_such_library  # noqa: F401
