"""E-mail every professional whose consent is over a year old a link to confirm, update or leave,
and pause those who have not answered within 30 days. The worker also runs this hourly."""

from django.core.management.base import BaseCommand

from apps.contacts.services import reconsent_pause_unanswered, reconsent_request_due


class Command(BaseCommand):
    help = "Ask for yearly re-consent, and pause professionals who did not answer in time."

    def handle(self, *args, **options):
        asked = reconsent_request_due()
        paused = reconsent_pause_unanswered()
        self.stdout.write(f"Asked {asked} professional(s) to re-confirm; paused {paused}.")
