"""The learners' door: student copies of the lessons, made on first use, and JupyterLab on them.

``make lab`` and ``kitlib lab`` open ``student/`` (solutions stubbed, no outputs), never the
masters in ``notebooks/``. The copies are made without a kernel (the student half of a release,
for the course article, a few seconds) when they are missing or stale: a fingerprint of the
masters, the course article and kitlib's own code is recorded beside them, and any change to
those makes the next ``make lab`` build them again.

A learner's edited notebook is never overwritten: as in ``kitlib release``, a manifest records
the bytes the kit last wrote, and a file that no longer matches it is kept. Only the learner's
way to a fresh copy is printed (rename or delete the file, then ``make lab`` again).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

STUDENT_DIR = "student"
FINGERPRINT_FILE = ".kitlib-student.json"
MASTER_PATTERN = "[0-9][0-9]-*.ipynb"
# nbgrader comes with the dev extra, for instructors. In a student's JupyterLab its server
# extensions only log "No nbgrader_config.py file found", and its menus lead nowhere.
NBGRADER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
)
NBGRADER_LAB_EXTENSION = "@jupyter/nbgrader"


@dataclass
class StudentCopies:
    """What ``ensure_student_copies`` found and did."""

    folder: Path
    built: bool = False  # False: the copies were fresh, nothing was read or written
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by the learner: not overwritten
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def fingerprint(masters_dir: Path) -> str:
    """A digest of everything a student copy is made from: the masters, the course article,
    kitlib's code (its release steps and exercise declarations shape every stub) and Python."""
    import kitlib
    from kitlib.article import article_dir

    # The Python version too: the copies store this kernel's language_info (tidy_metadata.py).
    digest = hashlib.sha256(f"kitlib {kitlib.__version__} {sys.version}\n".encode())
    package = Path(kitlib.__file__).resolve().parent
    sources = [
        *sorted(Path(masters_dir).glob(MASTER_PATTERN)),
        *sorted(p for p in article_dir(None).iterdir() if p.is_file()),
        *sorted(package.rglob("*.py")),
    ]
    for path in sources:
        digest.update(f"{path.name}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def recorded_fingerprint(folder: Path) -> str | None:
    try:
        return json.loads((folder / FINGERPRINT_FILE).read_text(encoding="utf-8"))["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_fresh(masters_dir: Path, folder: Path) -> bool:
    """True when every master has its copy and nothing they are made from has changed."""
    masters = sorted(Path(masters_dir).glob(MASTER_PATTERN))
    if not all((folder / m.name).exists() for m in masters):
        return False
    return recorded_fingerprint(folder) == fingerprint(masters_dir)


def ensure_student_copies(masters_dir="notebooks", out_dir=STUDENT_DIR) -> StudentCopies:
    """Make the student copies if they are missing or stale; never overwrite an edited one."""
    masters_dir, folder = Path(masters_dir), Path(out_dir)
    result = StudentCopies(folder=folder)
    if is_fresh(masters_dir, folder):
        return result
    started = time.perf_counter()
    result.built = True
    made_from = fingerprint(masters_dir)  # before: a master saved meanwhile makes them stale
    _build(masters_dir, folder, result)
    if not result.failures:  # a failed copy is tried again next time
        _record(folder, {"fingerprint": made_from})
    result.seconds = time.perf_counter() - started
    return result


def _build(masters_dir: Path, folder: Path, result: StudentCopies) -> None:
    from kitlib.release.files import place, read_manifest, write_manifest

    masters = sorted(masters_dir.glob(MASTER_PATTERN))
    if not masters:
        raise FileNotFoundError(
            f"no master notebooks (NN-topic.ipynb) in {masters_dir}; run from the kit's folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    _ignore_in_git(folder)
    recorded = read_manifest(folder)
    manifest = dict(recorded)
    try:
        for master in masters:
            try:
                data = student_copy(master)
            except Exception as err:  # reported per lesson; the other copies are still made
                result.failures.append(f"{master.name}: {type(err).__name__}: {err}")
                continue
            place(folder, master.name, data, recorded, manifest, result)
    finally:
        write_manifest(folder, manifest)  # also when interrupted, as `kitlib release` does


def student_copy(master: Path) -> bytes:
    """The student notebook of one master for the course article, as ``kitlib release``
    writes it into ``release/student`` (the same steps; no kernel is started)."""
    from kitlib.article import DEFAULT_ARTICLE
    from kitlib.release.context import ReleaseContext
    from kitlib.release.pipeline import build_student, notebook_bytes, read_master
    from kitlib.release.tidy_metadata import match_local_kernel

    ctx = ReleaseContext(notebook_name=master.stem, article_name=DEFAULT_ARTICLE)
    student = build_student(*read_master(master, ctx))
    # Made on the machine that opens it: JupyterLab then finds nothing to change on open.
    return notebook_bytes(match_local_kernel(student))


def _record(folder: Path, body: dict) -> None:
    from kitlib.release.files import write_atomic

    body = {"about": "written by `kitlib lab`: what these student copies were made from", **body}
    write_atomic(folder / FINGERPRINT_FILE, (json.dumps(body, indent=1) + "\n").encode())


def _ignore_in_git(folder: Path) -> None:
    # A learner's answers are theirs: never offered to `git add` in a clone of the kit.
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# written by `kitlib lab`: a learner's work stays out of git\n*\n")


def describe(result: StudentCopies) -> list[str]:
    """What the learner is told before JupyterLab starts."""
    lines = []
    if result.built:
        lines.append(
            f"Student copies of the lessons in {result.folder}/ ({len(result.written)} made, "
            f"{len(result.unchanged)} already up to date) in {result.seconds:.1f} s."
        )
    for rel in result.kept:
        lines.append(
            f"Kept {result.folder / rel}: you have edited it, so it was not replaced by the "
            f"newer lesson. For a fresh copy, rename it (your work stays in the renamed file) "
            f"and run `make lab` again."
        )
    lines.extend(f"Could not make a student copy of {why}" for why in result.failures)
    return lines


def student_lab_command(jupyter: str, folder: Path) -> list[str]:
    # custom_css: the learners' own print() output wraps between words (student_lab_env).
    command = [jupyter, "lab", f"--notebook-dir={folder}", "--LabApp.custom_css=True"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")  # classroom containers often run as root
    return command


# The learners' JupyterLab reads these before the environment's own configuration (the command
# line cannot say "off" to a server extension: traitlets reads `name=False` as a string).
STUDENT_LAB_CONFIG = {
    "jupyter_server_config.json": {
        "ServerApp": {"jpserver_extensions": dict.fromkeys(NBGRADER_SERVER_EXTENSIONS, False)}
    },
    "labconfig/page_config.json": {"disabledExtensions": {NBGRADER_LAB_EXTENSION: True}},
}
# JupyterLab's output CSS says `word-break: break-all`, so a long printed line breaks inside a
# word ("tha / t"); this more specific rule wins and breaks between words.
STUDENT_CSS = (
    ".jp-OutputArea .jp-OutputArea-output pre { word-break: normal; overflow-wrap: anywhere; }\n"
)
CONFIG_DIR = ".jupyter-config"  # hidden: JupyterLab's file browser does not list it


def student_lab_env(env: dict[str, str], folder: Path) -> dict[str, str]:
    """The environment for the learners' JupyterLab: its own configuration folder first."""
    config = (folder / CONFIG_DIR).resolve()
    for name, body in STUDENT_LAB_CONFIG.items():
        target = config / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    (config / "custom").mkdir(parents=True, exist_ok=True)
    (config / "custom" / "custom.css").write_text(STUDENT_CSS, encoding="utf-8")
    paths = [str(config), env.get("JUPYTER_CONFIG_PATH", "")]
    # custom.css is read from the config *dir*; a learner who chose their own keeps it.
    return {
        **env,
        "JUPYTER_CONFIG_PATH": os.pathsep.join(filter(None, paths)),
        "JUPYTER_CONFIG_DIR": env.get("JUPYTER_CONFIG_DIR") or str(config),
    }


def jupyter_executable() -> str | None:
    """The ``jupyter`` of this Python's environment (``.venv/bin/kitlib`` works without
    activating the venv), else the first on PATH."""
    import shutil

    beside = Path(sys.executable).parent / "jupyter"
    return str(beside) if beside.exists() else shutil.which("jupyter")


def open_student_lab(masters_dir="notebooks", out_dir=STUDENT_DIR, extra_args=()) -> int:
    """Make the copies if needed, say what happened, and replace this process by JupyterLab."""
    try:
        result = ensure_student_copies(masters_dir, out_dir)
    except FileNotFoundError as err:
        print(f"kitlib lab: {err}", file=sys.stderr)
        return 2
    for line in describe(result):
        print(line, file=sys.stderr if result.failures else sys.stdout)
    if not any(result.folder.glob(MASTER_PATTERN)):
        return 1
    jupyter = jupyter_executable()
    if jupyter is None:
        print("kitlib lab: JupyterLab is not installed here; run `make lab` once.", file=sys.stderr)
        return 2
    command = [*student_lab_command(jupyter, result.folder), *extra_args]
    sys.stdout.flush()
    os.execve(jupyter, command, student_lab_env(dict(os.environ), result.folder))
    return 0


def main(masters_dir="notebooks", out_dir=STUDENT_DIR) -> int:
    """Make or refresh the student copies and say so (``make student``, Binder's postBuild)."""
    try:
        result = ensure_student_copies(masters_dir, out_dir)
    except FileNotFoundError as err:
        print(f"kitlib: {err}", file=sys.stderr)
        return 2
    print("\n".join(describe(result)) or f"The student copies in {result.folder}/ are up to date.")
    return 1 if result.failures else 0
