"""Event feedback and case studies point at engagement's records instead of holding plain
text ids: an event's feedback consultation and a case study's story become foreign keys.
Existing text references are carried over where they name a record (by slug, id or the
consultation's web address); one that names nothing is dropped, as it never worked."""

import re

import django.db.models.deletion
from django.db import migrations, models

_SLUG_IN_ADDRESS = re.compile(r"/(?:consultations|stories)/([-\w]+)/?")


def _find(model, reference):
    reference = (reference or "").strip()
    if not reference:
        return None
    match = _SLUG_IN_ADDRESS.search(reference)
    slug = match.group(1) if match else reference
    found = model.objects.filter(slug=slug).first()
    if found is None and reference.isdigit():
        found = model.objects.filter(pk=int(reference)).first()
    return found


def carry_over(apps, schema_editor):
    Event = apps.get_model("network", "Event")
    CaseStudyLink = apps.get_model("network", "CaseStudyLink")
    Consultation = apps.get_model("engagement", "Consultation")
    Story = apps.get_model("engagement", "Story")
    for event in Event.objects.exclude(feedback_reference=""):
        event.feedback_consultation = _find(Consultation, event.feedback_reference)
        event.save(update_fields=["feedback_consultation"])
    for study in CaseStudyLink.objects.exclude(story_id_text=""):
        study.story = _find(Story, study.story_id_text)
        study.save(update_fields=["story"])


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_consultations_responses_themes_stories"),
        ("network", "0002_resource_full_text"),
    ]

    operations = [
        migrations.RenameField("event", "feedback_consultation", "feedback_reference"),
        migrations.RenameField("casestudylink", "story_id", "story_id_text"),
        migrations.AddField(
            model_name="event",
            name="feedback_consultation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="network_events",
                to="engagement.consultation",
                verbose_name="feedback consultation",
            ),
        ),
        migrations.AddField(
            model_name="casestudylink",
            name="story",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="network_case_studies",
                to="engagement.story",
                verbose_name="story in the stories library",
            ),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveField("event", "feedback_reference"),
        migrations.RemoveField("casestudylink", "story_id_text"),
    ]
