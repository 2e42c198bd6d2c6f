"""MkDocs hooks and what they build: the tool page, the runtime, the service worker, the offline copy."""
