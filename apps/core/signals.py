"""What core asks of the apps above it, which it never imports: each app answers in its
AppConfig.ready(), and apps answer in INSTALLED_APPS order, lowest first."""

from collections.abc import Callable

from django.dispatch import Signal

# `manage.py worker` asks for the apps' periodic jobs: each receiver returns a list of
# functions (stop) -> int. They run before core's own, so e-mail they queue goes in the same
# pass.
worker_jobs_wanted = Signal()
# `manage.py seed_demo`: each receiver writes its app's demo data (safe to run again) and
# returns the lines to print.
demo_seed_wanted = Signal()


def answer(signal: Signal, function: Callable, *, uid: str) -> None:
    """Connect ``function`` to ``signal``: it is called with the signal's keyword arguments
    (without sender) and its return value is the answer."""

    def receiver(sender, signal=None, **kwargs):
        return function(**kwargs)

    signal.connect(receiver, weak=False, dispatch_uid=uid)


def answers(signal: Signal, **kwargs) -> list:
    """Every receiver's answer, in the order the apps connected."""
    return [response for _, response in signal.send(sender=None, **kwargs)]
