"""Binder workflows: status changes, volunteers, links for professionals, merges, erasure,
yearly re-consent. Each runs in one transaction and says what went wrong in plain words."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, ProtectedError
from django.urls import reverse
from django.utils import timezone

from apps.core.mail import email_cancel_queued, email_forget, email_forget_mentions, email_send
from apps.core.privacy import scrub_everywhere
from apps.core.ratelimit import rate_limit_allows
from apps.core.suppression import is_suppressed, suppress

from . import signals
from .models import (
    CONSENT_VALID_DAYS,
    AuditEntry,
    BinderImport,
    MergeRecord,
    MonthlyLoad,
    Organisation,
    Professional,
    month_start,
    normalise_name,
)

MANAGE_LINK_SALT = "contacts.manage-listing"
MANAGE_LINK_DAYS = 30
VOLUNTEER_LINK_SALT = "contacts.volunteer-confirm"
VOLUNTEER_LINK_DAYS = 7
RECONSENT_GRACE_DAYS = 30
STALE_IMPORT_DAYS = 7


# --- Links for professionals (they have no account) -------------------------------------------


def manage_token(professional: Professional) -> str:
    return signing.dumps(
        {"p": professional.pk, "v": professional.link_version}, salt=MANAGE_LINK_SALT
    )


def manage_link(professional: Professional) -> str:
    return settings.SITE_URL + reverse("contacts:listing", args=[manage_token(professional)])


def professional_for_token(token: str, *, for_update: bool = False) -> Professional | None:
    """The professional a management link belongs to, or None when it is expired, tampered
    with, superseded (a newer link was sent after an erasure) or for an erased entry."""
    try:
        data = signing.loads(token, salt=MANAGE_LINK_SALT, max_age=timedelta(days=MANAGE_LINK_DAYS))
    except signing.BadSignature:
        return None
    queryset = Professional.objects.select_related("organisation", "industry", "occupation")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    professional = queryset.filter(pk=data.get("p"), erased_at__isnull=True).first()
    if professional is None or professional.link_version != data.get("v"):
        return None
    return professional


def manage_link_request(*, email: str) -> None:
    """E-mail the listing link to whoever has this address in the binder; silent otherwise,
    so the form never tells a stranger who is in the binder."""
    professional = Professional.objects.filter(
        email=email.strip().lower(), erased_at__isnull=True
    ).first()
    if professional is not None:
        email_send(
            name="listing_link",
            to=[professional.email],
            context={"professional": professional, "link": manage_link(professional)},
        )


# --- Who may be listed ------------------------------------------------------------------------

# The statuses in which an entry can be offered to students or asked to come back.
LISTED = {"active", "paused", "pending"}
SUPPRESSED_MESSAGE = (
    "This address asked never to be contacted again, or had its data erased: it cannot be "
    "added to the binder or listed again."
)


# --- Status --------------------------------------------------------------------------------------


def professional_set_status(*, professional: Professional, status: str) -> None:
    if status not in Professional.Status.values:
        raise ValidationError("That is not a status the binder knows.")
    old = professional.status
    if old == status:
        return
    if old == Professional.Status.DO_NOT_CONTACT and status != old:
        raise ValidationError(
            "This person asked never to be contacted again, and that is final: the binder "
            "will not list or contact them again."
        )
    if status in LISTED and professional.email and is_suppressed(professional.email):
        raise ValidationError(SUPPRESSED_MESSAGE)
    if status == Professional.Status.ACTIVE and not professional.has_consent():
        raise ValidationError(
            f"{professional.full_name} has no consent on record, so students cannot be shown "
            "them. Record how and when they agreed (for example a phone call and its date), or "
            "leave them pending and send the invitation to confirm from their page."
        )
    with transaction.atomic():
        professional.status = status
        professional.save(update_fields=["status"])
        status_changed(professional=professional, old_status=old)


def status_changed(*, professional: Professional, old_status: str) -> None:
    """What follows any change of status, however it was made (a click, a link, an import):
    "never again" suppresses the address and clears its queue; the apps above are told."""
    if professional.status == Professional.Status.DO_NOT_CONTACT and professional.email:
        suppress(professional.email, reason="never")
        email_cancel_queued(professional.email)
    signals.professional_status_changed.send(
        sender=Professional,
        professional=professional,
        old_status=old_status,
        new_status=professional.status,
    )


LISTING_TRANSITIONS = {
    "pause": ({Professional.Status.ACTIVE}, Professional.Status.PAUSED),
    "resume": (
        {Professional.Status.PAUSED, Professional.Status.RETIRED},
        Professional.Status.ACTIVE,
    ),
    "leave": (
        {Professional.Status.ACTIVE, Professional.Status.PAUSED, Professional.Status.PENDING},
        Professional.Status.RETIRED,
    ),
}


def listing_change(*, professional: Professional, action: str) -> None:
    """What a professional may do to their own status through their link. A pending
    volunteer cannot make themselves active: staff approve them."""
    allowed, target = LISTING_TRANSITIONS[action]
    if professional.status not in allowed:
        raise ValidationError(
            f"Your listing is {professional.get_status_display().lower()}, so it cannot be "
            f"changed that way. The career centre can help: reply to any of our e-mails."
        )
    professional_set_status(professional=professional, status=target)


def professional_set_capacity(*, professional: Professional, capacity: int) -> None:
    if not 0 <= capacity <= 20:
        raise ValidationError("Choose between 0 and 20 students a month.")
    professional.monthly_capacity = capacity
    professional.save(update_fields=["monthly_capacity"])


def capacity_claim(*, professional: Professional, when=None) -> MonthlyLoad:
    """Take one of this month's places, or refuse when the professional is at capacity.

    The professional's row is locked first, so two requests at once cannot both take the
    last place."""
    with transaction.atomic():
        locked = Professional.objects.select_for_update().get(pk=professional.pk)
        load, _ = MonthlyLoad.objects.get_or_create(professional=locked, month=month_start(when))
        if load.requests >= locked.monthly_capacity:
            raise ValidationError(
                f"{locked.full_name} has already been asked by as many students as they can "
                "see this month. Choose someone else, or try again next month."
            )
        load.requests += 1
        load.save(update_fields=["requests"])
    return load


def capacity_release(*, professional: Professional, month) -> None:
    """Give back a place taken in ``month`` (a request withdrawn or expired unanswered)."""
    MonthlyLoad.objects.filter(professional=professional, month=month, requests__gt=0).update(
        requests=F("requests") - 1
    )


def consent_record(
    *, professional: Professional, method: str, terms: str, by=None, given_at=None
) -> None:
    """Record how and when someone agreed to be listed. ``given_at`` is the date staff attest
    to (a phone call on 3 March); without it, now."""
    if method not in Professional.ConsentMethod.values or method == "import":
        raise ValidationError("Say how they agreed: phone, e-mail, in person, form or link.")
    if given_at is not None and given_at > timezone.now():
        raise ValidationError("Consent cannot have been given in the future.")
    professional.consent_at = given_at or timezone.now()
    professional.consent_method = method
    professional.consent_terms = terms
    professional.consent_recorded_by = by
    professional.reconsent_requested_at = None
    professional.save(
        update_fields=[
            "consent_at",
            "consent_method",
            "consent_terms",
            "consent_recorded_by",
            "reconsent_requested_at",
        ]
    )


def professional_erase(*, professional: Professional) -> None:
    """Anonymise the entry: counts and history stay, nothing personal does."""
    with transaction.atomic():
        old = professional.status
        # The person may have had a second entry, folded in by a merge: its name and address
        # are theirs too.
        folded = list(professional.merges.values_list("merged_name", "merged_email"))
        names = [professional.full_name, *(n for n, _ in folded)]
        emails = [e for e in [professional.email, *(e for _, e in folded)] if e]
        for address in emails:
            suppress(address, reason="erased")
            email_forget(address)
        # Notifications that name them (to students, about this person) go too; their text
        # may be encoded inside the stored message, so they are deleted, not edited.
        email_forget_mentions([*names, *emails])
        _forget_uploads([*names, *emails])
        professional.full_name = f"Erased entry {professional.pk}"
        for field in [
            "job_title",
            "email",
            "phone",
            "linkedin_url",
            "talk_about",
            "availability_notes",
            "tags",
            "location",
            "alumni_programme",
            "consent_terms",
        ]:
            setattr(professional, field, "")
        professional.alumni_year = None
        professional.years_in_field = None
        professional.is_alumni = False
        professional.organisation = None
        professional.referred_by = None
        professional.referred_by_student = None
        professional.status = Professional.Status.DO_NOT_CONTACT
        professional.erased_at = timezone.now()
        professional.link_version += 1
        professional.save()
        # A merge record names the entry that was folded into this one: the same person.
        professional.merges.update(merged_name="(erased)", merged_email="")
        professional.audit.update(professional_name=professional.full_name)
        # Students' notes, plan titles, referral rows, drafts: wherever the name or the
        # address was written, it goes (a student's own profile included). User accounts and
        # other binder entries are other people, who may share the name; this entry itself was
        # blanked above.
        scrub_everywhere(
            [*emails, *names],
            replacement="(erased)",
            skip={"accounts.user", "contacts.professional"},
        )
        audit(actor=None, action=AuditEntry.Action.ERASED, professional=professional)
        signals.professional_status_changed.send(
            sender=Professional,
            professional=professional,
            old_status=old,
            new_status=professional.status,
        )
        signals.professional_erased.send(
            sender=Professional, professional=professional, names=names
        )


def _forget_uploads(needles: list[str]) -> None:
    """Spreadsheets kept from imports hold the person's row: their content goes."""
    wanted = [n.strip().lower().encode() for n in needles if n and len(n.strip()) >= 3]
    for pk, content in BinderImport.objects.values_list("pk", "content").iterator():
        text = bytes(content).lower()
        if any(needle in text for needle in wanted):
            BinderImport.objects.filter(pk=pk).update(content=b"")


