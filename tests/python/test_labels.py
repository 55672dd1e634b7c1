"""cadre.label: the labels of the schema's enum values, through cadre_label."""

from __future__ import annotations

import pytest

import cadre


def test_official_terms() -> None:
    assert cadre.label("cadre.v1.Channel", 3) == "问责追究调整"
    assert cadre.label("cadre.v1.Heading", 5, "zh-CN") == "考核不称职者下"
    assert cadre.label("PartySanctionKind", 4) == "留党察看"
    assert cadre.label("ExemptionDecision", 1) == "免责"
    assert cadre.label("Channel", 1) == "到龄免职(退休)"


def test_english() -> None:
    assert cadre.label("Channel", 3, "en") == "adjustment through accountability"
    assert cadre.label("cadre.v1.Channel", 1, language="en") == (
        "removal or retirement on reaching the age limit")


def test_full_and_short_names_agree() -> None:
    for number in range(8):
        for language in ("zh-CN", "en"):
            assert cadre.label("Channel", number, language) == cadre.label(
                "cadre.v1.Channel", number, language)
            assert cadre.label("Channel", number, language)


def test_unknown_gives_empty_string() -> None:
    assert cadre.label("Channel", 99) == ""
    assert cadre.label("Channel", -1) == ""
    assert cadre.label("NoSuchEnum", 1, "en") == ""
    assert cadre.label("", 0) == ""
    assert cadre.label("Channel", 2**40) == ""
    assert cadre.label("Chan\0nel", 3) == ""


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        cadre.label("Channel", 3, "fr")
    with pytest.raises(ValueError):
        cadre.label("Channel", 3, "zh")
    with pytest.raises(TypeError):
        cadre.label(b"Channel", 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cadre.label("Channel", "3")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cadre.label("Channel", True)


def test_every_value_of_the_schema_has_both_labels() -> None:
    descriptor_pb2 = pytest.importorskip("google.protobuf.descriptor_pb2")
    fds = descriptor_pb2.FileDescriptorSet.FromString(cadre.descriptor_set())
    enums = [(f.package, e) for f in fds.file if f.package == "cadre.v1"
             for e in f.enum_type]
    assert len(enums) >= 40
    for package, enum in enums:
        for value in enum.value:
            name = f"{package}.{enum.name}"
            zh = cadre.label(name, value.number)
            en = cadre.label(name, value.number, "en")
            assert zh and en, f"{name}.{value.name}"


def test_label_is_public() -> None:
    assert "label" in cadre.__all__
