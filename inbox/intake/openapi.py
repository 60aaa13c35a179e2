"""The OpenAPI 3.1 description of the public intake, served at /in/openapi.json and /in/docs/.

Written by hand as a dict: the endpoints are few and stable, and the words matter more than
generation. tests/inbox/intake/test_openapi.py checks that it stays well formed and that its
paths are the ones the app serves.
"""

import json
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from inbox.intake.forms import ACCEPTED_EXTENSIONS, IDEMPOTENCY_KEY_MAX_LENGTH, MAX_FORM_FILES, MESSAGE_MAX_LENGTH
from inbox.intake.signature import SIGNATURE_HEADER
from inbox.models import Attachment

BODY_LIMIT_KB = 64
FILE_LIMIT_MB = Attachment.MAX_BYTES // (1024 * 1024)
WEBHOOK_PATH = "/in/{public_key}/webhook/"
SUBMIT_PATH = "/in/{public_key}/submit/"

EXAMPLE_ENQUIRY = {
    "email": "anna.rossi@example.com",
    "name": "Anna Rossi",
    "organisation": "Rossi Meccanica Srl",
    "phone": "+39 0444 123456",
    "subject": "Preventivo per 200 flange",
    "message": "Buongiorno, vorrei un preventivo per 200 flange in acciaio inox DN50.",
    "language": "it",
    "landing_page": "https://www.example.it/prodotti/flange?utm_source=newsletter",
    "utm": {"source": "newsletter", "medium": "email", "campaign": "primavera"},
    "consent": {
        "given_at": "2025-03-14T09:30:00+01:00",
        "text": "Acconsento al trattamento dei miei dati per ricevere una risposta.",
        "source": "CRM form /contatti",
    },
    "idempotency_key": "crm-enquiry-4711",
}


def _text(max_length: int, description: str) -> dict:
    return {"type": "string", "maxLength": max_length, "description": description}


