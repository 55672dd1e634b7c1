"""Typed protobuf messages, built at run time from the library's own schema.

No generated ``_pb2`` code ships with the binding. The message classes come
from ``cadre_descriptor_set()`` (a serialized ``FileDescriptorSet``) loaded
into a private :class:`google.protobuf.descriptor_pool.DescriptorPool`, so
they match the loaded library exactly and never clash with anything another
package put into protobuf's default pool.

``google.protobuf`` is optional: it is imported on first use only, and
:func:`protobuf` returns ``None`` when it cannot be imported.
"""

from __future__ import annotations

import threading
from types import MappingProxyType, SimpleNamespace
from typing import Any, Mapping, Optional

from .errors import ProtobufRequiredError

_lock = threading.Lock()
_UNSET: Any = object()
_protobuf: Any = _UNSET


def protobuf() -> Optional[SimpleNamespace]:
    """The protobuf modules the binding uses, or None if not importable.

    The result is cached: the import is attempted once per process.
    """
    global _protobuf
    if _protobuf is _UNSET:
        with _lock:
            if _protobuf is _UNSET:
                try:
                    from google.protobuf import descriptor_pb2, descriptor_pool
                    from google.protobuf import json_format, message, message_factory
                except ImportError:
                    _protobuf = None
                else:
                    _protobuf = SimpleNamespace(
                        descriptor_pb2=descriptor_pb2,
                        descriptor_pool=descriptor_pool,
                        json_format=json_format,
                        Message=message.Message,
                        message_factory=message_factory)
    return _protobuf


def require_protobuf(what: str) -> SimpleNamespace:
    """Like :func:`protobuf`, but raises when protobuf is not importable.

    Args:
        what: what needs protobuf, for the message.

    Raises:
        ProtobufRequiredError: ``google.protobuf`` cannot be imported.
    """
    pb = protobuf()
    if pb is None:
        raise ProtobufRequiredError(
            f"cadre: {what} requires the 'protobuf' package (google.protobuf), "
            "which cannot be imported; pass a dict or JSON text instead, or "
            "use Engine.screen_raw() for protobuf binary bytes in and out",
            name="google.protobuf")
    return pb


def is_message(obj: Any) -> bool:
    """True if ``obj`` is a protobuf message (False when protobuf is absent)."""
    pb = protobuf()
    return pb is not None and isinstance(obj, pb.Message)


class Schema:
    """The message classes of one library's ``FileDescriptorSet``.

    Attributes:
        pool: the private descriptor pool holding the schema.
        classes: message classes by full name, e.g. ``"cadre.v1.Finding"``.
    """

    def __init__(self, descriptor_set: bytes) -> None:
        pb = require_protobuf("building typed messages")
        fds = pb.descriptor_pb2.FileDescriptorSet.FromString(descriptor_set)
        self.pool = pb.descriptor_pool.DescriptorPool()
        self._add_files(pb, list(fds.file))
        self._factory = None
        get_class = getattr(pb.message_factory, "GetMessageClass", None)
        if get_class is None:  # protobuf < 4.22
            self._factory = pb.message_factory.MessageFactory(self.pool)
            get_class = self._factory.GetPrototype
        classes: dict[str, type] = {}
        for file_proto in fds.file:
            file_desc = self.pool.FindFileByName(file_proto.name)
            stack = list(file_desc.message_types_by_name.values())
            while stack:
                desc = stack.pop()
                classes[desc.full_name] = get_class(desc)
                stack.extend(desc.nested_types)
        self.classes: Mapping[str, type] = MappingProxyType(dict(sorted(classes.items())))

    def _add_files(self, pb: SimpleNamespace, files: list[Any]) -> None:
        """Adds files to the pool, dependencies first.

        A dependency outside the set (a well-known type such as
        ``google/protobuf/timestamp.proto``) is copied from protobuf's
        default pool.
        """
        by_name = {f.name: f for f in files}
        added: set[str] = set()

        def add(name: str, chain: tuple[str, ...]) -> None:
            if name in added:
                return
            if name in chain:
                raise ValueError(f"cadre: import cycle in the schema at {name}")
            proto = by_name.get(name)
            if proto is None:
                proto = pb.descriptor_pb2.FileDescriptorProto()
                pb.descriptor_pool.Default().FindFileByName(name).CopyToProto(proto)
            for dep in proto.dependency:
                add(dep, chain + (name,))
            self.pool.AddSerializedFile(proto.SerializeToString())
            added.add(name)

        for f in files:
            add(f.name, ())

    def message_class(self, name: str) -> type:
        """The class of a message, by full name or by name within ``cadre.v1``.

        Raises:
            KeyError: the schema has no such message.
        """
        cls = self.classes.get(name) or self.classes.get("cadre.v1." + name)
        if cls is None:
            raise KeyError(f"cadre: no message {name!r} in the library's schema")
        return cls

    def to_dict(self, message: Any) -> dict[str, Any]:
        """A message as the dict its protobuf JSON would parse to.

        Field names are the proto names (``rule_id``), enums their names,
        and fields with default values are omitted, as in the library's JSON.
        """
        pb = require_protobuf("decoding protobuf messages")
        return pb.json_format.MessageToDict(message, preserving_proto_field_name=True)

    def from_json(self, name: str, text: bytes) -> Any:
        """Parses protobuf JSON into a new message of type ``name``."""
        pb = require_protobuf("decoding protobuf messages")
        return pb.json_format.Parse(text.decode("utf-8"), self.message_class(name)())
