"""Every pattern stays linear on long adversarial text: 1 MB strings, a generous 2 s bound each."""
from __future__ import annotations

import random
import time

import pytest

from newsmine.article import from_page_text, from_parts
from newsmine.document import Document
from newsmine.extractors import DEFAULT_PIPELINE, get

MB = 1_000_000


def _pieces(seed: int) -> str:
    rng = random.Random(seed)
    atoms = ["1", "12", "2023", "/", "-", " - ", ".", ",", " ", "0", "/2021/", "-CT/TU", "/QĐ-UBND", "Chỉ thị số ",
             "Nghị quyết ", "ngày ", "tháng ", "năm ", "quý I/", "giai đoạn ", "%", " tỷ đồng", "“", "”", "phong trào ",
             "Luật Thi ", "UBND tỉnh ", "xã ", "Bằng khen ", "TĐ "]
    out, size = [], 0
    while size < MB:
        atom = rng.choice(atoms)
        out.append(atom)
        size += len(atom)
    return "".join(out)


ADVERSARIAL = {
    "digits": "1" * MB,
    "digits_and_slashes": "12/" * (MB // 3),
    "dashes": "2020-" * (MB // 5),
    "dots_and_commas": "1.234,5" * (MB // 7),
    "directive_prefixes": "Chỉ thị số 01-" * (MB // 14),
    "spaced_symbols": "18/CTT - TTg - " * (MB // 15),
    "open_quote": "phong trào thi đua “" + "a " * (MB // 2),
    "capitals": "Ban Thường Vụ Tỉnh Ủy " * (MB // 22),
    "mixed": _pieces(7),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
@pytest.mark.parametrize("kind", DEFAULT_PIPELINE)
def test_extractor_is_prompt(kind, name):
    doc = Document(from_parts(id="x", source="x", title=None, lead=None, body=ADVERSARIAL[name]))
    for earlier in DEFAULT_PIPELINE[: DEFAULT_PIPELINE.index(kind)]:
        doc.found[earlier] = []
    started = time.perf_counter()
    get(kind)(doc)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("name", ["digits_and_slashes", "mixed", "capitals"])
def test_page_parsing_is_prompt(name):
    started = time.perf_counter()
    from_page_text(ADVERSARIAL[name].replace(" ", "\n", 5000), id="x", source="x")
    assert time.perf_counter() - started < 2.0
