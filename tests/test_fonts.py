"""The shipped fonts: the same PNG bytes whatever fonts a machine has, names in any script drawn
with a real glyph, and text measured as Graphviz draws it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import ladder
from ladder.layout.cards import fit_text, text_width
from ladder.layout.fonts import FONT_FOLDER, advance_widths, font_file
from ladder.model.org import Org, Person
from ladder.renderers import graphviz_backend
from ladder.renderers.card_geometry import NAME, TITLE, text_room
from ladder.renderers.graphviz_backend import run_graphviz

pytestmark = pytest.mark.needs_dot

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
HANGUL_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
KOREAN = [  # a small team with Korean names and titles, one name long enough to be cut
    Person("kim", "김민준", title="대표이사"),
    Person("park", "박서연", title="제품 책임자", manager="kim"),
    Person("lee", "이도윤 황보 선우 남궁 제갈 독고 사공 서문", title="선임 연구원",
           manager="kim"),
]


def _org() -> Org:
    return Org.build("Acme", [
        Person("ana", "Ana López", title="Chief Executive Officer"),
        Person("ben", "Ben Ito", title="Head of Worldwide Strategic Partnerships and Alliances",
               manager="ana"),
        Person("cy", "Cy Müller-Lüdenscheidt", title="Engineer", manager="ana"),
    ])


def _other_fonts(home: Path) -> dict[str, str]:
    """An environment where a different face (DejaVu Serif) answers to every sans name:
    in a fontconfig file of the user's (FONTCONFIG_FILE), and in ~/.fonts of a new HOME."""
    extra = home / "extra-fonts"
    extra.mkdir()
    shutil.copy(SERIF, extra)
    (home / ".fonts").mkdir()
    shutil.copy(SERIF, home / ".fonts")
    conf = home / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><dir>{extra}</dir><dir>~/.fonts</dir>"
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        '<match target="pattern"><edit name="family" mode="prepend" binding="strong">'
        "<string>DejaVu Serif</string></edit></match></fontconfig>", encoding="utf-8")
    return {"HOME": str(home), "FONTCONFIG_FILE": str(conf)}


@pytest.mark.skipif(not SERIF.exists(), reason="needs fonts-dejavu-core for a second face")
@pytest.mark.slow  # draws four PNGs and two PDFs: about 2 s
def test_png_bytes_are_the_same_with_another_font_added_to_fontconfig(tmp_path, monkeypatch):
    org = _org()
    before = ladder.draw(org, format="png")
    dot = ladder.draw(org, format="dot")
    plain = subprocess.run(["neato", "-n2", "-Tpng"], input=dot.encode(), capture_output=True,
                           check=True).stdout
    for key, value in _other_fonts(tmp_path).items():
        monkeypatch.setenv(key, value)
    # the extra font does change what Graphviz draws on its own: the test can fail ...
    assert subprocess.run(["neato", "-n2", "-Tpng"], input=dot.encode(), capture_output=True,
                          check=True).stdout != plain
    # ... but not what ladder draws, which hands Graphviz the shipped face only
    assert ladder.draw(org, format="png") == before
    pdf = ladder.draw(org, format="pdf")
    monkeypatch.undo()
    assert pdf == ladder.draw(org, format="pdf")


def test_graphviz_gets_its_own_fontconfig_file_and_the_process_keeps_its_environment(
        monkeypatch):
    monkeypatch.setenv("FONTCONFIG_FILE", "/somewhere/else.conf")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = graphviz_backend.graphviz_env()
    conf = Path(env["FONTCONFIG_FILE"]).read_text(encoding="utf-8")
    assert f"<dir>{FONT_FOLDER}</dir>" in conf and "/etc/fonts" not in conf
    assert "~/.fonts" not in conf and "<include" not in conf
    assert env["SOURCE_DATE_EPOCH"] == "0"
    run_graphviz("digraph { a }", format="png")
    assert os.environ["FONTCONFIG_FILE"] == "/somewhere/else.conf"
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_the_shipped_face_draws_latin_text_and_is_embedded_in_pdfs():
    pdf = ladder.draw(_org(), format="pdf")
    fonts = _pdf_fonts(pdf)
    assert fonts and all("LiberationSans" in name for name in fonts), fonts


