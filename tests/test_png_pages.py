"""Split PNG pages drawn by Pillow (issue 19): the faces Graphviz is handed, each character in
the first that has it (no empty boxes), italics and made bold as Cairo makes them (not from the
machine's fonts), smooth card corners."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladder.api import render
from ladder.layout.fonts import FONT_FOLDER, advance_widths
from ladder.model.org import Org, Person
from ladder.renderers import org_png

HANGUL_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NAMES = ["김민준", "박서연 (Seo-yeon Park)", "선임 연구원", "Ana 🚀 López", "Иван Петров",
         "محمد عبد الله", "राहुल शर्मा"]


@pytest.mark.skipif(not HANGUL_FONT.exists(), reason="needs fonts-wqy-microhei (run.sh installs)")
def test_every_character_is_drawn_by_a_face_that_has_it() -> None:
    for name in NAMES:
        for bold in (False, True):
            for text, path, _ in org_png._runs(name, bold):
                for char in text.replace(" ", ""):
                    if "🚀" == char and not Path(
                            "/usr/share/fonts/truetype/ancient-scripts").is_dir():
                        continue  # no emoji face on this machine: a box, as Graphviz draws
                    assert ord(char) in advance_widths(path), (name, char, path)
    # a Korean name's Latin part is drawn in the shipped face, its Hangul in the fallback, and
    # a bold name in a face with no bold file is made bold
    runs = org_png._runs("박서연 (Seo-yeon Park)", True)
    assert [(text, path.name, made) for text, path, made in runs] == [
        ("박서연 ", HANGUL_FONT.name, True), ("(Seo-yeon Park)", "LiberationSans-Bold.ttf", False)]


def test_text_is_drawn_with_the_shipped_files_and_italics_lean() -> None:
    faces = {path for name in NAMES for bold in (False, True)
             for _, path, _ in org_png._runs(name, bold)}
    assert all(FONT_FOLDER in path.parents or "liberation" not in str(path).lower()
               for path in faces)  # never the machine's own Liberation files
    upright, (_, top) = org_png._glyphs("Ada Okafor", True, False, 13, "ls")
    leaning, (_, top2) = org_png._glyphs("Ada Okafor", True, True, 13, "ls")
    assert leaning.size[0] > upright.size[0] and top2 <= top  # slanted: wider at the top


def test_card_corners_and_arrowheads_are_smooth() -> None:
    tile, mask = org_png._stamp(240, 72, 10, "#ffffff", "#c9ced6", 1, (0, 0))
    corner = [mask.getpixel((x, y)) for x in range(10) for y in range(10)]
    assert any(0 < value < 255 for value in corner)  # shades between inside and outside
    assert mask.getpixel((120, 36)) == 255 and mask.getpixel((0, 0)) == 0
    arrow = org_png._polygon_mask(((16, 0), (32, 32), (0, 32)))  # 8 x 8 px, drawn 4x
    values = set(arrow.tobytes())
    assert arrow.size == (9, 9) and 255 in values and 0 in values
    assert any(0 < value < 255 for value in values)  # the slanted sides are shaded


@pytest.mark.skipif(not HANGUL_FONT.exists(), reason="needs fonts-wqy-microhei (run.sh installs)")
def test_a_korean_split_page_draws_glyphs_not_boxes(tmp_path: Path) -> None:
    from PIL import Image

    def picture(core) -> bytes:
        return Image.Image()._new(core).tobytes()

    # the shipped face alone draws each Hangul syllable as the same empty box
    shipped = org_png._font(FONT_FOLDER / "LiberationSans-Bold.ttf", 13)
    boxes = [picture(shipped.getmask2(name, "L", anchor="ls")[0]) for name in ("김민준", "박서연")]
    assert boxes[0] == boxes[1]
    drawn = [picture(org_png._glyphs(name, True, False, 13, "ls")[0])
             for name in ("김민준", "박서연")]
    assert drawn[0] != drawn[1] and boxes[0] not in drawn
    org = Org.build("팀", [Person("k1", "김민준", title="대표이사", department="본부"),
                          Person("k2", "박서연", title="제품 책임자", manager="k1",
                                 department="제품개발팀")])
    written = render(org, tmp_path / "kr.png", split="department")
    assert len(written) == 3 and all(p.read_bytes()[:4] == b"\x89PNG" for p in written)
