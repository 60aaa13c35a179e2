"""The OpenAPI document of the intake and its human page."""

import json
import re

from django.urls import Resolver404, resolve

from inbox.intake.openapi import EXAMPLE_ENQUIRY, openapi_document
from inbox.intake.signature import sign

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def test_the_document_is_served_as_json_with_this_server(client, db):
    response = client.get("/in/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document == json.loads(json.dumps(openapi_document("http://testserver")))
    assert document["servers"] == [{"url": "http://testserver"}]


def test_the_document_is_well_formed_openapi_3_1():
    document = openapi_document("https://staffetta.example")
    assert document["openapi"].startswith("3.1.")
    assert document["info"]["title"]
    assert document["info"]["version"]
    assert document["paths"]
    for path, item in document["paths"].items():
        assert path.startswith("/")
        for name in re.findall(r"{(\w+)}", path):
            assert any(p["name"] == name and p["in"] == "path" and p["required"] for p in item["parameters"])
        operations = {method: op for method, op in item.items() if method in HTTP_METHODS}
        assert operations, path
        for method, operation in operations.items():
            assert operation["summary"], (path, method)
            assert operation["responses"], (path, method)
            assert any(code.startswith("2") for code in operation["responses"]), (path, method)
            for code, answer in operation["responses"].items():
                assert re.fullmatch(r"[1-5]\d\d", code)
                assert answer["description"]
    ids = [op["operationId"] for item in document["paths"].values() for m, op in item.items() if m in HTTP_METHODS]
    assert len(ids) == len(set(ids))


def test_every_reference_resolves():
    document = openapi_document("https://staffetta.example")
    found = list(refs(document))
    assert found
    for ref in found:
        node = document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        assert isinstance(node, dict)
    for name in (
        s["security"][0]
        for item in document["paths"].values()
        for s in item.values()
        if isinstance(s, dict) and s.get("security")
    ):
        assert set(name) <= set(document["components"]["securitySchemes"])


def test_every_documented_path_is_served():
    document = openapi_document("https://staffetta.example")
    for path in document["paths"]:
        try:
            resolve(path.replace("{public_key}", "abc123"))
        except Resolver404:
            raise AssertionError(f"{path} is documented but not served") from None


def test_the_documented_example_is_accepted_by_the_webhook(client, webhook_channel):
    body = json.dumps(EXAMPLE_ENQUIRY).encode()
    response = client.post(
        f"/in/{webhook_channel.public_key}/webhook/",
        body,
        content_type="application/json",
        HTTP_X_STAFFETTA_SIGNATURE=sign(webhook_channel.secret, body),
    )
    assert response.status_code == 201
    required = openapi_document("x")["components"]["schemas"]["Received"]["required"]
    assert set(required) <= set(response.json())


def test_the_docs_page_lists_endpoints_headers_fields_and_examples(client, db):
    response = client.get("/in/docs/?lang=en")
    content = response.content.decode()
    assert response.status_code == 200
    assert "<code>POST /in/{public_key}/webhook/</code>" in content
    assert "<code>OPTIONS /in/{public_key}/submit/</code>" in content
    assert "X-Staffetta-Signature" in content
    assert "Idempotency-Key" in content
    assert "<code>consent.given_at</code>" in content
    assert "hmac.new(SECRET.encode(), body, hashlib.sha256)" in content
    assert "openssl dgst -sha256 -hmac" in content
    assert "cdn" not in content.lower()
    assert "Signing a webhook call" in content


def test_the_docs_page_is_in_italian_by_default(client, db):
    assert "Firmare una chiamata al webhook" in client.get("/in/docs/").content.decode()


def test_docs_page_query_count_is_fixed(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        assert client.get("/in/docs/").status_code == 200


def test_the_submit_endpoint_documents_files_as_multipart_form_data():
    document = openapi_document("https://staffetta.example")
    operation = document["paths"]["/in/{public_key}/submit/"]["post"]
    multipart = operation["requestBody"]["content"]["multipart/form-data"]
    schema = document["components"]["schemas"][multipart["schema"]["$ref"].rsplit("/", 1)[-1]]
    assert schema["properties"]["attachments"]["maxItems"] == 3
    assert {"name", "email", "message", "consent"} <= set(schema["properties"])
    assert {"400", "413", "503"} <= set(operation["responses"])
