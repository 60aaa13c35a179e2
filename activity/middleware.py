"""The request being answered, for the log's client address.

Services record what people do but take no request (they also run from jobs and the shell):
this middleware keeps the current request in a context variable so that `activity.log.record`
can note the address the action came from. Outside a request there is none, and no address.
"""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("activity_current_request", default=None)


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
