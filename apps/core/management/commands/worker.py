"""The one background process: runs every app's periodic jobs (each app answers
``apps.core.signals.worker_jobs_wanted``), then core's own: e-mail delivery and housekeeping.

``worker --once`` makes a single pass (for cron and tests). Without it the worker loops until
SIGTERM or SIGINT, finishing the item in hand before it stops. Safe to run several at once:
each job claims its work with row locks that other workers skip.
"""

import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from apps.core.mail import deliver_due, purge_sent
from apps.core.signals import answers, worker_jobs_wanted

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Deliver queued e-mail and run the other periodic jobs (loops until SIGTERM)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Make one pass, then exit.")

    def handle(self, *args, once=False, **options):
        stopping = threading.Event()

        def request_stop(signum, frame):
            logger.info("worker: signal %s received, finishing the item in hand", signum)
            stopping.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        # The apps' jobs first: e-mail they queue is delivered in the same pass.
        found = [job for jobs in answers(worker_jobs_wanted) for job in jobs]
        found += [deliver_due, purge_sent]
        jobs = [(f"{job.__module__}.{job.__qualname__}", job) for job in found]
        verbosity = options["verbosity"]

        while True:
            handled = 0
            for path, job in jobs:
                if stopping.is_set():
                    break
                try:
                    count = job(stop=stopping.is_set)
                except Exception:
                    # One failing job (a dropped connection, a broken template) must not stop
                    # the others or end the worker; it is logged and tried on the next pass.
                    # A broken connection is replaced at the end of the pass.
                    logger.exception("worker: job %s failed", path)
                    continue
                handled += count
                if count and verbosity:
                    self.stdout.write(f"{path}: {count}")
            if once or stopping.is_set():
                break
            if not handled:
                stopping.wait(settings.WORKER_IDLE_SECONDS)
            # A long-running process must not keep a connection the database has dropped.
            close_old_connections()
        if verbosity > 1:
            self.stdout.write("worker: stopped")
