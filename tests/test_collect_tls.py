"""No dependency weakens the process: after every collector (and the command line) is
imported, Python's default HTTPS context still verifies certificates and host names
(google-play-scraper, once used for Google Play, switched that off for all of urllib)."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

CHECK = """
import importlib, pkgutil, ssl, sys
import dashboard.collectors, dashboard.cli
for m in pkgutil.iter_modules(dashboard.collectors.__path__):
    importlib.import_module(f"dashboard.collectors.{m.name}")
context = ssl._create_default_https_context()
print(ssl._create_default_https_context is ssl.create_default_context,
      context.verify_mode == ssl.CERT_REQUIRED, context.check_hostname,
      "google_play_scraper" in sys.modules)
"""


def test_importing_every_collector_keeps_certificate_checks_on():
    out = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout.split()
    assert out == ["True", "True", "True", "False"]