# --- Invitations: imported and referred people are asked before they are listed ------------


def organisation_named(name: str, industry=None) -> Organisation | None:
    """The organisation called ``name`` (any case), created if new; None for a blank name."""
    name = " ".join((name or "").split())[:200]
    if not name:
        return None
    organisation = Organisation.objects.filter(name__iexact=name).first()
    return organisation or Organisation.objects.create(name=name, industry=industry)


def invitation_send(*, professional: Professional, referrer: Professional | None = None) -> bool:
    """Ask a pending entry, once, whether it may be listed: the e-mail's link lets them
    confirm, update their details or decline. A referral names the professional who
    suggested them, never the student. False when there is nobody to ask."""
    if (
        professional.status != Professional.Status.PENDING
        or not professional.email
        or professional.invited_at is not None
        or is_suppressed(professional.email)
    ):
        return False
    professional.invited_at = timezone.now()
    professional.save(update_fields=["invited_at"])
    email_send(
        name="binder_invitation",
        to=[professional.email],
        context={
            "professional": professional,
            "referrer": referrer,
            "link": manage_link(professional),
        },
    )
    return True


def invitation_accept(*, professional: Professional) -> None:
    """An invited person says yes through their link: consent by link, and listed."""
    if professional.status != Professional.Status.PENDING or professional.invited_at is None:
        raise ValidationError("There is no invitation waiting for an answer on this listing.")
    with transaction.atomic():
        consent_record(
            professional=professional,
            method=Professional.ConsentMethod.LINK,
            terms="Agreed through the invitation link to be listed and contacted by students.",
        )
        professional_set_status(professional=professional, status=Professional.Status.ACTIVE)


