# syntax=docker/dockerfile:1
# Build: docker build -t careers .
# Web:    docker run -p 8000:8000 --env-file prod.env careers
# Worker: docker run --env-file prod.env careers python manage.py worker

FROM python:3.12-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements/base.txt /tmp/requirements.txt
RUN /venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.12-slim AS app
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_ENV=production \
    WEB_CONCURRENCY=3 \
    PORT=8000 \
    FORWARDED_ALLOW_IPS=127.0.0.1,::1
RUN groupadd --system app && useradd --system --gid app --home-dir /app app
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=app:app . .
# collectstatic needs settings to load; these placeholders exist only for this build step.
RUN SECRET_KEY=collectstatic-only-placeholder-not-used-at-run-time-0123456789abcdef \
    ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os,urllib.request,sys; sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"8000\")}/healthz', timeout=4).status == 200 else 1)"
# No gunicorn access log: request paths carry link secrets. Django logs refused and failed
# requests with those secrets redacted; keep access logs at the proxy, without paths if it can.
# gunicorn believes X-Forwarded-Proto only from FORWARDED_ALLOW_IPS (it reads the variable
# itself; set it to the TLS proxy's address), never from whoever reaches the port.
CMD ["sh", "-c", "exec gunicorn config.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY}"]
