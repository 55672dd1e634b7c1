"""The runtime of the typed messages of :mod:`cadre.types`.

Every message of the schema is a :func:`dataclasses.dataclass` subclass of
:class:`Message`, and every enum an :class:`enum.IntEnum` subclass of
:class:`Enum`, generated from the schema (``cadre.types``). This module
converts them from and to the shape of protobuf JSON (the dicts the library's
JSON parses to), with the standard library only.

Conversion follows protobuf's JSON mapping: proto field names, enum values by
name (an unknown number is kept as an ``int``), 64-bit integers as strings,
``NaN``/``Infinity`` as strings, bytes as base64. :meth:`Message.to_dict`
leaves out fields with default values, as the library does, and nested
messages that are empty.
"""

from __future__ import annotations

import base64
import enum
import json
import math
from typing import Any, ClassVar, Mapping, Optional

# Field kinds of Message._FIELDS.
SCALAR = "scalar"  # str, bool, 32-bit ints
INT64 = "int64"    # int64, uint64...: strings in JSON
FLOAT = "float"    # double, float
BYTES = "bytes"    # base64 in JSON
ENUM = "enum"
MESSAGE = "message"


class Enum(enum.IntEnum):
    """A schema enum. Members are named like the schema's values without the
    enum's prefix (``Channel.AGE_LIMIT`` is ``CHANNEL_AGE_LIMIT``)."""

    # Set by enum() for each generated class: its full proto name and its
    # values' prefix (an Enum's body may not hold such names).
    _cadre_proto: ClassVar[str]
    _cadre_prefix: ClassVar[str]

    @property
    def proto_name(self) -> str:
        """The value's name in the schema, e.g. ``"CHANNEL_AGE_LIMIT"``."""
        return type(self)._cadre_prefix + self.name

    def label(self, language: str = "zh-CN") -> str:
        """The value's label in zh-CN or English, as the library has it
        (:func:`cadre.label`)."""
        from . import label
        return label(type(self)._cadre_proto, int(self), language)

    @classmethod
    def from_json(cls, value: Any) -> Any:
        """A member from its name in the schema or its number; a number this
        binding does not know is kept as an ``int``."""
        if isinstance(value, str):
            name = value[len(cls._cadre_prefix):] if value.startswith(cls._cadre_prefix) else value
            try:
                return cls[name]
            except KeyError:
                raise ValueError(f"cadre: {value!r} is not a value of {cls._cadre_proto}") from None
        number = int(value)
        try:
            return cls(number)
        except ValueError:
            return number


def enum(cls: Any, proto: str, prefix: str) -> None:
    """Records the schema name and the values' prefix of a generated enum."""
    cls._cadre_proto = proto
    cls._cadre_prefix = prefix


def _enum_to_json(value: Any) -> Any:
    return value.proto_name if isinstance(value, Enum) else int(value)


def _float_from_json(value: Any) -> float:
    return float(value)


def _float_to_json(value: float) -> Any:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


class Message:
    """A message of the schema, as a dataclass of :mod:`cadre.types`.

    ``from_dict`` and ``from_json`` build one from the shape of its protobuf
    JSON; ``to_dict`` and ``to_json`` give that shape back.
    """

    # Set by each generated class: its full proto name, and its fields as
    # (python name, json name, kind, type name or None, repeated, presence).
    _proto_: ClassVar[str]
    _fields_: ClassVar[tuple[tuple[str, str, str, Optional[str], bool, bool], ...]]
    # The module of the generated classes, to resolve type names.
    _types_: ClassVar[Any] = None

    @classmethod
    def _type(cls, name: str) -> Any:
        # A nested enum is named by its qualified name, e.g. "CaseEvent.Kind".
        found = cls._types_
        for part in name.split("."):
            found = getattr(found, part)
        return found

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Any:
        """Builds the message from a dict in the shape of its protobuf JSON.

        Raises:
            ValueError: a key is not a field of the message, or an enum value
                is not one of its names.
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"cadre: a {cls._proto_} must be a dict, not {type(data).__name__}")
        kwargs: dict[str, Any] = {}
        known = {f[1]: f for f in cls._fields_}
        for key, value in data.items():
            spec = known.get(key)
            if spec is None:
                raise ValueError(f"cadre: {cls._proto_} has no field {key!r}")
            py_name, _, kind, type_name, repeated, _ = spec
            if value is None:
                continue
            convert = cls._from_json_value(kind, type_name)
            kwargs[py_name] = [convert(v) for v in value] if repeated else convert(value)
        return cls(**kwargs)

    @classmethod
    def _from_json_value(cls, kind: str, type_name: Optional[str]) -> Any:
        if kind == MESSAGE:
            return cls._type(type_name).from_dict
        if kind == ENUM:
            return cls._type(type_name).from_json
        if kind == INT64:
            return int
        if kind == FLOAT:
            return _float_from_json
        if kind == BYTES:
            return base64.b64decode
        return lambda v: v

    @classmethod
    def from_json(cls, text: Any) -> Any:
        """Builds the message from its protobuf JSON text (``str`` or ``bytes``)."""
        return cls.from_dict(json.loads(text) if text else {})

    def to_dict(self) -> dict[str, Any]:
        """The message as the dict its protobuf JSON parses to: proto field
        names, enum names, default values (and empty nested messages) left
        out."""
        out: dict[str, Any] = {}
        for py_name, json_name, kind, _, repeated, presence in self._fields_:
            value = getattr(self, py_name)
            if value is None:
                continue
            if repeated:
                if value:
                    out[json_name] = [_to_json_value(kind, v) for v in value]
                continue
            converted = _to_json_value(kind, value)
            default = converted == {} if kind == MESSAGE else not value
            if presence or not default:
                out[json_name] = converted
        return out

    def to_json(self, **kwargs: Any) -> str:
        """The message as protobuf JSON text (``json.dumps`` of :meth:`to_dict`;
        keyword arguments go to ``json.dumps``)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)


def _to_json_value(kind: str, value: Any) -> Any:
    if kind == MESSAGE:
        return value.to_dict()
    if kind == ENUM:
        return _enum_to_json(value)
    if kind == INT64:
        return str(int(value))
    if kind == FLOAT:
        return _float_to_json(value)
    if kind == BYTES:
        return base64.b64encode(value).decode("ascii")
    return value
