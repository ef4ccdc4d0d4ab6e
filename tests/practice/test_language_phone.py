"""The 'Their words' page fits a 390-px phone: its table stacks into labelled blocks below the
small breakpoint instead of scrolling sideways, and nothing on it has a fixed width."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from apps.interviews.models import Interview

from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(student, student_client):
    Interview.objects.create(
        student=student,
        professional=make_professional(full_name="Ada Lin", organisation="Pixel Works"),
        status="completed",
        language="stakeholder buy-in\nusability testing",
    )
    return student_client.get(reverse("practice:language")).content.decode()


def test_the_terms_table_stacks_with_each_cell_labelled_by_its_column(page):
    table = re.search(r"<table[^>]*>.*?</table>", page, re.S).group(0)
    assert "table-stack" in table.split(">", 1)[0]
    headers = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert headers == ["Term", "Heard in", "Where", "Your choices"]
    for row in re.findall(r"<tr>\s*<td.*?</tr>", table, re.S):
        labels = re.findall(r'<td[^>]*data-label="([^"]+)"', row)
        assert labels == headers
    # No sideways scrolling box and no fixed widths on the page's own markup.
    assert "table-responsive" not in page
    assert not re.search(r'style="[^"]*width', page) and not re.search(r"\swidth=", page)


def test_the_stacking_rule_applies_below_the_small_breakpoint():
    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    block = re.search(r"@media \(max-width: 575\.98px\) \{(.*?)\n\}", css, re.S)
    assert block is not None
    rules = block.group(1)
    assert re.search(r"\.table-stack td\s*\{", rules) or ".table-stack td {" in rules
    assert "display: block" in rules and "attr(data-label)" in rules
