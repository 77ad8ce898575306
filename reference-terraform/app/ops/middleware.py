from django.http import HttpResponse

HEALTH_PATHS = frozenset({"/healthz/", "/healthz"})


class HealthCheckMiddleware:
    """Answers GET/HEAD /healthz/ with 200 before anything else runs.

    The load balancer's and ECS's health checks call it by the task's IP address, which is not in
    ALLOWED_HOSTS, so it must answer before host validation; and it must not touch the database,
    so that a database outage does not make ECS replace every healthy task.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in HEALTH_PATHS and request.method in ("GET", "HEAD"):
            response = HttpResponse("ok\n", content_type="text/plain")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
