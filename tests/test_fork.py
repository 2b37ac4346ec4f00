"""Fork safety: analyze_many after os.fork and in a multiprocessing "fork" pool."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

import dateline as dl

TEXTS = ["Talks ended on Saturday, Xi Jinping said.", "On Monday, Kim met Yoon in Seoul."] * 8

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _work(n: int) -> list[str]:
    return [d.to_json() for d in dl.analyze_many(TEXTS[:n], threads=2)]


def test_fork_pool_after_parent_used_threads() -> None:
    expected = _work(len(TEXTS))  # the parent now has a live 2-thread pool
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        result = pool.map_async(_work, [len(TEXTS)] * 4)
        outputs = result.get(timeout=120)
    assert all(o == expected for o in outputs)


def test_os_fork_child_can_analyze() -> None:
    dl.analyze_many(TEXTS, threads=2)
    pid = os.fork()
    if pid == 0:  # child
        try:
            ok = len(dl.analyze_many(TEXTS, threads=2)) == len(TEXTS)
        except BaseException:
            ok = False
        os._exit(0 if ok else 1)
    waited, status = 0, 0
    for _ in range(1200):
        waited, status = os.waitpid(pid, os.WNOHANG)
        if waited:
            break
        import time

        time.sleep(0.1)
    if not waited:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("child deadlocked after fork")
    assert os.waitstatus_to_exitcode(status) == 0


def test_fork_while_another_thread_analyzes() -> None:
    import threading

    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            dl.analyze_many(TEXTS, threads=2)

    thread = threading.Thread(target=busy)
    thread.start()
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(1) as pool:
            assert len(pool.apply_async(_work, (4,)).get(timeout=120)) == 4
    finally:
        stop.set()
        thread.join()
    assert sys.platform != "win32"