def consent_confirm_by_link(*, professional: Professional) -> None:
    """The person's own "yes" through their link: an invitation accepted (and listed), or a
    yearly re-confirmation."""
    if professional.status == Professional.Status.PENDING and professional.invited_at:
        invitation_accept(professional=professional)
        return
    if professional.status == Professional.Status.DO_NOT_CONTACT:
        raise ValidationError(
            "You asked never to be contacted again, so there is nothing to confirm."
        )
    consent_record(
        professional=professional,
        method=Professional.ConsentMethod.LINK,
        terms="Re-confirmed through the listing link.",
    )


# --- Volunteers ------------------------------------------------------------------------------


def volunteer_token(professional: Professional) -> str:
    return signing.dumps({"p": professional.pk, "e": professional.email}, salt=VOLUNTEER_LINK_SALT)


def volunteer_submit(*, professional: Professional, organisation_name: str = "") -> None:
    """Queue a pending volunteer (built by the form) and a link to confirm their address.

    Someone already in the binder gets their listing link instead of a second entry."""
    if is_suppressed(professional.email):
        # Never again is final: nothing is kept and nothing is sent, and the page looks the
        # same as for anyone else, so it tells a stranger nothing about this address.
        return
    existing = Professional.objects.filter(email=professional.email, erased_at__isnull=True).first()
    with transaction.atomic():
        if existing is not None:
            manage_link_request(email=existing.email)
            return
        organisation = organisation_named(organisation_name, professional.industry)
        if organisation is not None:
            professional.organisation = organisation
        professional.status = Professional.Status.PENDING
        professional.source = Professional.Source.VOLUNTEER
        professional.save()
        link = settings.SITE_URL + reverse(
            "contacts:volunteer_confirm", args=[volunteer_token(professional)]
        )
        email_send(
            name="volunteer_confirm",
            to=[professional.email],
            context={"professional": professional, "link": link},
        )


