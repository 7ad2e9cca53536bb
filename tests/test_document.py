"""The document's sentences: where one ends."""
from __future__ import annotations

import pytest
import regex

from newsmine.document import Document
from newsmine.records import Article

#: The rule as one pattern (the reference the faster reader is checked against).
RULE = regex.compile(r"(?<=[.!?…;])\s+(?=[\p{Lu}0-9“\"(])|\n+")


@pytest.mark.parametrize("text", [
    "Hội nghị kết thúc. Sau đó, đoàn về xã.",          # a capital after the full stop
    "Giá tăng 5 lần. 12 xã đạt chuẩn.",                # a digit
    "Ông nói: “Tốt lắm”. “Cảm ơn” là lời đáp.",        # an opening quote
    "Năm 2016 (tăng 3%). (Ảnh: TTXVN) Cuối năm...",
    "Số 1.2 và TP. hồ Chí Minh",                       # no capital after: no end
    "Dòng một\nDòng hai\n\n\nDòng ba",                 # line breaks
    "Kết thúc. \n xong",                               # spaces with a break, lower case after
    "Kết thúc.  \n \n x",                              # two breaks inside the spaces
    "Hết.\n\nMới", "Hết… Mới", "Hết; Mới", "Hết? mới", "Hết!", "Hết. ", "",
    "Ủy ban. Ông Ánh và Ë. Ǆ",                        # capitals outside ASCII
])
def test_sentences_end_where_the_rule_says(text):
    doc = Document(Article(id="t", source="t", text=text))
    spans, start = [], 0
    for m in RULE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    assert doc.sentences == spans
