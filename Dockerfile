# check=skip=SecretsUsedInArgOrEnv
# The COLLECTSTATIC_* build args below are dummies that exist only so that production
# settings can be imported by collectstatic; real values come from the environment at run time.

# Staffetta's production image: gunicorn serves the web app, the same image runs the
# Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim

# STAFFETTA_VAR_DIR: runtime state (beat schedule, media) lives outside the code, where
# docker-compose.yml mounts volumes.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STAFFETTA_VAR_DIR=/var/lib/staffetta

# gettext for compilemessages; tzdata because settings.py validates TIME_ZONE against the
# system time zone database.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext tzdata \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

RUN python manage.py compilemessages -v 0

# Production settings refuse to load without these; the values are build-time dummies and
# are set for this one step only, never baked into the image's environment.
ARG COLLECTSTATIC_SECRET_KEY=collectstatic-build-only-dummy-secret-key-not-used-at-run-time
ARG COLLECTSTATIC_ALLOWED_HOSTS=build.invalid
ARG COLLECTSTATIC_EMAIL_HOST=smtp.build.invalid
RUN STAFFETTA_ENV=production \
    SECRET_KEY="$COLLECTSTATIC_SECRET_KEY" \
    ALLOWED_HOSTS="$COLLECTSTATIC_ALLOWED_HOSTS" \
    EMAIL_HOST="$COLLECTSTATIC_EMAIL_HOST" \
    python manage.py collectstatic --no-input -v 0

# The code stays owned by root (read-only for the app); only the state folder is writable.
RUN groupadd --system --gid 1000 staffetta \
    && useradd --system --uid 1000 --gid staffetta --home-dir /var/lib/staffetta --shell /usr/sbin/nologin staffetta \
    && rm -rf "$STAFFETTA_VAR_DIR" \
    && mkdir -p "$STAFFETTA_VAR_DIR/media" \
    && chown -R staffetta:staffetta "$STAFFETTA_VAR_DIR"

USER staffetta

EXPOSE 8000

CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