def volunteer_for_token(token: str) -> Professional:
    """The pending volunteer a confirmation link names; ValidationError saying why not."""
    try:
        data = signing.loads(
            token, salt=VOLUNTEER_LINK_SALT, max_age=timedelta(days=VOLUNTEER_LINK_DAYS)
        )
    except signing.BadSignature:
        raise ValidationError(
            "This confirmation link has expired or is not complete. Offer again through the "
            "form and we will send a fresh one."
        ) from None
    professional = (
        Professional.objects.volunteers().filter(pk=data.get("p"), email=data.get("e")).first()
    )
    if professional is None:
        raise ValidationError("We could not find this offer; it may have been handled already.")
    return professional


def volunteer_confirm(*, token: str) -> Professional:
    professional = volunteer_for_token(token)
    if professional.email_confirmed_at is None:
        professional.email_confirmed_at = timezone.now()
        professional.save(update_fields=["email_confirmed_at"])
    return professional


def volunteer_approve(*, professional: Professional, by) -> None:
    if professional.status != Professional.Status.PENDING:
        raise ValidationError("Only pending volunteers can be approved.")
    if professional.email_confirmed_at is None:
        raise ValidationError("Wait until the volunteer has confirmed their e-mail address.")
    with transaction.atomic():
        consent_record(
            professional=professional,
            method=Professional.ConsentMethod.FORM,
            terms=professional.consent_terms
            or "Agreed through the volunteer form to be listed and contacted by students.",
            by=by,
        )
        professional_set_status(professional=professional, status=Professional.Status.ACTIVE)
        email_send(
            name="volunteer_welcome",
            to=[professional.email],
            context={"professional": professional, "link": manage_link(professional)},
        )


def volunteer_reject(*, professional: Professional) -> None:
    """A rejected offer leaves no personal data behind."""
    if professional.status != Professional.Status.PENDING:
        raise ValidationError("Only pending volunteers can be turned down.")
    try:
        with transaction.atomic():
            professional.delete()
    except ProtectedError:
        raise ValidationError(
            "Students' interviews or contacts point at this entry (from a merge), so it cannot "
            "be deleted: set it to retired instead."
        ) from None


# --- Duplicates and merging ------------------------------------------------------------------


