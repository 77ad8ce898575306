"""/healthz/: 200 for any Host, without the database (pytest-django blocks database access here)."""

import pytest


@pytest.fixture
def strict_hosts(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["wagtail.example.org"]


@pytest.mark.parametrize("path", ["/healthz/", "/healthz"])
def test_healthz_answers_200_for_a_task_ip_without_the_database(client, strict_hosts, path):
    response = client.get(path, HTTP_HOST="10.0.12.34:8000")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def test_head_is_answered_too(client, strict_hosts):
    assert client.head("/healthz/", HTTP_HOST="10.0.12.34").status_code == 200


def test_other_paths_still_validate_the_host(client, strict_hosts):
    assert client.get("/admin/login/", HTTP_HOST="10.0.12.34").status_code == 400


def test_post_is_not_a_health_check(client, strict_hosts):
    assert client.post("/healthz/", HTTP_HOST="10.0.12.34").status_code == 400
