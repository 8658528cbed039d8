"""Fixtures for the browser tests: one JupyterLab server and one Chromium for the whole session.

The server runs from a temporary copy of the lesson notebooks (JupyterLab may save what it
opens), with its own settings, workspaces and runtime folders, on a free localhost port with a
fresh token. The browser is Debian's Chromium driven by Playwright; every page blocks and records
any request that would leave the machine.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lesson_files import REPO, lesson_notebooks

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# The fixture notebooks are opened in the browser, not checked by `pytest --nbval` (they are
# stored without outputs on purpose).
collect_ignore_glob = ["fixtures/*"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
VIEWPORT = {"width": 1280, "height": 900}

# JupyterLab user settings for the test server: no news toast (it covers the page and asks a
# web site), no autosave, and every cell attached to the DOM so the whole lesson can be checked.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@dataclass
class JupyterLab:
    base_url: str
    token: str
    root: Path
    log: Path

    def api(self, method: str, path: str) -> object:
        headers = {"Authorization": f"token {self.token}"}
        request = urllib.request.Request(f"{self.base_url}{path}", method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        """Free the CPU for the next lesson: delete every session (and so its kernel)."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")


@dataclass
class NetworkLog:
    """Every request a page made, and those it blocked because they left the machine."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        """Requests and sockets for hosts other than loopback (all of them were blocked)."""
        seen = self.requests + self.websockets
        return sorted({url for url in seen if not is_loopback(url)} | set(self.blocked))


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return (parts.hostname or "") in LOOPBACK


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# nbgrader comes with the dev extra for instructors; a student's JupyterLab does not have it.
SERVER_CONFIG = {
    "labconfig/page_config.json": {"disabledExtensions": {"@jupyter/nbgrader": True}},
    "jupyter_server_config.json": {"ServerApp": {"jpserver_extensions": {"nbgrader": False}}},
}


def write_json_files(folder: Path, files: dict) -> None:
    for name, values in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))


def wait_for_server(lab: JupyterLab, process: subprocess.Popen, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            lab.api("GET", "/api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)  # polling a starting server, not waiting on the page
    log = lab.log.read_text(errors="replace")[-3000:]
    raise RuntimeError(f"JupyterLab did not answer on {lab.base_url}; its log ends:\n{log}")


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run .ci/install-browser (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="the e2e extra (playwright) is missing")
    return CHROMIUM


@pytest.fixture(scope="session")
def jupyter_lab(chromium, tmp_path_factory) -> JupyterLab:
    home = tmp_path_factory.mktemp("jupyterlab")
    root = home / "lessons"
    root.mkdir()
    for notebook in lesson_notebooks():
        shutil.copy2(notebook, root / notebook.name)
    write_json_files(home / "user-settings", LAB_SETTINGS)
    write_json_files(home / "config", SERVER_CONFIG)
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        # The kernel imports kitlib from this checkout, whatever the working folder.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        f"--port={port}", "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={home / 'user-settings'}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
    ]  # fmt: skip
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    lab = JupyterLab(f"http://127.0.0.1:{port}", token, root, log)
    try:
        wait_for_server(lab, process)
        yield lab
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group this fixture started
            process.wait()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def open_page(browser):
    """A factory: a fresh browser context and page that aborts and records every request
    leaving the machine. Returns (page, network log); closed at the end of the session."""
    from lesson_page import PAGE_HELPERS

    contexts = []

    def make():
        network = NetworkLog()
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        contexts.append(context)

        def route(route):
            url = route.request.url
            if is_loopback(url):
                route.continue_()
            else:
                network.blocked.append(url)
                route.abort("internetdisconnected")

        context.route("**/*", route)
        context.add_init_script(PAGE_HELPERS)
        # Context-level events also see requests made by web workers.
        context.on("request", lambda request: network.requests.append(request.url))
        context.on(
            "requestfailed",
            lambda request: network.failed.append(f"{request.url} ({request.failure})"),
        )
        page = context.new_page()
        page.on("websocket", lambda socket: network.websockets.append(socket.url))
        return page, network

    yield make
    for context in contexts:
        context.close()
