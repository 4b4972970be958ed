"""The PolNeAR scorer on tiny hand-made brat files (not PolNeAR data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import InputError
from provenance.evaluation import polnear
from provenance.models import Quote, Span

MINI = Path(__file__).parent / "data" / "polnear_mini"


def test_parse_ann_reads_discontinuous_spans_and_events() -> None:
    ann = (MINI / "attributions" / "hale_2016-10-02_budget_cccc.ann").read_text("utf-8")
    [att] = polnear.parse_ann(ann)
    assert len(att.content) == 2 and att.content[0][0] == 0
    assert att.source and att.source[0][1] > att.source[0][0]


def test_parse_ann_skips_malformed_lines() -> None:
    assert polnear.parse_ann("T1\tContent x y\tbad\nE1\tContent:T1\ngarbage\n") == []


def test_one_annotator_per_article() -> None:
    pairs = polnear.article_files(MINI)
    assert [a.name for _, a in pairs] == ["denver_2016-10-01_water-rights_aaaa.ann",
                                         "hale_2016-10-02_budget_cccc.ann"]


def test_missing_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        polnear.article_files(tmp_path / "nope")
    with pytest.raises(InputError):
        polnear.article_files(tmp_path)


def test_speaker_ok_compares_last_names() -> None:
    assert polnear.speaker_ok("Tom Hale", "the governor, Tom Hale")
    assert polnear.speaker_ok("Hillary Clinton", "Clinton’s")
    assert not polnear.speaker_ok("Bill Hale", "the governor, Tom Haley")
    assert not polnear.speaker_ok(None, "Tom Hale")


def test_score_article_counts_tp_fp_and_neutral() -> None:
    text = "“Alpha beta gamma delta,” Ruiz said, adding that “epsilon zeta eta” was true.\n"
    a = text.index("“Alpha")
    b = text.index("Ruiz") - 1
    s = text.index("Ruiz")
    c = text.index("that") + 5
    atts = [polnear.Attribution([(a, b)], [(s, s + 4)]),
            polnear.Attribution([(c - 5, len(text) - 2)], [(s, s + 4)])]

    def q(t: str, who: str | None) -> Quote:
        i = text.index(t)
        return Quote(span=Span(start=i, end=i + len(t), text=t), speaker=who)

    r = polnear.score_article(text, atts, [q("Alpha beta gamma delta", "Ana Ruiz"),
                                           q("epsilon zeta eta", "Ana Ruiz")])
    assert (r["tp"], r["fp"], r["gold"]) == (1, 0, 1)  # the partial quote is neutral
    assert r["speaker"].correct == 1
    r = polnear.score_article(text, atts, [q("Alpha beta gamma delta", "Bo Li"),
                                           q("Ruiz said", None)])
    assert (r["tp"], r["fp"]) == (1, 1)
    assert r["speaker"].correct == 0 and r["speaker"].total == 1


def test_score_dir_end_to_end() -> None:
    r = polnear.score_dir(MINI)
    assert r["articles"] == 2
    assert r["quotes"]["gold"] == 3
    assert r["quotes"]["tp"] == 3  # the split Hale quote matches as one
    assert r["quotes"]["pred"] == 5  # plus the unannotated neighbour quote and the
    # "water grab" that critics are said to have called the plan (a naming clause)
    assert r["speaker"]["total"] == 2  # "he" is a pronoun: not a named source
    assert r["speaker"]["correct"] == 2


def test_cli_polnear_rows() -> None:
    res = CliRunner().invoke(app, ["evaluate", "--polnear", str(MINI), "-f", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["polnear"]["quotes"]["tp"] == 3
    res = CliRunner().invoke(app, ["evaluate", "--polnear", str(MINI / "missing")])
    assert res.exit_code == 1
