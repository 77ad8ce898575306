"""Django's PostgreSQL backend, logging in with an RDS IAM authentication token.

An IAM token is a SigV4-presigned request that RDS accepts as the password for 15 minutes. It is
made locally by boto3 from the task role's credentials (no network call), so the backend makes a
fresh one each time it opens a connection; an open connection outlives its token.

RDS accepts a token only over TLS, and the token is a credential, so the backend insists on
sslmode=verify-full with an explicit CA bundle (DATABASE_SSLROOTCERT, the RDS global bundle in the
image): anything weaker is a configuration error, not a silent downgrade.

settings.DATABASES entry (built by wagtail_site.env.database_settings when DATABASE_IAM_AUTH=true):
    ENGINE: this module; HOST, PORT, NAME, USER as usual; PASSWORD empty
    OPTIONS: {"sslmode": "verify-full", "sslrootcert": "/path/to/global-bundle.pem"}
    IAM_AUTH_REGION: the cluster's region (None: boto3's default region)
"""

import threading

import boto3
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.postgresql import base

REQUIRED_SSLMODE = "verify-full"

_clients = {}
_clients_lock = threading.Lock()


def rds_client(region):
    """One RDS client per region, made once: boto3 clients are thread-safe, their creation is not."""
    with _clients_lock:
        client = _clients.get(region)
        if client is None:
            client = boto3.session.Session().client("rds", region_name=region)
            _clients[region] = client
        return client


def clear_client_cache():
    with _clients_lock:
        _clients.clear()


def resolve_region(region):
    region = region or boto3.session.Session().region_name
    if not region:
        raise ImproperlyConfigured(
            "IAM database authentication needs a region: set DATABASE_REGION or AWS_REGION"
        )
    return region


def generate_auth_token(host, port, user, region):
    """The password for one new connection: an RDS IAM token for user@host:port."""
    return rds_client(region).generate_db_auth_token(
        DBHostname=host, Port=int(port), DBUsername=user, Region=region
    )


def check_tls(options):
    sslmode = options.get("sslmode")
    if sslmode != REQUIRED_SSLMODE:
        raise ImproperlyConfigured(
            f"IAM database authentication needs sslmode={REQUIRED_SSLMODE}, not {sslmode!r}: "
            "the token is a credential and RDS accepts it only over TLS"
        )
    if not options.get("sslrootcert"):
        raise ImproperlyConfigured(
            "IAM database authentication needs the RDS CA bundle: set DATABASE_SSLROOTCERT"
        )


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        options = self.settings_dict["OPTIONS"]
        if options.get("pool"):
            # A psycopg pool is built once with fixed connection arguments, so the pool's later
            # connections would reuse an expired token.
            raise ImproperlyConfigured("IAM database authentication does not support OPTIONS['pool']")
        check_tls(options)
        for key in ("HOST", "PORT", "USER"):
            if not self.settings_dict.get(key):
                raise ImproperlyConfigured(f"IAM database authentication needs DATABASES {key}")
        params = super().get_connection_params()
        # Never a static password: the token is added in get_new_connection.
        params.pop("password", None)
        return params

    def get_new_connection(self, conn_params):
        check_tls(conn_params)
        region = resolve_region(self.settings_dict.get("IAM_AUTH_REGION"))
        token = generate_auth_token(
            host=conn_params["host"],
            port=conn_params["port"],
            user=conn_params["user"],
            region=region,
        )
        return super().get_new_connection({**conn_params, "password": token})
