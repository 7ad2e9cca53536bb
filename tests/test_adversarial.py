"""Every pattern stays linear on long adversarial text.

No wall-clock bound: a slow or busy machine must never fail the suite. Each
extractor runs on 250 kB and on 1 MB of the same kind of input, in the same
test; linear work takes about 4x as long on the larger input, quadratic work
16x. The bound is a generous factor of the smaller run plus a slack of a
plain linear pass over the large input measured in the same run (so inputs
that take microseconds are not judged on timer noise). Times are the process's
CPU time: other processes on a busy machine don't count in them.
"""
from __future__ import annotations

import random
import time

import pytest

from newsmine.article import from_page_text, from_parts
from newsmine.document import Document
from newsmine.extractors import get
from newsmine.kinds import names
from newsmine.pipeline import Pipeline

MB = 1_000_000
#: Linear time gives a ratio near 4 between 1 MB and 250 kB; quadratic near 16.
FACTOR = 8.0
#: How many plain linear passes over the large input the slack allows.
SLACK_PASSES = 20


def _pieces(seed: int, size: int) -> str:
    rng = random.Random(seed)
    atoms = ["1", "12", "2023", "/", "-", " - ", ".", ",", " ", "0", "/2021/", "-CT/TU", "/QĐ-UBND", "Chỉ thị số ",
             "Nghị quyết ", "ngày ", "tháng ", "năm ", "quý I/", "giai đoạn ", "%", " tỷ đồng", "“", "”", "phong trào ",
             "Luật Thi ", "UBND tỉnh ", "xã ", "Bằng khen ", "TĐ "]
    out, total = [], 0
    while total < size:
        atom = rng.choice(atoms)
        out.append(atom)
        total += len(atom)
    return "".join(out)


def _repeat(unit: str, prefix: str = ""):
    return lambda size: prefix + unit * (size // len(unit))


ADVERSARIAL = {
    "digits": _repeat("1"),
    "digits_and_slashes": _repeat("12/"),
    "dashes": _repeat("2020-"),
    "dots_and_commas": _repeat("1.234,5"),
    "directive_prefixes": _repeat("Chỉ thị số 01-"),
    "spaced_symbols": _repeat("18/CTT - TTg - "),
    "open_quote": _repeat("a ", "phong trào thi đua “"),
    "capitals": _repeat("Ban Thường Vụ Tỉnh Ủy "),
    "mixed": lambda size: _pieces(7, size),
}


def _seconds(run, text: str, repeat: int) -> float:
    """The least CPU time of this process over ``repeat`` runs (time the machine gives to others is left out)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run(text)
        best = min(best, time.process_time() - started)
    return best


def _linear_pass(text: str) -> None:
    text.lower()


def assert_linear(run, make) -> None:
    """``run`` on 1 MB takes at most FACTOR times its time on 250 kB (plus slack); measured twice on failure."""
    small, large = make(MB // 4), make(MB)
    for attempt in range(2):
        slack = SLACK_PASSES * _seconds(_linear_pass, large, 3)
        t_small = _seconds(run, small, 2)
        t_large = _seconds(run, large, 1)
        if t_large <= FACTOR * t_small + slack:
            return
    pytest.fail(f"not linear: {t_small:.3f} s on 250 kB, {t_large:.3f} s on 1 MB "
                f"(ratio {t_large / max(t_small, 1e-9):.1f}, linear is about 4)")


def _extractor(kind: str):
    def run(text: str) -> None:
        doc = Document(from_parts(id="x", source="x", title=None, lead=None, body=text))
        for earlier in Pipeline.before(kind).names:
            doc.found[earlier] = []
        get(kind)(doc)
    return run


@pytest.mark.parametrize("name", list(ADVERSARIAL))
@pytest.mark.parametrize("kind", names())
def test_extractor_is_linear(kind, name):
    assert_linear(_extractor(kind), ADVERSARIAL[name])


@pytest.mark.parametrize("name", ["digits_and_slashes", "mixed", "capitals"])
def test_page_parsing_is_linear(name):
    make = ADVERSARIAL[name]
    assert_linear(lambda text: from_page_text(text, id="x", source="x"),
                  lambda size: make(size).replace(" ", "\n", size // 200))


def test_the_check_fails_on_quadratic_work():
    """The check itself: a quadratic function must not pass as linear."""
    def quadratic(text: str) -> None:
        words = text[: len(text) // 50].split()
        for i in range(len(words)):
            "".join(words[:i][-3:])
            words[:i].count("x")

    with pytest.raises(pytest.fail.Exception):
        assert_linear(quadratic, _repeat("ab "))
