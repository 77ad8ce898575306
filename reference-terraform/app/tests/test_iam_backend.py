"""The IAM database backend: a fresh boto3 token per connection, TLS enforced. No AWS needed."""

from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.utils import ConnectionHandler

from tests.envs import AWS_IAM_ENV as AWS
from wagtail_site import env
from wagtail_site.db_backends.iam_postgresql import base as iam


def make_wrapper(settings_dict):
    """A DatabaseWrapper for settings_dict, with Django's defaults filled in as for DATABASES."""
    handler = ConnectionHandler({"default": settings_dict})
    return handler["default"]


@pytest.fixture
def rds():
    """boto3's RDS client, mocked: generate_db_auth_token returns token-1, token-2, ..."""
    iam.clear_client_cache()
    client = mock.Mock()
    client.generate_db_auth_token.side_effect = [f"token-{n}" for n in range(1, 10)]
    with mock.patch("boto3.session.Session.client", return_value=client) as make_client:
        yield client, make_client
    iam.clear_client_cache()


@pytest.fixture
def connect():
    """psycopg.connect as the backend calls it, recording its arguments."""
    with mock.patch("psycopg.connect", return_value=mock.MagicMock(name="connection")) as fake:
        yield fake


def open_connection(wrapper):
    return wrapper.get_new_connection(wrapper.get_connection_params())


def test_token_is_made_with_host_port_user_and_region_and_used_as_password(rds, connect):
    client, make_client = rds
    wrapper = make_wrapper(env.database_settings(AWS))
    open_connection(wrapper)

    make_client.assert_called_once_with("rds", region_name="eu-west-2")
    client.generate_db_auth_token.assert_called_once_with(
        DBHostname="wagtail.cluster-abc.eu-west-2.rds.amazonaws.com",
        Port=5432,
        DBUsername="wagtail",
        Region="eu-west-2",
    )
    kwargs = connect.call_args.kwargs
    assert kwargs["password"] == "token-1"
    assert kwargs["sslmode"] == "verify-full"
    assert kwargs["sslrootcert"] == "/etc/ssl/certs/rds-global-bundle.pem"
    assert kwargs["host"] == AWS["DATABASE_HOST"]
    assert kwargs["user"] == "wagtail"
    assert kwargs["dbname"] == "wagtail"


def test_every_new_connection_gets_a_fresh_token(rds, connect):
    client, _ = rds
    wrapper = make_wrapper(env.database_settings(AWS))
    open_connection(wrapper)
    open_connection(wrapper)
    assert client.generate_db_auth_token.call_count == 2
    assert [c.kwargs["password"] for c in connect.call_args_list] == ["token-1", "token-2"]


def test_a_static_password_is_never_sent(rds, connect):
    settings_dict = {**env.database_settings(AWS), "PASSWORD": "should-not-be-used"}
    wrapper = make_wrapper(settings_dict)
    assert "password" not in wrapper.get_connection_params()
    open_connection(wrapper)
    assert connect.call_args.kwargs["password"] == "token-1"


@pytest.mark.parametrize("sslmode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_weaker_sslmodes_are_refused_before_any_token_is_made(rds, connect, sslmode):
    client, _ = rds
    wrapper = make_wrapper(env.database_settings({**AWS, "DATABASE_SSLMODE": sslmode}))
    with pytest.raises(ImproperlyConfigured, match="verify-full"):
        open_connection(wrapper)
    client.generate_db_auth_token.assert_not_called()
    connect.assert_not_called()


def test_sslmode_is_enforced_even_if_params_are_tampered_with(rds, connect):
    wrapper = make_wrapper(env.database_settings(AWS))
    params = {**wrapper.get_connection_params(), "sslmode": "disable"}
    with pytest.raises(ImproperlyConfigured, match="verify-full"):
        wrapper.get_new_connection(params)
    connect.assert_not_called()


def test_the_ca_bundle_is_required(rds, connect):
    without_ca = {k: v for k, v in AWS.items() if k != "DATABASE_SSLROOTCERT"}
    wrapper = make_wrapper(env.database_settings(without_ca))
    with pytest.raises(ImproperlyConfigured, match="DATABASE_SSLROOTCERT"):
        open_connection(wrapper)


def test_connection_pools_are_refused(rds, connect):
    settings_dict = env.database_settings(AWS)
    settings_dict["OPTIONS"]["pool"] = True
    settings_dict["CONN_MAX_AGE"] = 0
    wrapper = make_wrapper(settings_dict)
    with pytest.raises(ImproperlyConfigured, match="pool"):
        wrapper.get_connection_params()


def test_region_falls_back_to_the_sdk_default(rds, connect, monkeypatch):
    _, make_client = rds
    without_region = {k: v for k, v in AWS.items() if k != "AWS_REGION"}
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.delenv("AWS_REGION", raising=False)
    wrapper = make_wrapper(env.database_settings(without_region))
    open_connection(wrapper)
    make_client.assert_called_once_with("rds", region_name="eu-west-1")


def test_no_region_at_all_is_an_error(rds, connect, monkeypatch):
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    without_region = {k: v for k, v in AWS.items() if k != "AWS_REGION"}
    wrapper = make_wrapper(env.database_settings(without_region))
    with pytest.raises(ImproperlyConfigured, match="region"):
        open_connection(wrapper)


def test_real_boto3_makes_a_presigned_connect_token_offline(monkeypatch):
    """Unmocked boto3: the token is a SigV4 presigned rds-db connect request, made locally."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE00")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "example-secret-key-example-secret-key-00")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    iam.clear_client_cache()
    try:
        token = iam.generate_auth_token("db.example.internal", "5432", "wagtail", "eu-west-2")
    finally:
        iam.clear_client_cache()
    assert token.startswith("db.example.internal:5432/?")
    assert "Action=connect" in token
    assert "DBUser=wagtail" in token
    assert "X-Amz-Signature=" in token
    assert "eu-west-2%2Frds-db%2Faws4_request" in token
