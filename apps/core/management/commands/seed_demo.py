"""Create demo data so the app looks alive on first run. Safe to run again: same result.

Each app adds its own seeder to settings.DEMO_SEEDERS (core imports none of them).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and data, and print the demo logins."

    def handle(self, *args, **options):
        lines = []
        with transaction.atomic():
            for path in settings.DEMO_SEEDERS:
                lines.extend(import_string(path)() or [])
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with:"))
        for line in lines:
            self.stdout.write(f"  {line}")
