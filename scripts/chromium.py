"""Debian's Chromium as the tests and the benchmark launch it (no browser download, no background traffic)."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("KENNISKRING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
