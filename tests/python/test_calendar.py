"""The working-day calendar's operations through the binding (issue 10 §1)."""

from __future__ import annotations

import pytest

import cadre

# A test notice for 2027: invented dates, tagged RECALLED; not a real arrangement.
NOTICE_2027 = """
notices {
  year: 2027
  citation { document: "《测试用放假安排》" year: 2026 verification: VERIFICATION_RECALLED }
  issued: "2026-11-01"
  holidays {
    festivals: "new-year"
    name { zh_cn: "元旦" en: "New Year's Day" }
    first: "2027-01-01"
    last: "2027-01-03"
  }
}
"""


def test_fifteen_working_days_over_national_day_2025(engine) -> None:
    # 2025-09-28 (a Sunday worked) is the day of receipt and does not count; 1 to 8 October
    # are off and Saturday 11 October is worked.
    answer = engine.calendar_add({"date": "2025-09-28", "working_days": 15}, as_dict=True)
    assert answer["date"] == "2025-10-24"
    assert answer["calendar"]["content_hash"]
    assert "工作日" in answer["explanation"]["zh_cn"]
    count = engine.calendar_count({"from": "2025-09-28", "to": "2025-10-24"}, as_dict=True)
    assert count["working_days"] == 15


def test_a_make_up_saturday_is_a_working_day(engine) -> None:
    day = engine.calendar_day({"date": "2025-10-11"}, as_dict=True)["day"]
    assert day["working"] is True
    assert day["kind"] == "DAY_KIND_MAKE_UP_WORKDAY"
    assert engine.calendar_day({"date": "2025-10-03"}, as_dict=True)["day"].get("working") is None


def test_a_year_without_a_notice_is_out_of_range_unless_the_fallback_is_asked(engine) -> None:
    with pytest.raises(cadre.CadreError) as info:
        engine.calendar_day({"date": "2031-01-02"})
    assert info.value.code == 11  # OUT_OF_RANGE
    assert info.value.field == "date"
    day = engine.calendar_day({"date": "2031-01-02",
                               "fallback": "CALENDAR_FALLBACK_WEEKENDS_ONLY"}, as_dict=True)["day"]
    assert day["assumed"] is True


def test_a_host_adds_a_years_notice_through_the_engine_options() -> None:
    with cadre.Engine({"calendar_texts": [NOTICE_2027]}) as host:
        answer = host.calendar_add({"date": "2026-12-30", "working_days": 2}, as_dict=True)
        assert answer["date"] == "2027-01-04"  # 31 December, then 4 January
        plain = cadre.Engine()
        with pytest.raises(cadre.CadreError):
            plain.calendar_add({"date": "2026-12-30", "working_days": 2})
        plain.close()


def test_a_bad_calendar_text_names_its_field() -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.Engine({"calendar_texts": ["notices { year: x }"]})
    assert info.value.field.startswith("options.calendar_texts[0]")
