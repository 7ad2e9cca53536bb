"""The spaCy component and the pictures: spans aligned to tokens, labels, values, displaCy output."""
from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from newsmine.spacy_component import colors

TEXT = ("Thực hiện Chỉ thị số 01-CT/TU ngày 17-10-2020 của Ban Thường vụ Tỉnh ủy về phát động phong trào "
        "thi đua “Đồng khởi mới”, năm 2022 BHXH tỉnh Bến Tre được tặng Bằng khen, vượt 2,43% chỉ tiêu.")


@pytest.mark.parametrize("lang", ["vi", "xx"])
def test_spans_cover_every_label_and_carry_values(lang):
    nlp = spacy.blank(lang)
    nlp.add_pipe("newsmine")
    doc = nlp(TEXT)
    spans = doc.spans["newsmine"]
    assert {s.label_ for s in spans} == set(colors())
    for span in spans:
        value = span._.newsmine
        # expand alignment: the span covers the mention's characters
        assert span.start_char <= value["start"] and value["end"] <= span.end_char
        assert TEXT[value["start"]:value["end"]] == value["text"]
    [directive] = [s for s in spans if s.label_ == "DIRECTIVE"]
    assert directive._.newsmine["symbol"] == "01-CT/TU"
    assert doc._.newsmine.campaigns[0].name == "Đồng khởi mới"


def test_factory_is_found_without_importing_newsmine(tmp_path):
    code = ("import sys, spacy; nlp = spacy.blank('xx'); nlp.add_pipe('newsmine'); "
            "doc = nlp('Ngày 22/11/2012 Bộ Chính trị ban hành Nghị quyết 21-NQ/TW.'); "
            "print(sorted({s.label_ for s in doc.spans['newsmine']}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.strip() == "['DATE', 'DIRECTIVE', 'UNIT']"


def test_show_html_has_every_label_in_its_colour(seeds, tmp_path):
    out = tmp_path / "s.html"
    done = subprocess.run([sys.executable, "-m", "newsmine", "show",
                           str(seeds / "004_1ebc1bc18e428362.txt"), "--html", str(out)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    page = out.read_text(encoding="utf-8")
    for label, color in colors().items():
        assert label in page and color in page
    import re

    visible = re.sub(r"<[^>]+>|\b(?:" + "|".join(colors()) + r")\b", " ", page)  # text without tags and badges
    visible = " ".join(visible.split())
    assert "Chỉ thị số 01-CT/TU của Ban Thường vụ Tỉnh ủy" in visible  # words keep their spaces in spans


def test_show_on_a_terminal_and_bad_input(tmp_path, seeds):
    done = subprocess.run([sys.executable, "-m", "newsmine", "show", str(seeds / "000_033c3dc0d971c6df.txt")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "Hiệu quả từ thực hiện" in done.stdout
    missing = subprocess.run([sys.executable, "-m", "newsmine", "show", str(tmp_path / "none.txt")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


#: An invented article telling one honour twice: in the headline and in the body.
TOLD_TWICE = ("Trường Tiểu học Hòa Bình đón nhận Huân chương Lao động hạng Ba\n\n"
              "Sáng 5/9/2023, Trường Tiểu học Hòa Bình (huyện Tân Phú) long trọng tổ chức lễ khai giảng năm học mới. "
              "Dịp này, Trường Tiểu học Hòa Bình vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng Ba vì "
              "đã có thành tích xuất sắc trong công tác giáo dục.")
HEADLINE = "Trường Tiểu học Hòa Bình đón nhận Huân chương Lao động hạng Ba"
BODY = "Trường Tiểu học Hòa Bình vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng Ba"


def test_an_honour_told_twice_is_one_span_per_mention_with_one_value():
    nlp = spacy.blank("vi")
    nlp.add_pipe("newsmine")
    doc = nlp(TOLD_TWICE)
    [achievement] = doc._.newsmine.achievements
    spans = [s for s in doc.spans["newsmine"] if s.label_ == "ACHIEVEMENT"]
    assert len(spans) == len(achievement.mentions) == 2
    assert spans[0].text == HEADLINE and spans[1].text.startswith(BODY)
    assert spans[0]._.newsmine is spans[1]._.newsmine
    value = spans[0]._.newsmine
    assert value["kind"] == "achievements" and value["type"] == "order_medal"
    assert value["award"].startswith("Huân chương Lao động hạng Ba")
    assert value["recipient"] == "Trường Tiểu học Hòa Bình"
    assert [(m["start"], m["end"]) for m in value["mentions"]] == [(s.start_char, s.end_char) for s in spans]


def _told_twice_record():
    from newsmine.records import Achievement, Mention, record_type

    head, body = TOLD_TWICE.index(HEADLINE), TOLD_TWICE.index(BODY)
    mentions = [Mention(text=HEADLINE, start=head, end=head + len(HEADLINE)),
                Mention(text=BODY, start=body, end=body + len(BODY))]
    award = Achievement(type="order_medal", award="Huân chương Lao động hạng Ba", recipient="Trường Tiểu học Hòa Bình",
                        conferred_by="Chủ tịch nước", text=BODY, start=body, end=body + len(BODY), mentions=mentions)
    return record_type()(id="hoa-binh", source="-", text=TOLD_TWICE, achievements=[award])


def test_show_colours_every_mention_of_an_achievement():
    from newsmine.show import terminal, to_doc

    record = _told_twice_record()
    doc = to_doc(record)
    assert [s.text for s in doc.spans["newsmine"]] == [HEADLINE, BODY]
    assert {id(s._.newsmine) for s in doc.spans["newsmine"]} == {id(doc.spans["newsmine"][0]._.newsmine)}
    legend = len(terminal(record).plain) - len(TOLD_TWICE)  # the legend line comes first
    coloured = {(s.start - legend, s.end - legend) for s in terminal(record).spans if s.start >= legend}
    assert coloured == {(m.start, m.end) for m in record.achievements[0].mentions}
