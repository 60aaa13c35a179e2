def axes_username(request, credentials) -> str:
    """Throttle per address whatever its case: `Anna@X.it` and `anna@x.it` are one login."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower()
