"""Versions of the months of enquiry counts, bumped by PostgreSQL triggers (see inbox.EnquiryMonthStamp)."""

import django.db.models.deletion
from django.db import migrations, models

# PostgreSQL only. A month is the company's local month of the conversation's created_at.
# A version is a random number, never a counter: a database made again from nothing (the tests,
# a new benchmark) must not meet the versions, and so the cached counts, of an earlier one.
SQL = """
CREATE FUNCTION inbox_stamp_version() RETURNS bigint
LANGUAGE sql VOLATILE AS $$ SELECT (random() * 9e18)::bigint $$;

CREATE FUNCTION inbox_stamp_months(pairs jsonb) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO inbox_enquirymonthstamp (company_id, month, version)
    SELECT company_id, month, inbox_stamp_version() FROM (
        SELECT DISTINCT p.company_id, date_trunc('month', p.created_at AT TIME ZONE c.timezone)::date AS month
        FROM jsonb_to_recordset($1) AS p(company_id bigint, created_at timestamptz)
        JOIN engagements_company c ON c.id = p.company_id
    ) months
    ON CONFLICT (company_id, month) DO UPDATE SET version = inbox_stamp_version()
$$;

CREATE FUNCTION inbox_stamp_conversation_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM inbox_stamp_months((SELECT jsonb_agg(jsonb_build_object(
            'company_id', company_id, 'created_at', created_at)) FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM inbox_stamp_months((SELECT jsonb_agg(jsonb_build_object(
            'company_id', company_id, 'created_at', created_at)) FROM old_rows));
    ELSE
        PERFORM inbox_stamp_months((SELECT jsonb_agg(x) FROM (
            SELECT jsonb_build_object('company_id', o.company_id, 'created_at', o.created_at) AS x
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.status = 'spam') IS DISTINCT FROM (n.status = 'spam')
                OR o.channel_id IS DISTINCT FROM n.channel_id
                OR o.created_at IS DISTINCT FROM n.created_at OR o.company_id IS DISTINCT FROM n.company_id
            UNION ALL
            SELECT jsonb_build_object('company_id', n.company_id, 'created_at', n.created_at)
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.created_at IS DISTINCT FROM n.created_at OR o.company_id IS DISTINCT FROM n.company_id
        ) changed));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION inbox_stamp_mention_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM inbox_stamp_months((SELECT jsonb_agg(jsonb_build_object(
            'company_id', c.company_id, 'created_at', c.created_at))
            FROM inbox_conversation c WHERE c.id IN (SELECT conversation_id FROM new_rows)));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM inbox_stamp_months((SELECT jsonb_agg(jsonb_build_object(
            'company_id', c.company_id, 'created_at', c.created_at))
            FROM inbox_conversation c WHERE c.id IN (SELECT conversation_id FROM old_rows)));
    ELSE
        PERFORM inbox_stamp_months((SELECT jsonb_agg(jsonb_build_object(
            'company_id', c.company_id, 'created_at', c.created_at))
            FROM inbox_conversation c WHERE c.id IN (
                SELECT o.conversation_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE o.conversation_id IS DISTINCT FROM n.conversation_id
                UNION
                SELECT n.conversation_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE o.conversation_id IS DISTINCT FROM n.conversation_id)));
    END IF;
    RETURN NULL;
END $$;

-- A channel's kind or the company's time zone: every month of the company.
CREATE FUNCTION inbox_stamp_company_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'inbox_intakechannel' THEN
        UPDATE inbox_enquirymonthstamp SET version = inbox_stamp_version() WHERE company_id IN (
            SELECT n.company_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.kind IS DISTINCT FROM n.kind);
    ELSE
        UPDATE inbox_enquirymonthstamp SET version = inbox_stamp_version() WHERE company_id IN (
            SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.timezone IS DISTINCT FROM n.timezone);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER stamp_conversation_inserted AFTER INSERT ON inbox_conversation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_conversation_changed();
CREATE TRIGGER stamp_conversation_updated AFTER UPDATE ON inbox_conversation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_conversation_changed();
CREATE TRIGGER stamp_conversation_deleted AFTER DELETE ON inbox_conversation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_conversation_changed();
CREATE TRIGGER stamp_mention_inserted AFTER INSERT ON mentions_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_mention_changed();
CREATE TRIGGER stamp_mention_updated AFTER UPDATE ON mentions_mention
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_mention_changed();
CREATE TRIGGER stamp_mention_deleted AFTER DELETE ON mentions_mention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_mention_changed();
CREATE TRIGGER stamp_channel_updated AFTER UPDATE ON inbox_intakechannel
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_company_changed();
CREATE TRIGGER stamp_company_updated AFTER UPDATE ON engagements_company
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_stamp_company_changed();
"""

REVERSE_SQL = """
DROP TRIGGER IF EXISTS stamp_conversation_inserted ON inbox_conversation;
DROP TRIGGER IF EXISTS stamp_conversation_updated ON inbox_conversation;
DROP TRIGGER IF EXISTS stamp_conversation_deleted ON inbox_conversation;
DROP TRIGGER IF EXISTS stamp_mention_inserted ON mentions_mention;
DROP TRIGGER IF EXISTS stamp_mention_updated ON mentions_mention;
DROP TRIGGER IF EXISTS stamp_mention_deleted ON mentions_mention;
DROP TRIGGER IF EXISTS stamp_channel_updated ON inbox_intakechannel;
DROP TRIGGER IF EXISTS stamp_company_updated ON engagements_company;
DROP FUNCTION IF EXISTS inbox_stamp_conversation_changed, inbox_stamp_mention_changed,
    inbox_stamp_company_changed, inbox_stamp_months, inbox_stamp_version;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(SQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(REVERSE_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("engagements", "0005_company_two_factor_for_everyone_usersession"),
        ("inbox", "0010_conversation_first_response_index"),
        ("mentions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="EnquiryMonthStamp",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.DateField()),
                ("version", models.BigIntegerField(default=0)),
                (
                    "company",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="engagements.company"
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("company", "month"), name="enquiry_month_stamp_once")],
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
