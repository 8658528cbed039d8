"""Worker processes, the kernels they start, and how both stop with the release.

A release forks two workers; each starts one Jupyter kernel at a time. None of them may
outlive the command:
- Ctrl-C: workers ignore SIGINT (the terminal sends it to the whole process group); the
  parent stops them with SIGTERM (``stop_workers``), and each kills its kernel first.
- the parent killed (SIGKILL, OOM, CI timeout): Linux sends each worker SIGTERM
  (``PR_SET_PDEATHSIG``), with the same effect. Kernels also poll their parent and exit
  when it is gone (ipykernel's ``JPY_PARENT_PID``), should a worker die without cleaning up.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

STOP_GRACE = 1.5  # seconds a worker gets to kill its kernel and exit before SIGKILL
_running_clients: list = []  # nbclient clients of this worker, for the SIGTERM handler


def fork_context():
    # fork shares the already imported nbformat/nbclient with the workers (~2 s saved each).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def kernel_env() -> dict[str, str]:
    """Extra environment for kernels: they must import this kitlib, installed or not."""
    root = str(Path(__file__).resolve().parents[2])
    paths = [root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


@contextlib.contextmanager
def worker_pool(size: int):
    """A process pool whose workers die with this process, and at once on an interruption."""
    pool = ProcessPoolExecutor(
        max_workers=size,
        mp_context=fork_context(),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    try:
        yield pool
    except BaseException:  # KeyboardInterrupt, or the caller closing early
        with _sigint_ignored():  # a second Ctrl-C must not cut the cleanup short
            stop_workers(pool)
        raise
    pool.shutdown()


@contextlib.contextmanager
def _sigint_ignored():
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and only it receives SIGINT)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End every worker now (each kills its kernel), without waiting for its notebook."""
    # The pool has no public list of its processes; without it only shutdown(wait=True)
    # remains, which waits for the running notebooks (the 23 s of issue 11).
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()  # SIGTERM: the worker's handler kills its kernel
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(STOP_GRACE)
            if process.is_alive():
                process.kill()
                process.join(STOP_GRACE)


def _start_worker(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C does
    signal.signal(signal.SIGTERM, _terminate)
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        _terminate(signal.SIGTERM, None)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return  # elsewhere the kernels' own parent polling is the only safeguard
    import ctypes

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)


def _terminate(signum, frame) -> None:
    for client in list(_running_clients):
        kill_kernel(getattr(client, "km", None))
    os._exit(128 + signum)  # no cleanup, no traceback: the parent reports the interruption


def off_main_thread(run):
    """``run()`` in a thread of its own; the main thread waits, free to handle signals.

    nbclient puts SIGINT/SIGTERM handlers on the main thread's event loop that only schedule
    a kernel shutdown and let the process carry on (and print "Task exception was never
    retrieved" when cut short). Off the main thread it cannot, so this worker's own handler
    stays in force: kill the kernel, exit.
    """
    import threading

    outcome: dict = {}

    def target():
        try:
            outcome["value"] = run()
        except BaseException as err:  # handed to the caller, in its thread
            outcome["error"] = err

    thread = threading.Thread(target=target, name="notebook-client", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@contextlib.contextmanager
def tracked(client):
    """Let this worker's SIGTERM handler find ``client``'s kernel while it runs."""
    _running_clients.append(client)
    try:
        yield client
    finally:
        _running_clients.remove(client)


def kill_kernel(km) -> None:
    """Kill a kernel and whatever it started (it leads its own session), now."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is None:
        return
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(Exception):
        km.cleanup_connection_file()  # the kernel-*.json it would leave in the runtime dir
