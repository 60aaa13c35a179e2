"""/c/<slug>/calendar/results/import/: results of many items from a CSV file, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contentdesk.models import ContentEvent, ContentItem
from contentdesk.publishing import results_import
from engagements.roles import Role
from tests.contentdesk.factories import ContentItemFactory

URL = "/c/officine-test/calendar/results/import/"
TEMPLATE = "/c/officine-test/calendar/results/template.csv"
S = ContentItem.Status


@pytest.fixture
def posts(company, linkedin):
    return [
        ContentItemFactory(
            company=company, channel=linkedin, published=True, published_url=f"https://www.linkedin.com/posts/p{n}"
        )
        for n in range(3)
    ]


def upload(client, text: str, *, encoding="utf-8", name="risultati.csv"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(URL, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def results(items):
    by_pk = {i.pk: i for i in ContentItem.objects.filter(pk__in=[i.pk for i in items])}
    return [(by_pk[i.pk].reach, by_pk[i.pk].clicks, by_pk[i.pk].enquiries) for i in items]


def test_a_good_file_updates_every_item_in_one_go(login, digital_manager, posts):
    a, b, c = posts
    text = (
        "url,reach,clicks,enquiries\n"
        f"{a.published_url},1200,30,1\n"
        f"{b.published_url}/,800,12,0\n"  # a final slash is the same address
        f"{c.published_url},50,,\n"
    )
    browser = login(digital_manager)
    response = upload(browser, text)

    assert response.status_code == 302
    assert results(posts) == [(1200, 30, 1), (800, 12, 0), (50, None, None)]
    assert ContentEvent.objects.filter(kind=ContentEvent.Kind.RESULTS).count() == 3
    page = browser.get(response["Location"]).content.decode()
    assert "3 contenuti aggiornati" in page


def test_bom_semicolons_italian_headers_and_thousands(login, digital_manager, posts):
    a, b, _c = posts
    text = f"\ufeffCodice;Copertura;Clic;Richieste\n{a.utm_content};1.234;56;2\nsf-{b.pk};12.500;1.001;0\n"
    assert upload(login(digital_manager), text).status_code == 302
    assert results(posts[:2]) == [(1234, 56, 2), (12500, 1001, 0)]


def test_excel_windows_encoding_and_sep_hint(login, digital_manager, posts):
    a = posts[0]
    text = f"sep=;\nIndirizzo;Persone raggiunte;Clic sul link\n{a.published_url};2.000;40\n"
    assert upload(login(digital_manager), text, encoding="cp1252").status_code == 302
    assert results([a]) == [(2000, 40, None)]


def test_an_empty_cell_keeps_the_value_already_recorded(login, digital_manager, posts):
    a = posts[0]
    ContentItem.objects.filter(pk=a.pk).update(reach=999, clicks=9, enquiries=1)
    upload(login(digital_manager), f"codice;copertura;clic;richieste\n{a.utm_content};1000;;\n")
    assert results([a]) == [(1000, 9, 1)]


def test_importing_the_same_file_twice_records_nothing_the_second_time(login, digital_manager, posts):
    text = f"codice;copertura\n{posts[0].utm_content};100\n"
    browser = login(digital_manager)
    upload(browser, text)
    response = upload(browser, text)
    assert ContentEvent.objects.filter(kind=ContentEvent.Kind.RESULTS).count() == 1
    assert "già questi risultati" in browser.get(response["Location"]).content.decode()


def test_one_bad_row_and_nothing_is_imported_with_a_report(login, company, other_company, digital_manager, posts):
    a, b, c = posts
    foreign = ContentItemFactory(company=other_company, published=True, published_url="https://x.example/foreign")
    draft = ContentItemFactory(company=company, channel=a.channel, status=S.DRAFT)
    text = "\n".join(
        [
            "codice;url;copertura;clic;richieste",
            f"{a.utm_content};;1000;10;1",  # 2: good
            ";https://www.linkedin.com/posts/unknown;10;1;0",  # 3: unknown address
            f"{b.utm_content};;-5;1;0",  # 4: negative
            f"{c.utm_content};;molti;1;0",  # 5: text in a number column
            f"{a.utm_content};;5;1;0",  # 6: the same item again
            f"{foreign.utm_content};;5;1;0",  # 7: another company's item: unknown
            f";{foreign.published_url};5;1;0",  # 8: another company's address: unknown
            f"{draft.utm_content};;5;1;0",  # 9: not published
            ";;5;1;0",  # 10: no item named
            "abc;;5;1;0",  # 11: not a code
        ]
    )
    before = results(posts)

    response = upload(login(digital_manager), text)

    assert response.status_code == 400
    assert results(posts) == before
    assert ContentItem.objects.get(pk=foreign.pk).reach is None
    assert not ContentEvent.objects.filter(kind=ContentEvent.Kind.RESULTS).exists()
    check = response.context["check"]
    problems = {(p.row, p.column) for p in check.problems}
    assert problems == {
        (3, "url"),
        (4, "copertura"),
        (5, "copertura"),
        (6, "codice"),
        (7, "codice"),
        (8, "url"),
        (9, "codice"),
        (10, "codice"),
        (11, "codice"),
    }
    content = response.content.decode()
    assert "Non è stato importato nulla" in content
    assert "1 riga su 10 è corretta" in content
    assert "non è un numero" in content
    assert "negativ" in content
    assert "riga 2" in content  # the duplicate names the first row


def test_a_missing_column_is_reported_for_the_whole_file(login, digital_manager, posts):
    response = upload(login(digital_manager), "titolo;copertura\nPost;10\n")
    assert response.status_code == 400
    assert "Manca la colonna" in response.content.decode()
    response = upload(login(digital_manager), f"codice;titolo\n{posts[0].utm_content};Post\n")
    assert response.status_code == 400
    assert "almeno una tra" in response.content.decode()
    assert results(posts[:1]) == [(None, None, None)]


def test_a_file_too_large_is_refused(login, digital_manager, posts, monkeypatch):
    monkeypatch.setattr(results_import, "MAX_BYTES", 100)
    text = "codice;copertura\n" + "".join(f"{posts[0].utm_content};{n}\n" for n in range(20))
    response = upload(login(digital_manager), text)
    assert response.status_code == 400
    assert "troppo grande" in response.content.decode()


def test_too_many_rows_are_refused(login, digital_manager, posts, monkeypatch):
    monkeypatch.setattr(results_import, "MAX_ROWS", 2)
    text = "codice;copertura\n" + "".join(f"{p.utm_content};1\n" for p in posts)
    response = upload(login(digital_manager), text)
    assert response.status_code == 400
    assert "Troppe righe" in response.content.decode()
    assert results(posts) == [(None, None, None)] * 3


def test_an_empty_file_or_no_file(login, digital_manager):
    browser = login(digital_manager)
    assert upload(browser, "").status_code == 400
    assert browser.post(URL, {}).status_code == 400


def test_a_binary_file_is_not_readable_text(login, digital_manager, posts):
    response = upload(login(digital_manager), b"\x89PNG\r\n\x1a\n\x00\x00\x81\x8d\x8f\x90\x9d")
    assert response.status_code == 400


@pytest.mark.parametrize("role", [Role.OWNER, Role.COLLEAGUE])
def test_only_writers_import(login, users_by_role, role, posts):
    assert login(users_by_role[role]).get(URL).status_code == 403
    assert login(users_by_role[role]).get(TEMPLATE).status_code == 403


def test_the_template_lists_recent_published_items_for_italian_excel(login, company, digital_manager, posts):
    ContentItem.objects.filter(pk=posts[0].pk).update(reach=1500)
    response = login(digital_manager).get(TEMPLATE)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffurl;codice;titolo;copertura;clic;richieste\r\n")
    assert f"{posts[0].published_url};{posts[0].utm_content};" in text
    assert ";1500;;" in text


def test_the_filled_template_imports_as_it_is(login, digital_manager, posts):
    browser = login(digital_manager)
    template = browser.get(TEMPLATE).content.decode("utf-8")
    filled = template.replace(";;;\r\n", ";10;2;1\r\n")
    assert upload(browser, filled).status_code == 302
    assert results(posts) == [(10, 2, 1)] * 3


@pytest.mark.parametrize("count", [3, 30])
def test_import_query_count_does_not_grow_per_row_when_checking(
    company, linkedin, digital_manager, count, django_assert_max_num_queries
):
    items = ContentItemFactory.create_batch(count, company=company, channel=linkedin, published=True)
    text = "codice;copertura\n" + "".join(f"{i.utm_content};-1\n" for i in items)
    # 1 the items named by code, 2 the company's published addresses.
    with django_assert_max_num_queries(2):
        check = results_import.check_results_file(company, SimpleUploadedFile("r.csv", text.encode()))
    assert len(check.problems) == count


def test_import_page_query_count(login, digital_manager, django_assert_max_num_queries):
    browser = login(digital_manager)
    browser.get(URL)
    # 1 session, 2 user, 3 membership with company, then the navigation (base.html).
    with django_assert_max_num_queries(6):
        assert browser.get(URL).status_code == 200


@pytest.mark.parametrize(
    ("typed", "number"),
    [("0", 0), ("1234", 1234), ("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("12.345.678", 12345678),
     ("1.234,00", 1234), ("15,00", 15), ("\u00a02.000\u00a0", 2000)],
)  # fmt: skip
def test_numbers_as_spreadsheets_write_them(typed, number):
    assert results_import.parse_number(typed) == number


@pytest.mark.parametrize("typed", ["-1", "1,5", "abc", "1.23", "3000000000", "1e3"])
def test_numbers_that_are_refused(typed):
    with pytest.raises(ValueError, match=r"\w"):
        results_import.parse_number(typed)
