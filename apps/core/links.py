"""Links to many rows of one kind, reversed once per page instead of once per row.

``reverse()`` costs tens of microseconds; a dashboard of ten reminders with five links each
spent a fifth of its time there (found by the load benchmark). A row tag asks for a maker
once; the maker reverses the URL with a stand-in key the first time in each page render, then
puts each row's key in its place.
"""

from django.urls import reverse

STAND_IN = 918273645  # an int no URL of ours otherwise holds


def url_maker(context, name: str, *after):
    """``pk -> reverse(name, args=[pk, *after])``, reversing once per template render."""
    makers = context.render_context.setdefault("url_makers", {})
    key = (name, after)
    if key not in makers:
        pattern = reverse(name, args=[STAND_IN, *after])
        if pattern.count(str(STAND_IN)) != 1:  # cannot happen with <int:pk> first: be safe
            makers[key] = lambda pk: reverse(name, args=[pk, *after])
        else:
            head, tail = pattern.split(str(STAND_IN))
            makers[key] = lambda pk: f"{head}{int(pk)}{tail}"
    return makers[key]
