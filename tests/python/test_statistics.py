"""Statistics from Python: Engine.statistics, quarterly_dispatch and
annual_bulletin (issue 12 §1).

An adjustment carried out on 31 March counts in the first quarter, one on
1 April in the second; units and regions name the lines; errors name the
field of the request. docs/statistics.md defines every count.
"""

from __future__ import annotations

import pytest

import cadre
from cadre import types

from conftest import make_cadre


def _adjusted(cadre_id: str, executed_on: str, channel: str) -> dict:
    c = make_cadre(cadre_id)
    c["posts"][0]["region_code"] = "990121"
    c["adjustments"] = [{
        "id": "a1", "channel": channel, "method": "ADJUSTMENT_METHOD_REMOVAL",
        "from_post_id": "p1", "decided_on": executed_on, "executed_on": executed_on,
    }]
    return c


REGIONS = [{"code": "990000", "name": "合成省", "level": "REGION_LEVEL_PROVINCE"},
           {"code": "990100", "name": "一市", "level": "REGION_LEVEL_CITY",
            "parent_code": "990000"},
           {"code": "990121", "name": "一县", "level": "REGION_LEVEL_COUNTY",
            "parent_code": "990100"}]
UNITS = [{"id": "u1", "name": "一县政府", "kind": "UNIT_KIND_GOVERNMENT",
          "region_code": "990121"}]
CADRES = [_adjusted("c1", "2024-03-31", "CHANNEL_ACCOUNTABILITY"),
          _adjusted("c2", "2024-04-01", "CHANNEL_UNSUITABLE")]


def test_the_quarter_edges(engine):
    q1 = engine.statistics({"from": "2024-01-01", "to": "2024-03-31", "regions": REGIONS,
                            "units": UNITS, "cadres": CADRES})
    assert isinstance(q1, types.StatisticsResponse)
    assert q1.total.adjusted.adjusted_down == 1
    assert q1.total.adjusted.accountability == 1
    q2 = engine.statistics({"from": "2024-04-01", "to": "2024-06-30", "units": UNITS,
                            "cadres": CADRES})
    assert q2.total.adjusted.adjusted_down == 1
    assert q2.total.adjusted.unsuitable == 1


def test_the_bulletin_names_its_units_and_regions(engine):
    bulletin = engine.annual_bulletin({"year": 2024, "regions": REGIONS, "units": UNITS,
                                       "cadres": CADRES})
    assert isinstance(bulletin, types.AnnualBulletinResponse)
    assert bulletin.total.adjusted.adjusted_down == 2
    assert [q.adjusted.adjusted_down for q in bulletin.by_quarter] == [1, 1, 0, 0]
    unit = next(u for u in bulletin.units if u.key == "u1")
    assert unit.label == "一县政府"
    assert unit.adjusted.adjusted_down == 2
    province = next(r for r in bulletin.regions if r.key == "990000")
    assert province.label == "合成省"
    assert province.adjusted.adjusted_down == 2
    assert bulletin.weights.timeliness == 1 and bulletin.weights.completeness == 1
    # The labels of the measures come from the schema, in both languages.
    assert types.StatisticsMeasure.ADJUSTED_DOWN.label("zh-CN") == "调整干部"
    assert types.StatisticsMeasure.ADJUSTED_DOWN.label("en") == "adjusted down"


def test_errors_name_the_field(engine):
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.quarterly_dispatch({"year": 2024, "quarter": 5})
    assert info.value.field == "quarter"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.annual_bulletin({"year": 2024, "weights": {"timeliness": -1}})
    assert info.value.field == "weights.timeliness"
    bad = engine.statistics({"from": "2024-01-01", "to": "2024-12-31",
                             "cases": [{"case_id": "k1", "cadre_id": "c1",
                                        "opened_on": "2024-02-30"}],
                             "cadres": CADRES})
    assert [e.field_path for e in bad.errors] == ["cases[0].opened_on"]
    assert bad.total.adjusted.adjusted_down == 2


def test_the_bulletin_as_a_page(engine):
    """render_report (issue 12 §4): the bulletin's message in, one HTML page out; the
    public (redacted) variant names no unit or region."""
    bulletin = engine.annual_bulletin({"year": 2024, "regions": REGIONS, "units": UNITS,
                                       "cadres": CADRES}, as_dict=True)
    page = engine.render_report({"annual_bulletin": bulletin})
    assert isinstance(page, types.RenderReportResponse)
    assert page.html.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
    assert "一县政府" in page.html and "合成省" in page.html
    assert page.html.count("<svg") == 5 and "<script" not in page.html
    english = engine.render_report({"annual_bulletin": bulletin,
                                    "language": "REPORT_LANGUAGE_EN"})
    assert '<html lang="en">' in english.html and "Adjustments by channel" in english.html
    public = engine.render_report({"annual_bulletin": bulletin,
                                   "audience": "REPORT_AUDIENCE_PUBLIC"})
    for name in ("一县政府", "合成省", "一市", "u1", "990121"):
        assert name not in public.html
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.render_report({"language": "REPORT_LANGUAGE_EN"})
    assert info.value.field == "report"
