"""Entry point PyScript runs on the tool page.

The app's Python and svgwrite come as one zip of bytecode (hooks/build_site.py, ``app_zip``), which
the page's config saves as ``kenniskring.zip``; Python imports straight from it.
"""

import os
import sys

from js import performance  # the start's profile: Python up, the app imported, the app ready (kk-ready)

performance.mark("kk-python-up")
sys.path.insert(0, os.path.abspath("kenniskring.zip"))

from kenniskring.shell import start  # noqa: E402

performance.mark("kk-imported")

app = start()