def duplicates_find() -> list[list[Professional]]:
    """Groups of entries that are probably one person: the same address, or the same
    normalised name at the same organisation."""
    rows = Professional.objects.filter(erased_at__isnull=True).values_list(
        "pk", "full_name", "organisation_id", "email"
    )
    groups: dict[tuple, set[int]] = {}
    for pk, name, organisation_id, email in rows:
        groups.setdefault(("name", normalise_name(name), organisation_id), set()).add(pk)
        if email:
            groups.setdefault(("email", email.lower()), set()).add(pk)
    clusters: list[set[int]] = []
    for ids in groups.values():
        if len(ids) < 2:
            continue
        for cluster in clusters:
            if cluster & ids:
                cluster |= ids
                break
        else:
            clusters.append(set(ids))
    people = Professional.objects.select_related("organisation", "industry").in_bulk(
        {pk for cluster in clusters for pk in cluster}
    )
    return [
        sorted((people[pk] for pk in cluster), key=lambda p: (p.created_at, p.pk))
        for cluster in clusters
    ]


FILLABLE = [
    "job_title",
    "organisation",
    "industry",
    "occupation",
    "location",
    "years_in_field",
    "alumni_programme",
    "alumni_year",
    "talk_about",
    "availability_notes",
    "email",
    "phone",
    "linkedin_url",
    "referred_by",
    "referred_by_student",
]


PAIRED = {"referred_by", "referred_by_student"}

# Of two entries for one person, the more protective status wins: "never" over "left" over
# "paused" over "active" over "pending".
STATUS_PRECEDENCE = ["do_not_contact", "retired", "paused", "active", "pending"]


def _merged_status(keep: Professional, merge: Professional, merged_email: str) -> str:
    if any(is_suppressed(address) for address in {keep.email, merged_email} if address):
        return Professional.Status.DO_NOT_CONTACT
    return min(keep.status, merge.status, key=STATUS_PRECEDENCE.index)


def _take_consent(keep: Professional, merge: Professional) -> None:
    for field in ("consent_at", "consent_method", "consent_terms", "consent_recorded_by"):
        setattr(keep, field, getattr(merge, field))


def professionals_merge(*, first: Professional, second: Professional, by) -> Professional:
    """Keep the older entry, fill its blanks from the other, move what points at the other,
    and record what was merged."""
    if first.pk == second.pk:
        raise ValidationError("Choose two different entries to merge.")
    if first.erased_at or second.erased_at:
        raise ValidationError(
            "An erased entry holds nothing to merge, and nothing may be joined to it."
        )
    keep, merge = sorted([first, second], key=lambda p: (p.created_at, p.pk))
    with transaction.atomic():
        moved = {"filled": [], "referrals": 0, "other": []}
        merged_email = merge.email
        for field in FILLABLE:
            if not getattr(keep, field) and getattr(merge, field):
                if field in PAIRED:
                    continue
                if field == "email":
                    merge.email = ""  # the address moves; the constraint allows one holder
                    merge.save(update_fields=["email"])
                setattr(keep, field, getattr(merge, field) if field != "email" else merged_email)
                moved["filled"].append(field)
        # Who introduced them moves as a pair with the student who recorded it, or not at all:
        # half of one and half of the other would be a false introduction.
        if not keep.referred_by_id and merge.referred_by_id and merge.referred_by_id != keep.pk:
            keep.referred_by_id = merge.referred_by_id
            keep.referred_by_student_id = merge.referred_by_student_id
            moved["filled"].append("referred_by")
        keep.tags = ", ".join(dict.fromkeys(keep.tag_list + merge.tag_list))[:300]
        old_status = keep.status
        moved["referrals"] = merge.referrals.exclude(pk=keep.pk).update(referred_by=keep)
        status = _merged_status(keep, merge, merged_email)
        if status != keep.status:
            if status == Professional.Status.ACTIVE and not keep.has_consent():
                _take_consent(keep, merge)
            keep.status = status
            moved["filled"].append("status")
        elif merge.consent_at and (not keep.consent_at or merge.consent_at > keep.consent_at):
            _take_consent(keep, merge)
        keep.save()
        for load in merge.loads.all():
            kept_load, _ = MonthlyLoad.objects.get_or_create(professional=keep, month=load.month)
            kept_load.requests += load.requests
            kept_load.save(update_fields=["requests"])
        # The rows move first, so the apps above apply the kept entry's status to all of them
        # (a merge into someone who left or said "never" closes what it brings along).
        for _receiver, label in signals.professionals_merged.send(
            sender=Professional, kept=keep, merged=merge
        ):
            if label:
                moved["other"].append(str(label))
        if keep.status != old_status:
            status_changed(professional=keep, old_status=old_status)
        MergeRecord.objects.filter(kept=merge).update(kept=keep)
        AuditEntry.objects.filter(professional=merge).update(professional=keep)
        MergeRecord.objects.create(
            kept=keep,
            merged_name=merge.full_name,
            merged_email=merged_email,
            moved=moved,
            merged_by=by,
        )
        # Interviews, contacts and reminders point at the entry with PROTECT: if a receiver
        # above forgot a row, this delete fails and the whole merge rolls back.
        merge.delete()
    return keep


