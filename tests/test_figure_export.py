"""Chart and view exports: PNG/SVG through kaleido, standalone HTML, the one-file report.

Image tests share one browser (module fixture) and skip, saying why, without Chromium.
"""
from __future__ import annotations

import io
import struct
import threading
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs

from dashboard.errors import UserError
from dashboard.files import figures as fe

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
           "[x](javascript:alert(1))", '<a href="javascript:alert(1)">click</a>']
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def dark_figure(name: str = "ChatGPT") -> go.Figure:
    """A small figure styled for a dark app theme, as a page might hand it over."""
    fig = go.Figure(go.Scatter(x=["2026-02-20", "2026-02-21", "2026-02-22"], y=[3, 17, 4],
                               name=name))
    fig.update_layout(template="plotly_dark", paper_bgcolor="black", height=400,
                      title_text="Posts per day")
    return fig


def png_size(png: bytes) -> tuple[int, int]:
    assert png[12:16] == b"IHDR"  # the first chunk, right after the signature
    return struct.unpack(">II", png[16:24])


@pytest.fixture(scope="module")
def images():
    """The shared kaleido browser: started by the first image, closed after the module."""
    try:
        fe.browser_path()
    except fe.ImageExportUnavailable as e:
        pytest.skip(f"no Chromium for image export: {e}")
    yield
    fe.close_image_session()


# --- images -------------------------------------------------------------------------------

def test_png_has_signature_and_requested_size(images):
    fig = dark_figure()
    png = fe.figure_png(fig, width=800, height=500, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png) == (1600, 1000)
    # defaults: 1200 wide, the figure's own height
    assert png_size(fe.figure_png(fig, scale=1)) == (fe.DEFAULT_WIDTH, 400)


def test_png_is_drawn_on_white_and_leaves_the_figure_alone(images):
    from PIL import Image
    fig = dark_figure()
    before = fig.to_dict()
    png = fe.figure_png(fig, width=400, height=300, scale=1)
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.getpixel((2, 2)) == (255, 255, 255)
    assert img.getpixel((img.width - 3, img.height - 3)) == (255, 255, 255)
    assert fig.to_dict() == before


def test_svg_is_xml_with_an_svg_root_on_white(images):
    svg = fe.figure_svg(dark_figure(), width=600, height=400)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == ("600", "400")
    assert b"fill: rgb(255, 255, 255)" in svg and b"rgb(17, 17, 17)" not in svg


def test_threads_get_their_own_images(images):
    """Streamlit renders deferred downloads on worker threads: answers must not cross."""
    fig, sizes = dark_figure(), {}

    def work(width):
        sizes[width] = png_size(fe.figure_png(fig, width=width, height=200, scale=1))

    threads = [threading.Thread(target=work, args=(w,)) for w in (300, 310, 320)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sizes == {w: (w, 200) for w in (300, 310, 320)}


def test_missing_chromium_is_a_user_error_saying_how_to_fix_it(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.setattr(fe, "_session", fe._ImageSession())  # not the shared browser
    with pytest.raises(fe.ImageExportUnavailable) as err:
        fe.figure_png(dark_figure())
    assert isinstance(err.value, UserError)
    message = str(err.value)
    assert "apt-get install chromium" in message and "packages.txt" in message
    assert "/nonexistent/chromium" in message


# --- HTML ---------------------------------------------------------------------------------

def test_figure_html_is_standalone_with_the_data():
    fig = dark_figure(name="Claude-series")
    before = fig.to_dict()
    page = fe.figure_html(fig).decode("utf-8")
    assert page.count(get_plotlyjs()) == 1
    assert "<script src" not in page.replace(" ", "")  # nothing fetched: opens offline
    assert "Plotly.newPlot" in page and "Claude-series" in page and "17" in page
    assert '"paper_bgcolor":"white"' in page
    assert fig.to_dict() == before


class Markup(HTMLParser):
    """Collects the tags, attributes and visible text of a document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def parse(doc: bytes) -> Markup:
    m = Markup()
    m.feed(doc.decode("utf-8"))
    return m


def report(**overrides) -> bytes:
    figures = [dark_figure("ChatGPT"), dark_figure("Claude")]
    args = {
        "title": "Backlash view",
        "filters": [("Dates", "2026-02-20 to 2026-03-10"), ("Brands", "ChatGPT, Claude")],
        "sections": [("Backlash", figures[0]),
                     ("Top posts", pd.DataFrame({"text": ["cancelled my ChatGPT Plus"],
                                                 "engagement": [42]})),
                     ("Switching", figures[1]),
                     ("Method", "Scores are VADER compound.\n\nEvents are real.")],
        "notice": "Simulated demo data: the posts are not real.",
    } | overrides
    return fe.report_html(**args)


def test_report_lists_filters_sections_and_notice_with_plotly_once():
    doc = report().decode("utf-8")
    assert doc.count(get_plotlyjs()) == 1
    assert doc.count("Plotly.newPlot") == 2
    assert doc.index("Simulated demo data: the posts are not real.") < doc.index("<h1>")
    assert "2026-02-20 to 2026-03-10" in doc and "ChatGPT, Claude" in doc
    headings = [doc.index(f"<h2>{h}</h2>") for h in ("Filters", "Backlash", "Top posts",
                                                        "Switching", "Method")]
    assert headings == sorted(headings)
    assert "<td>cancelled my ChatGPT Plus</td>" in doc and "<td>42</td>" in doc
    assert "<p>Scores are VADER compound.</p>" in doc and "<p>Events are real.</p>" in doc
    assert " UTC</p>" in doc
    m = parse(doc.encode())
    assert m.tags.count("script") == 3  # plotly.js, then one per figure


def test_report_without_notice_or_filters():
    doc = report(notice=None, filters=[]).decode("utf-8")
    assert 'class="notice"' not in doc and "No filters." in doc


def test_report_escapes_hostile_text_everywhere():
    frame = pd.DataFrame({"text": HOSTILE, HOSTILE[1]: range(len(HOSTILE))})
    doc = report(title=HOSTILE[0], notice=HOSTILE[1],
                 filters=[("Search", HOSTILE[0]), (HOSTILE[1], HOSTILE[2])],
                 sections=[(HOSTILE[3], frame), ("Note", "\n\n".join(HOSTILE)),
                           (HOSTILE[0], dark_figure(name=HOSTILE[1] + "</script>"))])
    m = parse(doc)
    assert m.tags.count("script") == 2  # plotly.js and the figure: none injected
    assert not {"img", "a", "iframe", "object"} & set(m.tags)
    assert not [name for name, _ in m.attrs if name.startswith("on")]
    assert not [v for _, v in m.attrs if v and v.strip().lower().startswith("javascript:")]
    text = "".join(m.text)
    for hostile in HOSTILE:  # shown as the words the poster typed
        assert hostile in text


def test_report_rejects_an_unknown_section():
    with pytest.raises(TypeError, match="Figure, DataFrame or str"):
        report(sections=[("Oops", 42)])


# --- file names ---------------------------------------------------------------------------

def test_export_name():
    assert fe.export_name("backlash", date(2026, 2, 20), date(2026, 3, 10),
                          ext="png") == "backlash_2026-02-20_2026-03-10.png"
    assert fe.export_name("posts", None, None, ext=".CSV") == "posts.csv"
    assert fe.export_name("../../etc/passwd", "Le Chat & <Grok>", ext="svg") == \
        "etc-passwd_Le-Chat-Grok.svg"
    assert fe.export_name("", ext="html") == "export.html"
    with pytest.raises(ValueError):
        fe.export_name("x", ext="p/ng")