def _json_content(schema_name: str, example: dict | None = None) -> dict:
    content = {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
    if example is not None:
        content["example"] = example
    return {"application/json": content}


def _answer(description: str, schema: str = "Problem", **extra) -> dict:
    return {"description": description, "content": _json_content(schema), **extra}


RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before sending again.", "schema": {"type": "integer"}}}


def openapi_document(base_url: str) -> dict:
    public_key = {
        "name": "public_key",
        "in": "path",
        "required": True,
        "description": "The channel's public key, shown on the channels page of the inbox.",
        "schema": {"type": "string"},
    }
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Staffetta intake",
            "version": "1.0.0",
            "description": (
                "Send enquiries into a company's Staffetta inbox: from other tools through a signed JSON "
                "webhook, from web pages through the website form. Every accepted enquiry is stored before "
                "anything else happens; an acknowledgement, language detection and spam scoring follow."
            ),
        },
        "servers": [{"url": base_url}],
        "paths": {
            WEBHOOK_PATH: {
                "parameters": [public_key],
                "post": {
                    "operationId": "sendWebhookEnquiry",
                    "summary": "Send an enquiry from another tool",
                    "description": (
                        f"Sign the raw request body with the channel's signing secret (HMAC-SHA256) and send "
                        f"the hex digest as `{SIGNATURE_HEADER}: sha256=<hex>`. Give each enquiry an "
                        "idempotency key (header `Idempotency-Key` or field `idempotency_key`): sending it "
                        "again, for instance after a timeout, stores nothing new and answers 200 with the "
                        f"original result. Bodies up to {BODY_LIMIT_KB} KB."
                    ),
                    "security": [{"signature": []}],
                    "parameters": [
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "required": False,
                            "description": "Any unique text up to 200 characters; wins over the idempotency_key field.",
                            "schema": {"type": "string", "maxLength": IDEMPOTENCY_KEY_MAX_LENGTH},
                        }
                    ],
                    "requestBody": {"required": True, "content": _json_content("WebhookEnquiry", EXAMPLE_ENQUIRY)},
                    "responses": {
                        "201": _answer("Stored: a new conversation is in the inbox.", "Received"),
                        "200": _answer(
                            "Already received with this idempotency key: the original result, nothing new stored.",
                            "Received",
                            headers={
                                "Idempotent-Replayed": {
                                    "description": "Always true on this answer.",
                                    "schema": {"type": "string", "enum": ["true"]},
                                }
                            },
                        ),
                        "400": _answer("Not valid JSON, or fields to correct (see errors).", "Problem"),
                        "401": _answer(f"{SIGNATURE_HEADER} is missing or does not match the body."),
                        "404": _answer("No active webhook channel has this key."),
                        "413": _answer(f"The body is larger than {BODY_LIMIT_KB} KB."),
                        "415": _answer("The body is not sent as application/json."),
                        "429": _answer(
                            "Too many requests from this address: wait Retry-After seconds.", headers=RETRY_AFTER
                        ),
                    },
                },
            },
            SUBMIT_PATH: {
                "parameters": [public_key],
                "post": {
                    "operationId": "submitWebsiteForm",
                    "summary": "Submit the website form",
                    "description": (
                        "Used by the hosted form and by the embeddable snippet. Web pages may call it only "
                        "from the channel's allowed websites (checked on the Origin header; CORS). Answers "
                        "in the visitor's language (lang, then the form's language field, then "
                        "Accept-Language). A form post without Accept: application/json is answered with a "
                        "303 redirect to the thank-you page. At most 10 posts per 10 minutes from one address. "
                        f"Files (up to {MAX_FORM_FILES}, {FILE_LIMIT_MB} MB each) are sent as "
                        "`multipart/form-data` in the field `attachments`; a file of a kind we do not accept "
                        "refuses the whole post (400, errors under `attachments`)."
                    ),
                    "parameters": [
                        {
                            "name": "lang",
                            "in": "query",
                            "required": False,
                            "description": "Language of the answer: it or en.",
                            "schema": {"type": "string", "enum": ["it", "en"]},
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/FormEnquiry"}},
                            "application/x-www-form-urlencoded": {
                                "schema": {"$ref": "#/components/schemas/FormEnquiry"}
                            },
                            "multipart/form-data": {
                                "schema": {"$ref": "#/components/schemas/FormEnquiryWithFiles"},
                                "encoding": {"attachments": {"contentType": "application/octet-stream"}},
                            },
                        },
                    },
                    "responses": {
                        "200": _answer("Received (JSON answer): show message to the visitor.", "Thanks"),
                        "303": {"description": "Received (form post): go to the thank-you page."},
                        "400": _answer("Fields to correct (see errors), in the visitor's language.", "Problem"),
                        "403": _answer("The calling website is not among the channel's allowed websites."),
                        "404": _answer("No active form channel has this key."),
                        "413": _answer(
                            f"The body is larger than {BODY_LIMIT_KB} KB (multipart/form-data: "
                            f"{MAX_FORM_FILES} × {FILE_LIMIT_MB} MB + {BODY_LIMIT_KB} KB)."
                        ),
                        "415": _answer("The body is neither JSON nor form data."),
                        "429": _answer(
                            "Too many posts from this address: wait Retry-After seconds.", headers=RETRY_AFTER
                        ),
                        "503": _answer(
                            "Only with files: the enquiry could not be stored just now and nothing was kept. "
                            "Send it again in a minute."
                        ),
                    },
                },
                "options": {
                    "operationId": "submitWebsiteFormPreflight",
                    "summary": "CORS preflight of the form submission",
                    "responses": {
                        "204": {"description": "The Origin is allowed: Access-Control-Allow-* headers follow."},
                        "403": _answer("The Origin is not among the channel's allowed websites."),
                    },
                },
            },
        },
        "components": {
            "securitySchemes": {
                "signature": {
                    "type": "apiKey",
                    "in": "header",
                    "name": SIGNATURE_HEADER,
                    "description": "sha256=<hex>: the HMAC-SHA256 of the raw body with the channel's signing secret.",
                }
            },
            "schemas": {
                "WebhookEnquiry": {
                    "type": "object",
                    "required": ["email", "message"],
                    "properties": {
                        "email": {"type": "string", "format": "email", "description": "The sender's email address."},
                        "message": _text(MESSAGE_MAX_LENGTH, "The enquiry, plain text."),
                        "name": _text(160, "The sender's name."),
                        "subject": _text(250, "Subject; without it, the first line of the message."),
                        "organisation": _text(160, "The sender's company or organisation."),
                        "phone": _text(40, "Phone number."),
                        "language": _text(8, "Language of the enquiry (it, en…); detected from the text if absent."),
                        "landing_page": {
                            "type": "string",
                            "format": "uri",
                            "maxLength": 500,
                            "description": "The page where the enquiry started.",
                        },
                        "referrer": {
                            "type": "string",
                            "format": "uri",
                            "maxLength": 500,
                            "description": "The page before the landing page.",
                        },
                        "utm": {"$ref": "#/components/schemas/Utm"},
                        "consent": {"$ref": "#/components/schemas/Consent"},
                        "idempotency_key": _text(
                            IDEMPOTENCY_KEY_MAX_LENGTH, "Unique key of this enquiry in your tool."
                        ),
                    },
                },
                "Utm": {
                    "type": "object",
                    "description": "UTM parameters of the landing page (the utm_ prefix is optional).",
                    "properties": {
                        name: _text(120, f"utm_{name}") for name in ("source", "medium", "campaign", "term", "content")
                    },
                },
                "Consent": {
                    "type": "object",
                    "description": "The GDPR consent the person gave, stored with the contact.",
                    "required": ["given_at", "text"],
                    "properties": {
                        "given_at": {
                            "type": "string",
                            "format": "date-time",
                            "description": "When, ISO 8601 with time zone.",
                        },
                        "text": {"type": "string", "description": "The words the person agreed to."},
                        "source": _text(200, "Where (form, page, tool); default: the channel."),
                    },
                },
                "FormEnquiry": {
                    "type": "object",
                    "required": ["name", "email", "message", "consent"],
                    "properties": {
                        "name": _text(160, "The visitor's name."),
                        "email": {"type": "string", "format": "email", "description": "The visitor's email address."},
                        "organisation": _text(160, "Company or organisation."),
                        "phone": _text(40, "Phone number."),
                        "subject": _text(250, "Subject."),
                        "message": _text(MESSAGE_MAX_LENGTH, "The enquiry."),
                        "consent": {"type": ["boolean", "string"], "description": 'Must be true (or "on").'},
                        "website": {
                            "type": "string",
                            "description": "The honeypot: leave empty. Filled in, the enquiry is kept as spam.",
                        },
                        "language": _text(8, "Language of the visitor (it, en)."),
                        "landing_page": _text(500, "The page that shows the form."),
                        "referrer": _text(500, "The page before it."),
                        "utm_source": _text(120, "utm_source of the page."),
                        "utm_medium": _text(120, "utm_medium of the page."),
                        "utm_campaign": _text(120, "utm_campaign of the page."),
                        "utm_term": _text(120, "utm_term of the page."),
                        "utm_content": _text(120, "utm_content of the page."),
                        "idempotency_key": _text(
                            IDEMPOTENCY_KEY_MAX_LENGTH, "One per displayed form: a double click is stored once."
                        ),
                    },
                },
                "FormEnquiryWithFiles": {
                    "type": "object",
                    "description": "The form's fields, plus files.",
                    "required": ["name", "email", "message", "consent"],
                    "properties": {
                        "attachments": {
                            "type": "array",
                            "maxItems": MAX_FORM_FILES,
                            "description": (
                                f"Optional files, {FILE_LIMIT_MB} MB each at most, of these kinds: "
                                f"{ACCEPTED_EXTENSIONS.replace(',', ' ')}."
                            ),
                            "items": {"type": "string", "contentMediaType": "application/octet-stream"},
                        },
                    },
                },
                "Received": {
                    "type": "object",
                    "required": ["ok", "id"],
                    "properties": {
                        "ok": {"type": "boolean", "const": True},
                        "message": {"type": "string"},
                        "id": {"type": "integer", "description": "The receipt: the stored inbound item."},
                        "conversation_id": {"type": ["integer", "null"], "description": "The conversation opened."},
                    },
                },
                "Thanks": {
                    "type": "object",
                    "required": ["ok", "message"],
                    "properties": {
                        "ok": {"type": "boolean", "const": True},
                        "message": {"type": "string", "description": "The thank-you text, to show to the visitor."},
                    },
                },
                "Problem": {
                    "type": "object",
                    "required": ["ok", "message"],
                    "properties": {
                        "ok": {"type": "boolean", "const": False},
                        "message": {"type": "string", "description": "What went wrong, for a person to read."},
                        "errors": {
                            "type": "object",
                            "description": "Field name → messages.",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                },
            },
        },
    }
    schemas = document["components"]["schemas"]
    # The multipart form: every field of FormEnquiry, then the files.
    with_files = schemas["FormEnquiryWithFiles"]
    with_files["properties"] = {**schemas["FormEnquiry"]["properties"], **with_files["properties"]}
    return document


PYTHON_EXAMPLE = """import hashlib
import hmac
import json
import urllib.request

URL = "{url}"
SECRET = "<the channel's signing secret>"

body = json.dumps({example}).encode()
signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
request = urllib.request.Request(
    URL,
    data=body,
    method="POST",
    headers={{
        "Content-Type": "application/json",
        "X-Staffetta-Signature": signature,
        "Idempotency-Key": "crm-enquiry-4711",
    }},
)
with urllib.request.urlopen(request) as response:
    print(response.status, response.read().decode())
"""

CURL_EXAMPLE = """URL='{url}'
SECRET='<the channel signing secret>'
BODY='{example}'
SIGNATURE=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')
curl -sS -X POST "$URL" \\
  -H 'Content-Type: application/json' \\
  -H "X-Staffetta-Signature: sha256=$SIGNATURE" \\
  -H 'Idempotency-Key: crm-enquiry-4711' \\
  --data-raw "$BODY"
"""


def _resolve(document: dict, schema: dict) -> dict:
    ref = schema.get("$ref")
    if not ref:
        return schema
    node = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _fields(document: dict, schema: dict, prefix: str = "") -> list[dict]:
    schema = _resolve(document, schema)
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        resolved = _resolve(document, prop)
        kind = resolved.get("type", "")
        rows.append(
            {
                "name": prefix + name,
                "type": " | ".join(kind) if isinstance(kind, list) else kind,
                "required": name in required,
                "description": resolved.get("description", ""),
                "max_length": resolved.get("maxLength"),
            }
        )
        if kind == "object" and resolved.get("properties"):
            rows.extend(_fields(document, resolved, prefix=f"{prefix}{name}."))
    return rows


def _with_code(text: str) -> str:
    """Markdown's `code` spans as <code>, everything else escaped."""
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def docs_context(document: dict, base_url: str) -> dict:
    """The document laid out for the human page: one entry per operation."""
    endpoints = []
    for path, item in document["paths"].items():
        for method in ("post", "options"):
            operation = item.get(method)
            if operation is None:
                continue
            content = operation.get("requestBody", {}).get("content", {})
            body_schema = next(iter(content.values()), {}).get("schema")
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation["summary"],
                    "description": _with_code(operation.get("description", "")),
                    "content_types": list(content),
                    "parameters": [*item.get("parameters", []), *operation.get("parameters", [])],
                    "signed": bool(operation.get("security")),
                    "fields": _fields(document, body_schema) if body_schema else [],
                    "responses": [
                        {"code": code, "description": answer["description"]}
                        for code, answer in operation["responses"].items()
                    ],
                }
            )
    url = base_url + WEBHOOK_PATH.replace("{public_key}", "<public_key>")
    example = {k: v for k, v in EXAMPLE_ENQUIRY.items() if k in ("email", "name", "subject", "message")}
    return {
        "document": document,
        "endpoints": endpoints,
        "signature_header": SIGNATURE_HEADER,
        "python_example": PYTHON_EXAMPLE.format(url=url, example=json.dumps(example, ensure_ascii=False)),
        "curl_example": CURL_EXAMPLE.format(url=url, example=json.dumps(example, ensure_ascii=False)),
    }
