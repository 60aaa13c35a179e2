from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def preferred_language(request) -> str:
    """The user's own choice, then the language cookie, then Italian (the default).

    The browser's Accept-Language is deliberately ignored: Staffetta is Italian first,
    and a user who wants English says so once with the language switcher.
    """
    supported = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in supported:
        return user.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in supported:
        return cookie
    return settings.LANGUAGE_CODE


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = preferred_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
