"""Small adapters to the browser: localStorage as ``persistence.Storage``, downloads, events.

Imported only by the shell modules (``shell`` and its ``shell_*`` parts); nothing here knows
about maps.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from pyodide.ffi import JsException, create_once_callable, create_proxy, to_js
from pyscript import document, window

from .persistence import StorageFull, StorageUnavailable


class LocalStorage:
    """``persistence.Storage`` on window.localStorage."""

    def __init__(self) -> None:
        try:
            self.ls = window.localStorage
        except JsException:
            self.ls = None

    def get(self, key: str) -> str | None:
        if self.ls is None:
            return None
        value = self.ls.getItem(key)
        return value if isinstance(value, str) else None  # a missing key is JsNull, not None

    def set(self, key: str, value: str) -> None:
        if self.ls is None:
            raise StorageUnavailable(key)
        try:
            self.ls.setItem(key, value)
        except JsException as e:
            if "quota" in str(e).lower():
                raise StorageFull(key) from None
            raise StorageUnavailable(key) from None

    def remove(self, key: str) -> None:
        if self.ls is not None:
            self.ls.removeItem(key)

    def keys(self) -> list[str]:
        if self.ls is None:
            return []
        return [str(self.ls.key(i)) for i in range(int(self.ls.length))]


class Events:
    """Keeps the Python proxies behind event listeners alive as long as the page."""

    def __init__(self) -> None:
        self._proxies: list[Any] = []

    def on(self, target: Any, event: str, handler: Callable[[Any], Any]) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        target.addEventListener(event, proxy)


def js_object(values: dict[str, Any]) -> Any:
    return to_js(values, dict_converter=window.Object.fromEntries)


def element(element_id: str) -> Any:
    return document.getElementById(element_id)


def attr(node: Any, name: str) -> str | None:
    """An attribute's value, or None when it is absent (``dataset`` raises for missing keys)."""
    value = node.getAttribute(name)
    return value if isinstance(value, str) else None


def checked_value(name: str) -> str:
    chosen = document.querySelector(f'input[name="{name}"]:checked')
    return str(chosen.value) if chosen else ""


def checked_values(name: str) -> tuple[str, ...]:
    return tuple(str(box.value) for box in document.querySelectorAll(f'input[name="{name}"]:checked'))


def set_checked(name: str, values: set[str]) -> None:
    for box in document.querySelectorAll(f'input[name="{name}"]'):
        box.checked = box.value in values


def chosen_files(event: Any) -> list[Any]:
    """Every file picked in a file input (its change event); the input is emptied, as ``chosen_file``."""
    files = event.target.files
    picked = [files.item(i) for i in range(files.length)] if files else []
    event.target.value = ""
    return picked


def chosen_file(event: Any) -> Any | None:
    """The file picked in a file input (its change event), or None; the input is emptied, so the
    same file can be chosen again."""
    files = event.target.files
    if not files or files.length == 0:
        return None
    file = files.item(0)
    event.target.value = ""
    return file


def download_blob(filename: str, blob: Any) -> None:
    url = window.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.href = url
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    window.setTimeout(create_once_callable(lambda: window.URL.revokeObjectURL(url)), 10_000)


def download_bytes(filename: str, data: bytes, mime: str) -> None:
    array = window.Uint8Array.new(len(data))
    array.assign(data)
    download_blob(filename, window.Blob.new(to_js([array]), js_object({"type": mime})))


def download_text(filename: str, text: str, mime: str) -> None:
    download_blob(filename, window.Blob.new(to_js([text]), js_object({"type": mime})))


def download_png(filename: str, svg: str, width: float, height: float, scale: float = 2.0) -> None:
    """Draw the SVG on a white canvas and download it as PNG: a picture for slides and reports."""
    url = window.URL.createObjectURL(window.Blob.new(to_js([svg]), js_object({"type": "image/svg+xml"})))
    image = window.Image.new()

    def drawn(_event: Any) -> None:
        canvas = document.createElement("canvas")
        canvas.width = round(width * scale)
        canvas.height = round(height * scale)
        context = canvas.getContext("2d")
        context.fillStyle = "#ffffff"
        context.fillRect(0, 0, canvas.width, canvas.height)
        context.drawImage(image, 0, 0, canvas.width, canvas.height)
        window.URL.revokeObjectURL(url)
        canvas.toBlob(create_once_callable(lambda blob: download_blob(filename, blob)), "image/png")

    image.addEventListener("load", create_once_callable(drawn))
    image.src = url


def now_stamp() -> str:
    """This moment, as stored in the maps' index (UTC, to the second)."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def today() -> str:
    """Today's date, for file names and the poster."""
    return datetime.date.today().isoformat()
