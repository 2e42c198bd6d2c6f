"""Entry point PyScript runs on the tool page."""

from kenniskring.shell import start

app = start()
