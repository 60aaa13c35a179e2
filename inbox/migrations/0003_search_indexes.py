"""GIN indexes for the inbox's full-text search, on PostgreSQL only.

The indexed expressions are those of inbox.search.search_document, written out here so that
this migration does not change when the code does: each text in the 'simple', 'italian' and
'english' configurations. SQLite has no GIN indexes; there the search scans (see inbox.search).
The indexes are not in the models' Meta, so makemigrations leaves them alone.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIGS = ("simple", "italian", "english")


def document(*fields):
    vector = None
    for config in CONFIGS:
        part = SearchVector(*fields, config=config)
        vector = part if vector is None else vector + part
    return vector


def indexes():
    return [
        ("conversation", GinIndex(document("subject"), name="conversation_search")),
        ("contact", GinIndex(document("name", "email", "organisation"), name="contact_search")),
        ("message", GinIndex(document("body_text"), name="message_search")),
    ]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in indexes():
        schema_editor.add_index(apps.get_model("inbox", model_name), index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in indexes():
        schema_editor.remove_index(apps.get_model("inbox", model_name), index)


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0002_message_is_automatic"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
