"""Kenniskring: map with whom a team works on an educational change, and which knowledge it draws on.

The package is a pure core (no browser imports) plus ``shell``, the only module that touches the DOM.
"""

__version__ = "0.1.0"
