"""Load Linkwork's wellbeing taxonomy (data/wellbeing_taxonomy.json)."""

from django.db import migrations


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    from linkwork.directory.taxonomy import load_default_taxonomy

    load_default_taxonomy(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