def _pdf_fonts(pdf: bytes) -> list[str]:
    return [name.decode() for name in re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", pdf)]


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    path = tmp_path / "chart.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


@pytest.mark.skipif(not HANGUL_FONT.exists(), reason="needs fonts-wqy-microhei (run.sh installs)")
def test_a_korean_named_org_is_drawn_with_glyphs_not_empty_boxes(tmp_path, monkeypatch):
    org = Org.build("팀", KOREAN)
    pdf = ladder.draw(org, format="pdf")
    text = _pdf_text(pdf, tmp_path)
    # a missing glyph is drawn as a box with no character behind it: the text would be lost
    for name in ("김민준", "박서연", "대표이사", "선임 연구원"):
        assert name in text
    assert any("WenQuanYi" in font for font in _pdf_fonts(pdf))
    # without the fallback folders the same chart has no Hangul text: the check can fail
    monkeypatch.setattr(graphviz_backend, "FALLBACK_FOLDERS", ())
    graphviz_backend._fonts_conf_file.cache_clear()
    graphviz_backend._installed_fallbacks.cache_clear()
    try:
        assert "김민준" not in _pdf_text(ladder.draw(org, format="pdf"), tmp_path)
    finally:
        monkeypatch.undo()
        graphviz_backend._fonts_conf_file.cache_clear()
        graphviz_backend._installed_fallbacks.cache_clear()


@pytest.mark.skipif(not HANGUL_FONT.exists(), reason="needs fonts-wqy-microhei (run.sh installs)")
def test_korean_names_are_cut_to_the_card_by_the_fallback_face_widths():
    hangul = advance_widths(HANGUL_FONT)
    room = text_room(240.0)
    for person in KOREAN:
        for text, row in ((person.name, NAME), (person.title, TITLE)):
            fitted = fit_text(text, row.size, room, bold=row.bold)
            drawn = sum(hangul.get(ord(c), 1.0) for c in fitted) * row.size
            assert drawn <= room, (fitted, drawn)
    assert fit_text(KOREAN[2].name, NAME.size, room, bold=True).endswith("…")


SAMPLES = ["Ana López-Fernández", "Head Office - National Operations", "Иван Петров",
           "Ελένη Παπαδοπούλου", "Wolfgang Müller-Lüdenscheidt", "김민준 팀장", "北京市 東京都",
           "محمد عبد الله", "Senior Software Engineer, Infrastructure", "illiterate little"]


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("size", [11, 12, 13])
def test_text_is_measured_as_graphviz_draws_it(size, bold):
    """Graphviz's own measure of each sample (the width of the text it draws, from xdot) is
    never more than ladder's, and ladder's is not more than 8% over it for the shipped face."""
    labels = "; ".join(f"n{i} [label=<{'<B>' if bold else ''}{text}{'</B>' if bold else ''}>]"
                       for i, text in enumerate(SAMPLES))
    xdot = run_graphviz(f'digraph {{ node [shape=plain, fontsize={size}, '
                        f'fontname="Helvetica"]; {labels} }}', format="xdot").decode()
    drawn = {int(i): float(w) for i, w in
             re.findall(r"\bn(\d+)\s*\[_ldraw_=\"[^\"]*?T [\d.]+ [\d.]+ -?\d ([\d.]+) ", xdot)}
    assert len(drawn) == len(SAMPLES)
    for i, text in enumerate(SAMPLES):
        measured = text_width(text, size, bold=bold)
        assert drawn[i] <= measured + 1, (text, drawn[i], measured)  # xdot rounds up to 1 pt
        if text.isascii() or i < 5:
            assert measured <= drawn[i] * 1.08, (text, drawn[i], measured)


NOTO = Path("/usr/share/fonts/truetype/noto")
SCRIPTS = ["राहुल शर्मा", "สมชาย ใจดี", "ራሔል ተስፋዬ", "தமிழ்செல்வன் ராமசாமி", "সৌমিত্র চট্টোপাধ্যায়",
           "Գևորգ Պետրոսյան", "ნინო ბერიძე", "محمد عبد الله الحسيني", "സുരേഷ് കുമാർ",
           "ಶಿವರಾಜ್ ಕುಮಾರ್", "వెంకటేశ్వర రావు", "ဦးအောင်ကျော်", "សុខ ចាន់", "ગુજરાત પટેલ",
           "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "ଓଡ଼ିଆ ଭାଷା", "עדי כהן"]


@pytest.mark.skipif(not NOTO.is_dir(), reason="needs fonts-noto-core (run.sh installs)")
def test_names_in_other_scripts_are_drawn_and_never_wider_than_measured(tmp_path):
    labels = "; ".join(f"n{i} [label=<<B>{text}</B>>]" for i, text in enumerate(SCRIPTS))
    source = f'digraph {{ node [shape=plain, fontsize=13]; {labels} }}'
    xdot = run_graphviz(source, format="xdot").decode()
    drawn = {int(i): float(w) for i, w in
             re.findall(r"\bn(\d+)\s*\[_ldraw_=\"[^\"]*?T [\d.]+ [\d.]+ -?\d ([\d.]+) ", xdot)}
    for i, text in enumerate(SCRIPTS):
        assert drawn[i] <= text_width(text, 13, bold=True) + 1, (text, drawn[i])
    fonts = _pdf_fonts(run_graphviz(source, format="pdf"))
    for face in ("NotoSansDevanagari", "NotoSansThai", "NotoSansEthiopic", "NotoSansTamil"):
        assert any(face in font for font in fonts), fonts  # a real face, not empty boxes
    assert not any("Serif" in font or "Looped" in font for font in fonts)  # the sans ones


SYMBOLA = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
EMOJI = ["🚀", "🎉", "✨", "👍", "😀", "😴", "🤗", "☎", "⛟", "❤", "🌍", "👩", "💻", "🦅"]


@pytest.mark.skipif(not SYMBOLA.exists(), reason="needs fonts-symbola (run.sh installs)")
def test_emoji_in_names_are_drawn_in_outline_and_never_wider_than_measured(tmp_path):
    org = Org.build("Team 🚀", [Person("a", "Ana 🚀 López", title="Chief 🎉 Officer"),
                               Person("b", "Ben ✨ Ito", title="Engineer 👩 💻", manager="a")])
    pdf = ladder.draw(org, format="pdf")
    text = _pdf_text(pdf, tmp_path)
    for line in ("Ana 🚀 López", "Chief 🎉 Officer", "Ben ✨ Ito", "Engineer 👩 💻"):
        assert line in text  # a glyph behind each, not an empty box
    assert any("Symbola" in font for font in _pdf_fonts(pdf))
    assert not any("Color" in font or "Emoji" in font for font in _pdf_fonts(pdf))
    # a colour emoji font beside them is never taken (Cairo drew it blank and wide)
    conf = graphviz_backend.fonts_conf()
    assert "NotoColorEmoji" in conf and "<rejectfont>" in conf
    for bold in (False, True):
        labels = "; ".join(f"n{i} [label=<{'<B>' if bold else ''}x{e}x{'</B>' if bold else ''}>]"
                           for i, e in enumerate(EMOJI))
        xdot = run_graphviz(f'digraph {{ node [shape=plain, fontsize=13, '
                            f'fontname="Helvetica"]; {labels} }}', format="xdot").decode()
        drawn = {int(i): float(w) for i, w in re.findall(
            r"\bn(\d+)\s*\[_ldraw_=\"[^\"]*?T [\d.]+ [\d.]+ -?\d ([\d.]+) ", xdot)}
        assert len(drawn) == len(EMOJI)
        for i, emoji in enumerate(EMOJI):
            assert drawn[i] <= text_width(f"x{emoji}x", 13, bold=bold) + 1, (emoji, drawn[i])


def test_the_shipped_font_is_licensed_and_packaged():
    assert font_file().exists() and font_file(bold=True).exists()
    licence = (FONT_FOLDER / "LICENSE").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert '"fonts/*.ttf"' in pyproject and '"fonts/LICENSE"' in pyproject


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans-Bold.ttf").exists(),
                    reason="needs fonts-dejavu-core (run.sh installs)")
def test_text_sent_to_dejavu_alone_has_every_character_in_its_faces_or_the_shipped_ones():
    shipped = set(advance_widths(font_file())) & set(advance_widths(font_file(bold=True)))
    dejavu = (set(advance_widths(DEJAVU / "DejaVuSans.ttf"))
              & set(advance_widths(DEJAVU / "DejaVuSans-Bold.ttf")))
    missing = [f"U+{code:04X}" for start, end in graphviz_backend._SHIPPED_OR_DEJAVU
               for code in range(start, end + 1) if code not in shipped | dejavu]
    assert missing == []


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs fonts-dejavu-core (run.sh installs)")
@pytest.mark.parametrize("format", ["svg", "png", "pdf"])
def test_latin_text_is_drawn_the_same_with_dejavu_alone_as_with_every_fallback(format,
                                                                               monkeypatch):
    # the built-in ladder (arrows, middle dots, italics) and a chart in Latin, Greek and
    # Cyrillic with accents: Graphviz given DejaVu's folder alone draws the same bytes
    org = Org.build("Ωmega", [
        Person("a", "Zoë Ångström-Łukasiewicz", title="Γενική Διευθύντρια"),
        Person("b", "Пётр Чайковский", title="Head of R&D → Platform", manager="a"),
    ])
    sources = [ladder.draw("product", format="dot"),
               ladder.draw("product", format="dot", variant="enterprise", view="matrix"),
               ladder.draw(org, format="dot")]
    assert all(graphviz_backend._fallbacks_for(s) == (str(DEJAVU),) for s in sources)
    pinned = {"engine": "neato", "neato_no_op": 2}  # the matrix and the org chart: placed
    engines = [{}, pinned, pinned]
    alone = [run_graphviz(s, format=format, **e) for s, e in zip(sources, engines, strict=True)]
    monkeypatch.setattr(graphviz_backend, "_fallbacks_for",
                        lambda source: graphviz_backend._installed_fallbacks())
    every = [run_graphviz(s, format=format, **e) for s, e in zip(sources, engines, strict=True)]
    assert alone == every
