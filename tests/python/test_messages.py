"""Typed messages built at run time from the library's schema."""

from __future__ import annotations

import pytest

import cadre

pytest.importorskip("google.protobuf")
from google.protobuf import descriptor_pool, json_format  # noqa: E402


def test_messages_cover_the_schema() -> None:
    classes = cadre.messages()
    for name in ("cadre.v1.ScreenRequest", "cadre.v1.ScreenResponse", "cadre.v1.Cadre",
                 "cadre.v1.Post", "cadre.v1.Finding", "cadre.v1.RecordError",
                 "cadre.v1.EngineOptions", "cadre.v1.LocalizedText"):
        assert classes[name].DESCRIPTOR.full_name == name
    with pytest.raises(TypeError):
        classes["cadre.v1.X"] = object  # read-only mapping


def test_message_class_by_full_or_short_name() -> None:
    full = cadre.message_class("cadre.v1.ScreenRequest")
    assert cadre.message_class("ScreenRequest") is full
    assert cadre.messages()["cadre.v1.ScreenRequest"] is full
    with pytest.raises(KeyError):
        cadre.message_class("cadre.v1.NoSuchMessage")


def test_classes_live_in_a_private_pool() -> None:
    descriptor = cadre.message_class("cadre.v1.ScreenRequest").DESCRIPTOR
    assert descriptor.file.pool is not descriptor_pool.Default()
    # The default pool was not given the cadre files by the binding.
    assert descriptor.file.name == "cadre/v1/screening.proto"


def test_classes_round_trip() -> None:
    request_class = cadre.message_class("ScreenRequest")
    request = request_class(as_of="2025-06-30")
    person = request.cadres.add(id="c1", birth_date="1965-03-02")
    person.posts.add(id="p1", title="县长")
    back = request_class.FromString(request.SerializeToString())
    assert back == request
    as_dict = json_format.MessageToDict(back, preserving_proto_field_name=True)
    assert as_dict["cadres"][0]["posts"][0]["title"] == "县长"


def test_enum_names_match_the_json_the_library_reads(engine) -> None:
    finding = cadre.message_class("Finding").DESCRIPTOR
    channel = finding.fields_by_name["channel"].enum_type
    assert channel.values_by_name["CHANNEL_AGE_LIMIT"].number == 1
    rank = cadre.message_class("Post").DESCRIPTOR.fields_by_name["rank_level"].enum_type
    assert rank.values_by_name["RANK_LEVEL_COUNTY_DEPUTY"].number == 6
