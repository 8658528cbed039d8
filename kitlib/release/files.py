"""Atomic writes and the release manifest that protects the instructor's edits.

The manifest (``.kitlib-release.json`` in the release folder) records the sha256 of every
file the kit last wrote. A file whose bytes no longer match that record was edited by
someone, and a release keeps it unless forced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import tempfile
from pathlib import Path

MANIFEST = ".kitlib-release.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and ``os.replace``: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _termination_deferred():
        _write_via_temporary(path, data)


def _write_via_temporary(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode())  # mkstemp makes 0600; released files are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _termination_deferred():
    # A worker told to stop (SIGTERM) exits at once, without cleanup: it must not do so
    # between creating the temporary file and renaming it, which would leave the temporary.
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def read_manifest(out_dir: Path) -> dict[str, str]:
    try:
        return dict(json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_manifest(out_dir: Path, files: dict[str, str]) -> None:
    body = {"about": "written by `kitlib release`: sha256 of each file it last wrote",
            "files": dict(sorted(files.items()))}  # fmt: skip
    write_atomic(out_dir / MANIFEST, (json.dumps(body, indent=1) + "\n").encode())


def edited_since_release(path: Path, recorded: str | None) -> bool:
    """True when the file exists and is not what the kit last wrote there."""
    if not path.exists():
        return False
    return sha256(path.read_bytes()) != recorded


def place(
    out_dir: Path, rel: str, data: bytes, recorded: dict, manifest: dict, report, force=False
):
    """Write ``out_dir/rel`` unless it already holds ``data`` or was edited since it was
    recorded (kept, unless ``force``); note which in ``report.written/unchanged/kept`` and
    record what the folder now holds in ``manifest``."""
    path = out_dir / rel
    if path.exists() and path.read_bytes() == data:
        report.unchanged.append(rel)
        manifest[rel] = sha256(data)
        return
    if edited_since_release(path, recorded.get(rel)) and not force:
        report.kept.append(rel)  # the manifest keeps the old record: still "edited" next time
        return
    write_atomic(path, data)
    manifest[rel] = sha256(data)
    report.written.append(rel)
