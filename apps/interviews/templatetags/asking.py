"""What the binder's pages may ask of the interview rules without importing them: the binder
app sits below interviews, so its templates load this tag instead."""

from django import template

from .. import rules

register = template.Library()


@register.simple_tag(takes_context=True)
def why_not_ask(context, professional) -> str:
    """Why the signed-in student may not ask ``professional`` now, and until when ("" if
    they may): shown before they start preparing, not after."""
    user = context["request"].user
    if not user.is_authenticated:
        return ""
    return rules.why_cannot_request(student=user, professional=professional)
