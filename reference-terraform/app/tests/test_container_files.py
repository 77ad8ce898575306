"""The Dockerfile and docker-compose.yml keep the deployment's rules: non-root, static files at
build time, no migrations in the web command, migrate as a one-shot before web."""

import re
from pathlib import Path

import pytest
import yaml

APP = Path(__file__).resolve().parent.parent
COMPOSE = APP.parent / "local" / "docker-compose.yml"


@pytest.fixture(scope="module")
def dockerfile():
    return (APP / "Dockerfile").read_text()


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def instructions(text):
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#")))
    return [(m.group(1).upper(), m.group(2)) for m in re.finditer(r"^\s*(\w+)\s+(.*)$", joined, re.M)]


def last_stage(text):
    stages = re.split(r"^FROM ", text, flags=re.M)
    return instructions("FROM " + stages[-1])


def test_the_image_runs_as_a_non_root_user(dockerfile):
    users = [args.strip() for op, args in last_stage(dockerfile) if op == "USER"]
    assert users, "the runtime stage sets no USER"
    assert users[-1].split(":")[0] not in ("root", "0")


def test_static_files_are_collected_at_build_time(dockerfile):
    runs = [args for op, args in last_stage(dockerfile) if op == "RUN"]
    assert any("collectstatic" in r for r in runs)


def test_the_command_is_gunicorn_and_never_migrates(dockerfile):
    cmds = [args for op, args in last_stage(dockerfile) if op in ("CMD", "ENTRYPOINT")]
    assert cmds and "gunicorn" in cmds[-1]
    assert not any("migrate" in c for c in cmds)


def test_requirements_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (APP / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][\w.]*", line), f"{name}: {line}"


def test_postgres_has_a_pg_isready_health_check(compose):
    check = compose["services"]["postgres"]["healthcheck"]["test"]
    assert "pg_isready" in " ".join(check)


def test_migrate_is_one_shot_after_postgres_is_healthy(compose):
    migrate = compose["services"]["migrate"]
    assert migrate["command"][-2:] == ["migrate", "--noinput"]
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert migrate.get("restart", "no") == "no"


def test_web_waits_for_migrate_and_does_not_migrate_itself(compose):
    web = compose["services"]["web"]
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "command" not in web  # the image's CMD: gunicorn
    assert web["image"] == compose["services"]["migrate"]["image"]


def test_redis_is_optional(compose):
    assert compose["services"]["redis"]["profiles"] == ["redis"]
    assert "redis" not in compose["services"]["web"].get("depends_on", {})


def test_compose_sets_only_variables_the_app_reads(compose):
    code = "\n".join(p.read_text() for p in APP.rglob("*.py") if "tests" not in p.parts)
    for name in compose["services"]["web"]["environment"]:
        assert name in code, f"docker-compose.yml sets {name}, which the app never reads"
