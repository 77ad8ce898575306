"""Gunicorn settings, read from ./gunicorn.conf.py when gunicorn starts in this directory.

Command-line options override these (scripts/run-local-wagtail.sh binds to loopback).
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Two workers suit a 0.5-1 vCPU Fargate task; WEB_CONCURRENCY overrides.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# A little less than the load balancer's idle timeout (60 s by default).
keepalive = 55
# Logs to stdout/stderr, where the awslogs driver collects them.
accesslog = "-"
errorlog = "-"
# The load balancer is the only client; it sets X-Forwarded-For and X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")
# No runtime control socket: it would be written under $HOME, which the container's user lacks
# (and the ECS task's root filesystem is read-only), and two local instances would share it.
control_socket_disable = True
# Load the application once, before forking the workers.
preload_app = True
# The workers' heartbeat files: in memory where possible; the ECS task runs with a read-only root
# filesystem and a writable /tmp volume.
worker_tmp_dir = next((d for d in ("/dev/shm", "/tmp") if os.access(d, os.W_OK)), None)