# --- Yearly re-consent -----------------------------------------------------------------------


def reconsent_request_due(*, now=None) -> int:
    """E-mail everyone whose consent is over a year old a link to confirm, update or leave."""
    now = now or timezone.now()
    due = (
        Professional.objects.consent_due(now)
        .filter(erased_at__isnull=True, reconsent_requested_at__isnull=True)
        # Only a consent that was given can lapse; staff record the first one themselves.
        .filter(consent_at__isnull=False)
        .exclude(email="")
        .exclude(status=Professional.Status.PENDING)
    )
    count = 0
    for professional in due.iterator():
        with transaction.atomic():
            # Claim the row as it is now, not as it was read: with two workers, only the one
            # whose update finds it still unasked sends the e-mail.
            claimed = Professional.objects.filter(
                pk=professional.pk, reconsent_requested_at__isnull=True
            ).update(reconsent_requested_at=now)
            if not claimed:
                continue
            professional.reconsent_requested_at = now
            email_send(
                name="reconsent",
                to=[professional.email],
                context={
                    "professional": professional,
                    "link": manage_link(professional),
                    "days": RECONSENT_GRACE_DAYS,
                },
            )
        count += 1
    return count


def reconsent_pause_unanswered(*, now=None) -> int:
    """No answer within the grace period: the professional is paused until they confirm."""
    now = now or timezone.now()
    lapsed = Professional.objects.filter(
        status=Professional.Status.ACTIVE,
        reconsent_requested_at__lte=now - timedelta(days=RECONSENT_GRACE_DAYS),
    ).filter(consent_at__lt=now - timedelta(days=CONSENT_VALID_DAYS))
    count = 0
    for professional in lapsed:
        professional_set_status(professional=professional, status=Professional.Status.PAUSED)
        count += 1
    return count


def imports_purge_stale(*, now=None) -> int:
    """Uploaded spreadsheets hold personal data: one never committed goes after a week."""
    now = now or timezone.now()
    deleted, _ = BinderImport.objects.filter(
        committed_at__isnull=True, created_at__lt=now - timedelta(days=STALE_IMPORT_DAYS)
    ).delete()
    return deleted


def binder_housekeeping_job(*, stop=lambda: False) -> int:
    """The worker's step for the binder: at most once an hour, however often it loops."""
    hourly = rate_limit_allows("job:contacts.housekeeping", limit=1, window=timedelta(hours=1))
    if stop() or not hourly:
        return 0
    return reconsent_request_due() + reconsent_pause_unanswered() + imports_purge_stale()


# --- Audit ------------------------------------------------------------------------------------


def audit(*, actor, action: str, professional: Professional | None = None, detail: str = ""):
    """Record a staff action on the binder (``actor`` None: the professional, by their link)."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.get_full_name() if actor is not None else "The professional (by link)",
        action=action,
        professional=professional,
        professional_name=professional.full_name if professional is not None else "",
        detail=detail[:300],
    )
