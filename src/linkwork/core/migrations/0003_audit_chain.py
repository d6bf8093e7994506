"""The audit log becomes tamper-evident: a hash chain over every entry, a chain-head row that
serialises writers, and triggers that refuse UPDATE and DELETE (docs/decisions/0005)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from linkwork.core.audit_sql import TRIGGERS_DOWN, TRIGGERS_UP


def chain_existing_entries(apps, schema_editor):
    """Chain the entries written before this migration, oldest first."""
    from linkwork.core.audit import GENESIS, HEAD_ID, entry_hash

    entry_model = apps.get_model("core", "AuditEntry")
    head_model = apps.get_model("core", "AuditChainHead")
    db = schema_editor.connection.alias
    prev, seq = GENESIS, 0
    for entry in entry_model.objects.using(db).order_by("at", "pk").iterator():
        seq += 1
        entry.seq, entry.prev_hash = seq, prev
        entry.client_request_id = entry.client_request_id or ""
        entry.entry_hash = entry_hash(entry)
        entry_model.objects.using(db).filter(pk=entry.pk).update(
            seq=seq, prev_hash=prev, entry_hash=entry.entry_hash
        )
        prev = entry.entry_hash
    if seq:
        head_model.objects.using(db).create(pk=HEAD_ID, seq=seq, last_hash=prev)


def add_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in TRIGGERS_UP.get(vendor, ()):
        schema_editor.execute(statement, params=None)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in TRIGGERS_DOWN.get(vendor, ()):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_roles'),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditChainHead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seq', models.BigIntegerField(default=0)),
                ('last_hash', models.CharField(max_length=64)),
            ],
        ),
        migrations.AddField(
            model_name='auditentry',
            name='client_request_id',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='entry_hash',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='prev_hash',
            field=models.CharField(editable=False, max_length=64, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='seq',
            field=models.BigIntegerField(editable=False, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='actor',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
