"""``python -m eval.batch``: a new blind batch is checked, measured whole and appended
with its split fixed by its family."""
import pytest

from eval import batch, switching

HEADER = ",".join(batch.COLUMNS)
GOOD = [
    "batchZ-moved,Moved from ChatGPT to Claude last week,,ChatGPT,Claude,move,switch",
    "batchZ-release,Google just dropped a new Gemini model,,,,,release",
    "batchZ-thinking,Thinking of cancelling Gemini,It is fine but pricey.,Gemini,,consider,"
    "switch",
]


def write(tmp_path, lines):
    path = tmp_path / "batchZ.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def read(path, tracker, known=()):
    return batch.read_batch(path, set(tracker.brand_names), set(known))


def test_a_batch_gets_its_split_from_its_family_and_its_text_from_title_and_body(
        tmp_path, tracker):
    rows = read(write(tmp_path, GOOD), tracker)
    assert [r["split"] for r in rows] == [batch.split_of(r["family"]) for r in rows]
    assert rows[2]["text"] == "Thinking of cancelling Gemini\n\nIt is fine but pricey."


@pytest.mark.parametrize("line, field", [
    ("batchY-other,Moved to Claude,,,Claude,move,switch", "family"),
    ("batchZ-moved,Moved to Claude,,,Claude,move,switch", "family"),  # used twice
    ("batchZ-a,,Moved to Claude,,Claude,move,switch", "title"),
    ("batchZ-b,Moved to Claudia,,,Claudia,move,switch", "switch_to"),
    ("batchZ-c,Moved to Claude,,,Claude,moved,switch", "switch_kind"),
    ("batchZ-d,Moved to Claude,,,Claude,move,release", "tag"),
    ("batchZ-e,Gemini 3 is out,,,,,switch", "tag"),
])
def test_a_wrong_row_is_refused_naming_the_file_line_and_field(tmp_path, tracker, line,
                                                                 field):
    path = write(tmp_path, [GOOD[0], line])
    with pytest.raises(batch.BatchError) as e:
        read(path, tracker)
    assert str(e.value).startswith(f"{path}, line 3, {field} ")


def test_a_family_already_added_is_refused(tmp_path, tracker):
    with pytest.raises(batch.BatchError, match="line 2, family 'batchZ-moved': already used"):
        read(write(tmp_path, GOOD), tracker, known={"batchZ-moved"})


def test_the_report_measures_each_split_and_the_whole(tmp_path, tracker, full_scorer):
    rows = read(write(tmp_path, GOOD), tracker)
    out = " ".join(batch.report(rows, full_scorer).split())
    assert "whole: 3 posts leave/move, right brands precision 1/1 = 1.00 recall 1/1 = 1.00" \
        in out
    assert "consider precision 1/1 = 1.00 recall 1/1 = 1.00 false alarms: none" in out


def test_adding_appends_the_rows_with_their_split_and_names_the_test_posts_to_label(
        tmp_path, tracker, monkeypatch):
    families = tmp_path / "families.csv"
    families.write_text("family,split,title,body,switch_from,switch_to,switch_kind,tag\n"
                        "x,dev,Hello,,,,,release\n", encoding="utf-8")
    monkeypatch.setattr(batch, "FAMILIES", families)
    rows = read(write(tmp_path, GOOD), tracker)
    refs = batch.add(rows)
    stored = switching.read_csv(families)
    assert [r["family"] for r in stored] == ["x", *(r["family"] for r in rows)]
    assert [r["split"] for r in stored[1:]] == [r["split"] for r in rows]
    assert refs == [i + 2 for i, r in enumerate(rows)
                    if r["split"] == "test" and r["switch_kind"] != ""
                    and r["tag"] != "release"]
    assert list(stored[1]) == list(stored[0])  # only the file's own columns are written
