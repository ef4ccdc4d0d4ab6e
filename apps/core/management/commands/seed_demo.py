"""Create demo data so the app looks alive on first run. Safe to run again: same result.

Each app answers apps.core.signals.demo_seed_wanted with its own data (core imports none),
lowest app first.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from apps.core.signals import answers, demo_seed_wanted


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and data, and print the demo logins."

    def handle(self, *args, **options):
        lines = []
        with transaction.atomic():
            for printed in answers(demo_seed_wanted):
                lines.extend(printed or [])
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with:"))
        for line in lines:
            self.stdout.write(f"  {line}")
