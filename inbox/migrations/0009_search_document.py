"""The inbox search's stored document per conversation, kept up to date by PostgreSQL triggers."""

from importlib import import_module

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# PostgreSQL only: the GIN index, the functions that build a document and the triggers that
# keep every document up to date whatever code writes (ORM saves, queryset updates, bulk
# inserts, raw SQL). Statement-level triggers with transition tables: a bulk insert of 5,000
# messages refreshes each conversation it touched once, in one statement. Rows already there
# are filled by the same SQL as `manage.py search_rebuild`.
SQL = """
CREATE INDEX search_document_gin ON inbox_searchdocument USING gin (document);

CREATE FUNCTION inbox_search_vector(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT strip(to_tsvector('simple'::regconfig, body)
        || to_tsvector('italian'::regconfig, body)
        || to_tsvector('english'::regconfig, body))
$$;

CREATE FUNCTION inbox_search_text(conversation_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT concat_ws(' ', c.subject, ct.name, ct.email, ct.organisation,
        (SELECT string_agg(m.body_text, ' ') FROM inbox_message m WHERE m.conversation_id = c.id))
    FROM inbox_conversation c JOIN inbox_contact ct ON ct.id = c.contact_id
    WHERE c.id = $1
$$;

CREATE FUNCTION inbox_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE inbox_searchdocument
    SET document = inbox_search_vector(inbox_search_text(conversation_id))
    WHERE conversation_id = ANY($1)
$$;

-- The bulk loader (bench seed_perf) may switch the triggers off for its session and rebuild after.
CREATE FUNCTION inbox_search_deferred() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('staffetta.search_deferred', true), '') = 'on'
$$;

CREATE FUNCTION inbox_search_conversation_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF inbox_search_deferred() THEN RETURN NULL; END IF;
    INSERT INTO inbox_searchdocument (conversation_id, company_id, document)
    SELECT id, company_id, inbox_search_vector(inbox_search_text(id)) FROM new_rows
    ON CONFLICT (conversation_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_search_conversation_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF inbox_search_deferred() THEN RETURN NULL; END IF;
    PERFORM inbox_search_refresh(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.subject IS DISTINCT FROM o.subject OR n.contact_id IS DISTINCT FROM o.contact_id));
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_search_message_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF inbox_search_deferred() THEN RETURN NULL; END IF;
    PERFORM inbox_search_refresh(ARRAY(SELECT DISTINCT conversation_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_search_message_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF inbox_search_deferred() THEN RETURN NULL; END IF;
    PERFORM inbox_search_refresh(ARRAY(
        SELECT n.conversation_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.body_text IS DISTINCT FROM o.body_text OR n.conversation_id IS DISTINCT FROM o.conversation_id
        UNION
        SELECT o.conversation_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.conversation_id IS DISTINCT FROM o.conversation_id));
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_search_message_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF inbox_search_deferred() THEN RETURN NULL; END IF;
    PERFORM inbox_search_refresh(ARRAY(SELECT DISTINCT conversation_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_search_contact_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF inbox_search_deferred() THEN RETURN NULL; END IF;
    PERFORM inbox_search_refresh(ARRAY(
        SELECT c.id FROM inbox_conversation c WHERE c.contact_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.name IS DISTINCT FROM o.name OR n.email IS DISTINCT FROM o.email
                OR n.organisation IS DISTINCT FROM o.organisation)));
    RETURN NULL;
END $$;

CREATE TRIGGER search_conversation_inserted AFTER INSERT ON inbox_conversation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_search_conversation_inserted();
CREATE TRIGGER search_conversation_updated AFTER UPDATE ON inbox_conversation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_search_conversation_updated();
CREATE TRIGGER search_message_inserted AFTER INSERT ON inbox_message
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_search_message_inserted();
CREATE TRIGGER search_message_updated AFTER UPDATE ON inbox_message
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_search_message_updated();
CREATE TRIGGER search_message_deleted AFTER DELETE ON inbox_message
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_search_message_deleted();
CREATE TRIGGER search_contact_updated AFTER UPDATE ON inbox_contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_search_contact_updated();

INSERT INTO inbox_searchdocument (conversation_id, company_id, document)
SELECT id, company_id, inbox_search_vector(inbox_search_text(id)) FROM inbox_conversation
ON CONFLICT (conversation_id) DO UPDATE SET document = EXCLUDED.document;

-- The per-table expression indexes of 0003_search_indexes are replaced by the document.
DROP INDEX IF EXISTS conversation_search;
DROP INDEX IF EXISTS contact_search;
DROP INDEX IF EXISTS message_search;
"""

REVERSE_SQL = """
DROP TRIGGER IF EXISTS search_conversation_inserted ON inbox_conversation;
DROP TRIGGER IF EXISTS search_conversation_updated ON inbox_conversation;
DROP TRIGGER IF EXISTS search_message_inserted ON inbox_message;
DROP TRIGGER IF EXISTS search_message_updated ON inbox_message;
DROP TRIGGER IF EXISTS search_message_deleted ON inbox_message;
DROP TRIGGER IF EXISTS search_contact_updated ON inbox_contact;
DROP FUNCTION IF EXISTS inbox_search_conversation_inserted, inbox_search_conversation_updated,
    inbox_search_message_inserted, inbox_search_message_updated, inbox_search_message_deleted,
    inbox_search_contact_updated, inbox_search_deferred, inbox_search_refresh, inbox_search_text,
    inbox_search_vector;
DROP INDEX IF EXISTS search_document_gin;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(SQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(REVERSE_SQL)
        import_module("inbox.migrations.0003_search_indexes").create_indexes(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("engagements", "0004_privacynotice"),
        ("inbox", "0008_consentrecord"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "conversation",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="inbox.conversation",
                    ),
                ),
                ("document", django.contrib.postgres.search.SearchVectorField(null=True)),
                (
                    "company",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="engagements.company"
                    ),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
