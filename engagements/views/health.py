from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from engagements.health import check_broker, check_database, heartbeat_status, periodic_jobs_status


@never_cache
def health(request):
    """Public: says only whether the parts answer, nothing about any company."""
    database = check_database()
    broker = check_broker()
    heartbeat, heartbeat_recent = heartbeat_status() if database.ok else (None, False)
    jobs = periodic_jobs_status() if database.ok else []
    healthy = database.ok and broker.ok
    status = 200 if healthy else 503
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "ok": healthy,
                "database": database.ok,
                "broker": broker.ok,
                "heartbeat": {
                    "last_run_at": heartbeat.last_run_at.isoformat() if heartbeat else None,
                    "runs": heartbeat.run_count if heartbeat else 0,
                    "recent": heartbeat_recent,
                },
                "jobs": {
                    job.name: {
                        "every_seconds": job.every_seconds,
                        "last_run_at": job.run.last_run_at.isoformat() if job.run else None,
                        "recent": job.recent,
                    }
                    for job in jobs
                },
            },
            status=status,
        )
    context = {
        "healthy": healthy,
        "database": database,
        "broker": broker,
        "heartbeat": heartbeat,
        "heartbeat_recent": heartbeat_recent,
        "jobs": jobs,
    }
    return render(request, "engagements/health.html", context, status=status)
