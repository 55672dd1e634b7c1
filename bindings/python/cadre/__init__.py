"""cadre: the rules on leading cadres "able to go up and down" (能上能下).

A Python binding of libcadre's stable C ABI (``include/cadre/cadre.h``),
written with :mod:`ctypes` and the standard library only. Responses are
typed dataclasses of :mod:`cadre.types` (generated from the schema, standard
library only). Protobuf messages are also available when ``google.protobuf``
can be imported; they are built at run time from the library's own schema
(:func:`descriptor_set`).

Quick start::

    import cadre
    from cadre import types

    with cadre.Engine() as engine:
        response = engine.screen(types.ScreenRequest(
            as_of="2025-06-30",
            cadres=[types.Cadre(id="c1", sex=types.Sex.MALE, birth_date="1965-03-02",
                                birth_date_source=types.BirthDateSource.PERSONNEL_FILE,
                                posts=[...])]))
    for finding in response.findings:
        print(finding.cadre_id, finding.rule_id, finding.explanation.en)

Requests and responses are the protobuf messages of package ``cadre.v1``.
Every operation of the library is a method of :class:`Engine` (generated from
the library's table of operations), and returns the typed response: a
dataclass of :mod:`cadre.types`, generated from the schema, whose fields and
enums an editor completes. A request may be given as

- a message of :mod:`cadre.types`, a ``dict`` (the shape of its protobuf
  JSON, proto field names) or JSON text (``str``): sent to the library as
  protobuf JSON;
- ``bytes`` (protobuf binary) or a protobuf message: sent as protobuf binary.

Dicts and JSON stay available: ``as_dict=True`` returns the response as the
dict its protobuf JSON parses to (fields with default values left out, so
read them with ``response.get("findings", [])``), ``to_dict()`` and
``to_json()`` convert a typed response, and ``as_message=True`` gives a
protobuf message.

Without ``google.protobuf``, typed responses, dicts and JSON text work in
full. A ``bytes`` request then raises :class:`ProtobufRequiredError` (it
cannot be decoded) rather than silently returning a different type;
:meth:`Engine.screen_raw` gives bytes in and bytes out without protobuf.

Procedure cases live in a case store (a SQLite file): :class:`Store` has one
method per operation on a store (``case_open`` ... ``case_import``), and
:class:`Case` wraps one case::

    with cadre.Store("cases.db") as store:
        case = store.open_case("jm-c9002", cadre_record, early_warning_id="c9002-w1")
        answer = case.record(step)            # refused: answer.accepted is False
        for logged in case.events():
            print(logged.seq, logged.event.stage, logged.link)

Errors of the library are raised as :class:`CadreError` subclasses, one per
status code, carrying ``code``, ``code_name``, ``message`` and ``field``. A bad
record inside a request is not an exception: it is reported in the
response's ``errors`` list and the other records are still screened.

The library is found through ``$CADRE_LIBRARY`` (a file path; when set, the
only candidate), then ``cadre/_lib/`` inside the package, then the system
(``ctypes.util.find_library("cadre")``, ``libcadre.so.1``). Its ABI version is
checked at import; a mismatch raises :class:`ImportError`.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import datetime
import enum
import json
import os
import threading
import weakref
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Union

from . import _ffi, _messages, _typed, types
from ._operations import BY_NAME as _OPERATIONS_BY_NAME
from ._operations import OPERATIONS as _OPERATIONS
from ._operations import OperationSpec, Operations, StoreOperations
from ._version import __version__
from .errors import (
    AbortedError,
    AlreadyExistsError,
    CadreError,
    CancelledError,
    DataLossError,
    DeadlineExceededError,
    FailedPreconditionError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OutOfRangeError,
    PermissionDeniedError,
    ProtobufRequiredError,
    ResourceExhaustedError,
    UnauthenticatedError,
    UnavailableError,
    UnimplementedError,
    UnknownError,
)

if TYPE_CHECKING:
    from google.protobuf.message import Message

__all__ = [
    "__version__",
    "ABI_VERSION",
    "Case",
    "Engine",
    "Format",
    "Request",
    "ScreenStream",
    "Store",
    "abi_version",
    "descriptor_set",
    "label",
    "library_path",
    "message_class",
    "messages",
    "operations",
    "protobuf_available",
    "status_name",
    "types",
    "version",
    "version_number",
    # errors
    "CadreError",
    "CancelledError",
    "UnknownError",
    "InvalidArgumentError",
    "DeadlineExceededError",
    "NotFoundError",
    "AlreadyExistsError",
    "PermissionDeniedError",
    "ResourceExhaustedError",
    "FailedPreconditionError",
    "AbortedError",
    "OutOfRangeError",
    "UnimplementedError",
    "InternalError",
    "UnavailableError",
    "DataLossError",
    "UnauthenticatedError",
    "ProtobufRequiredError",
]

#: The ABI version this binding is written for; the library's
#: :func:`abi_version` equals it (checked at import).
ABI_VERSION: int = _ffi.EXPECTED_ABI_VERSION

# Loaded and checked at import: raises ImportError naming every path tried.
_LIB: _ffi.Library = _ffi.load()

#: What a request may be: a typed message of :mod:`cadre.types`, a dict or
#: JSON text (sent as protobuf JSON), or protobuf binary bytes or a protobuf
#: message (sent as protobuf binary).
Request = Union[_typed.Message, Mapping[str, Any], str, bytes, bytearray, memoryview, "Message"]


class Format(enum.IntEnum):
    """Serialization of requests and responses (``cadre_format``)."""

    BINARY = _ffi.FORMAT_BINARY
    """Protobuf binary wire format."""
    JSON = _ffi.FORMAT_JSON
    """Protobuf JSON (enum names, ISO 8601 dates)."""
    STREAM = 2
    """The stream form of a roster (``.cadres``): roster functions only."""


# --------------------------------------------------------------------------
# Library information


def version() -> str:
    """The loaded library's version, ``"major.minor.patch"``."""
    return _LIB.cadre_version_string().decode("ascii")


def version_number() -> int:
    """The loaded library's version as ``major * 10000 + minor * 100 + patch``."""
    return int(_LIB.cadre_version_number())


def abi_version() -> int:
    """The loaded library's ABI version (its SOVERSION); equals :data:`ABI_VERSION`."""
    return int(_LIB.cadre_abi_version())


def status_name(code: int) -> str:
    """The name of a status code as the library spells it, e.g. ``"INVALID_ARGUMENT"``.

    Any integer is accepted; one that is not a status code gives ``"UNRECOGNIZED"``.
    """
    return _LIB.status_name(int(code))


# The languages of label().
_LABEL_LANGUAGES = ("zh-CN", "en")


def _as_of_arg(as_of: Any, optional: bool = False) -> Optional[bytes]:
    """``as_of`` as the NUL-terminated ASCII a C function takes.

    Raises:
        InvalidArgumentError: ``as_of`` is not text, not ASCII, or holds a NUL
            (C would read only the text before it); ``field`` is ``as_of``.
    """
    if as_of is None and optional:
        return None
    if not isinstance(as_of, str):
        raise InvalidArgumentError(
            3, f"as_of: not a date of the form YYYY-MM-DD (a {type(as_of).__name__})", "as_of")
    if "\0" in as_of or not as_of.isascii():
        raise InvalidArgumentError(
            3, "as_of: not a date of the form YYYY-MM-DD", "as_of")
    return as_of.encode("ascii") if as_of or not optional else None


def validate_roster(roster: bytes, format: Format, as_of: Optional[str] = None) -> dict:
    """Validates a roster (``cadre_roster_validate``): every error with its field path.

    Args:
        roster: a ``cadre.v1.Roster`` as protobuf binary or JSON bytes, or the
            stream form.
        format: the form of ``roster``.
        as_of: reference date for "not after the as-of date" checks, or None.

    Returns:
        The ``cadre.v1.ValidateResponse`` as a dict: ``records``,
        ``records_rejected`` and ``errors`` (each with ``field_path`` and ``message``).

    Raises:
        InvalidArgumentError: the bytes are not a roster in that form, or
            ``as_of`` is not a date.
    """
    data = bytes(roster)
    out = _LIB.call_buffer("cadre_roster_validate", data or None, len(data), int(format),
                           int(Format.JSON), _as_of_arg(as_of, optional=True))
    return json.loads(out.decode("utf-8"))


def convert_roster(roster: bytes, in_format: Format, out_format: Format) -> bytes:
    """Converts a roster between binary, JSON and the stream form (``cadre_roster_convert``).

    Raises:
        InvalidArgumentError: the bytes do not parse; ``field`` names the record.
    """
    data = bytes(roster)
    return _LIB.call_buffer("cadre_roster_convert", data or None, len(data), int(in_format),
                            int(out_format))


def label(enum_name: str, number: int, language: str = "zh-CN") -> str:
    """The label of a value of a schema enum (``cadre_label``).

    The labels are the ``(zh_cn)`` and ``(en)`` options of
    ``proto/cadre/v1/enums.proto``, compiled into the library, e.g.
    ``cadre.label("cadre.v1.Channel", 3)`` is ``"问责追究调整"``.

    Args:
        enum_name: the enum's full proto name (``"cadre.v1.Channel"``) or its
            name within ``cadre.v1`` (``"Channel"``).
        number: the number of the value, as on the wire.
        language: ``"zh-CN"`` or ``"en"``.

    Returns:
        The label; ``""`` when the enum or the value is unknown to the library.

    Raises:
        ValueError: ``language`` is not ``"zh-CN"`` or ``"en"``.
        TypeError: ``enum_name`` is not a ``str`` or ``number`` not an ``int``.
    """
    if not isinstance(enum_name, str):
        raise TypeError(f"cadre: enum_name must be a str, not {type(enum_name).__name__}")
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"cadre: number must be an int, not {type(number).__name__}")
    if language not in _LABEL_LANGUAGES:
        raise ValueError(f"cadre: language must be \"zh-CN\" or \"en\", not {language!r}")
    if not -2**31 <= number < 2**31 or "\0" in enum_name:
        return ""
    text = _LIB.cadre_label(enum_name.encode("utf-8"), number, language.encode("ascii"))
    return (text or b"").decode("utf-8")


def library_path() -> str:
    """The file (or soname) the library was loaded from."""
    return _LIB.path


def descriptor_set() -> bytes:
    """The library's protobuf schema: a serialized ``google.protobuf.FileDescriptorSet``.

    Raises:
        CadreError: the library could not produce it.
    """
    return _LIB.call_buffer("cadre_descriptor_set")


# --------------------------------------------------------------------------
# Typed messages (need google.protobuf)

_schema_lock = threading.Lock()
_schema: Optional[_messages.Schema] = None


def _get_schema() -> _messages.Schema:
    global _schema
    if _schema is None:
        _messages.require_protobuf("typed messages")
        with _schema_lock:
            if _schema is None:
                _schema = _messages.Schema(descriptor_set())
    return _schema


def protobuf_available() -> bool:
    """True if ``google.protobuf`` can be imported, so typed messages work."""
    return _messages.protobuf() is not None


def messages() -> Mapping[str, type]:
    """Every message class of the library's schema, by full name.

    The classes live in a private descriptor pool built from
    :func:`descriptor_set`, e.g. ``messages()["cadre.v1.ScreenRequest"]``.

    Raises:
        ProtobufRequiredError: ``google.protobuf`` cannot be imported.
    """
    return _get_schema().classes


def message_class(name: str) -> type:
    """One message class, by full name (``"cadre.v1.ScreenRequest"``) or short
    name within ``cadre.v1`` (``"ScreenRequest"``).

    Raises:
        ProtobufRequiredError: ``google.protobuf`` cannot be imported.
        KeyError: the schema has no such message.
    """
    return _get_schema().message_class(name)


# --------------------------------------------------------------------------
# Requests and responses


def _json_default(value: Any) -> Any:
    # datetime.date (not datetime) becomes its ISO 8601 date, as the schema wants.
    if type(value) is datetime.date:
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _encode(request: Any, type_name: str) -> tuple[bytes, Format]:
    """Serializes a request and picks its format."""
    if isinstance(request, _typed.Message):
        if request._proto_ != type_name:
            raise TypeError(f"cadre: expected a {type_name}, got a {request._proto_}")
        return request.to_json(separators=(",", ":")).encode("utf-8"), Format.JSON
    if isinstance(request, Mapping):
        text = json.dumps(dict(request), ensure_ascii=False, separators=(",", ":"),
                          default=_json_default)
        return text.encode("utf-8"), Format.JSON
    if isinstance(request, str):
        return request.encode("utf-8"), Format.JSON
    if isinstance(request, (bytes, bytearray, memoryview)):
        return bytes(request), Format.BINARY
    if _messages.is_message(request):
        got = request.DESCRIPTOR.full_name
        if got != type_name:
            raise TypeError(f"cadre: expected a {type_name} message, got {got}")
        return request.SerializeToString(), Format.BINARY
    raise TypeError(
        f"cadre: a {type_name} must be given as a cadre.types message, a dict, JSON text "
        f"(str), protobuf binary (bytes) or a protobuf message, not {type(request).__name__}")


def _typed_class(type_name: str) -> Any:
    """The dataclass of :mod:`cadre.types` for a full message name."""
    return getattr(types, type_name.rsplit(".", 1)[-1])


def _decode(data: bytes, fmt: Format, type_name: str, as_message: bool = False,
            as_dict: bool = False) -> Any:
    """Turns a response into a typed dataclass (the default), a dict
    (``as_dict``) or a protobuf message (``as_message``)."""
    if as_message:
        schema = _get_schema()
        if fmt == Format.BINARY:
            return schema.message_class(type_name).FromString(data)
        return schema.from_json(type_name, data)
    if fmt == Format.JSON:
        value = json.loads(data) if data else {}
    else:
        schema = _get_schema()
        value = schema.to_dict(schema.message_class(type_name).FromString(data))
    return value if as_dict else _typed_class(type_name).from_dict(value)


def _run_operation(invoke: Any, op: OperationSpec, request: Request, as_message: bool = False,
                   as_dict: bool = False) -> Any:
    """Runs one operation: encodes the request, calls ``invoke(symbol, data,
    format)`` (the C function of the operation, of an engine or a store) and
    decodes the response. Shared by :class:`Engine` and :class:`Store`."""
    data, fmt = _encode(request, op.request_type)
    # Fail before the call when the response could not be decoded.
    if as_message:
        _messages.require_protobuf("as_message=True")
    elif fmt == Format.BINARY:
        _messages.require_protobuf("a protobuf binary (bytes) request")
    return _decode(invoke(op.symbol, data, fmt), fmt, op.response_type, as_message, as_dict)


def _free_engine(lib: _ffi.Library, handle: _ffi.EngineHandle) -> None:
    lib.cadre_engine_free(handle)


def operations() -> list[dict]:
    """Every operation of the loaded library (``cadre_operations``).

    Each is a ``cadre.v1.Operation`` as a dict: ``name``, ``c_symbol``,
    ``cli_command``, ``request_type``, ``response_type``, ``brief``,
    ``details``, ``statuses`` (each with ``code``, ``name`` and ``when``),
    ``example_request`` and ``needs_store`` (true for the operations on a case
    store). :class:`Engine` has one method per operation that needs no store,
    named like it, and :class:`Store` one per operation on a store.
    """
    out = _LIB.call_buffer("cadre_operations", int(Format.JSON))
    return json.loads(out.decode("utf-8")).get("operations", [])


class Engine(Operations):
    """A rules engine (``cadre_engine``).

    Every operation of the library that needs no case store is a method of
    the same name (:meth:`screen`, :meth:`eligibility`, :meth:`grade_cap`...),
    and :meth:`call` runs one by name. The operations on a case store are
    methods of :class:`Store`, which runs them with an engine.

    The engine is immutable and thread-safe: one instance may be shared by
    any number of threads, whose calls run in parallel (ctypes releases the
    GIL). :meth:`close` waits for calls in flight before freeing the engine.

    Use it as a context manager, or call :meth:`close`; an engine that is
    neither closed nor used any more is freed when it is garbage-collected.

    Args:
        options: ``cadre.v1.EngineOptions`` as a dict, JSON text, protobuf
            binary or message; None for the defaults, e.g.
            ``{"language": "en"}``.

    Raises:
        InvalidArgumentError: the options do not parse; ``field`` names the field.
        ResourceExhaustedError: out of memory.
    """

    def __init__(self, options: Optional[Request] = None) -> None:
        self._lib = _LIB  # keeps the library loaded as long as the engine lives
        self._cond = threading.Condition()
        self._busy = 0  # C calls in flight (never held across a generator's yield)
        self._closed = False
        self._streams: "weakref.WeakSet[ScreenStream]" = weakref.WeakSet()
        handle = _ffi.EngineHandle()
        if options is None:
            data, fmt = b"", Format.BINARY
        else:
            data, fmt = _encode(options, "cadre.v1.EngineOptions")
        self._lib.call("cadre_engine_new", ctypes.byref(handle), data or None,
                       len(data), int(fmt))
        self._handle = handle
        self._finalizer = weakref.finalize(self, _free_engine, self._lib, handle)

    # Lifetime

    def close(self) -> None:
        """Frees the engine, after closing its open streams and waiting for
        calls in flight. Idempotent.

        A stream of :meth:`screen_stream` that is still open is closed first:
        iterating it further raises ValueError. close() waits only for C calls
        running in other threads, never for a suspended iteration, so it
        cannot block on the caller's own stream.
        """
        with self._cond:
            if self._closed:
                return
            self._closed = True
            streams = list(self._streams)
        for stream in streams:
            stream.close()
        with self._cond:
            while self._busy:
                self._cond.wait()
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<cadre.Engine {'closed' if self._closed else 'open'}>"

    @contextlib.contextmanager
    def _use(self) -> Iterator[_ffi.EngineHandle]:
        with self._cond:
            if self._closed:
                raise ValueError("cadre: the engine is closed")
            self._busy += 1
        try:
            yield self._handle
        finally:
            with self._cond:
                self._busy -= 1
                if not self._busy:
                    self._cond.notify_all()

    def _invoke(self, symbol: str, data: bytes, fmt: Format) -> bytes:
        with self._use() as handle:
            return self._lib.call_buffer(symbol, handle, data or None, len(data), int(fmt))

    def _run(self, op: OperationSpec, request: Request, as_message: bool = False,
             as_dict: bool = False) -> Any:
        return _run_operation(self._invoke, op, request, as_message, as_dict)

    def call(self, operation: str, request: Request, *, as_dict: bool = False,
             as_message: bool = False) -> Any:
        """Runs an operation by name, e.g. ``engine.call("screen", request)``.

        The same as the method of that name (``cadre_call``): a typed
        response of :mod:`cadre.types`, or a dict with ``as_dict=True``, or a
        protobuf message with ``as_message=True``.

        Raises:
            NotFoundError: the library has no operation of that name.
            FailedPreconditionError: the operation runs on a case store (field
                ``store``): call it on a :class:`Store`.
        """
        op = _OPERATIONS_BY_NAME.get(operation)
        if op is None or op.needs_store:
            # The library says it: NOT_FOUND, field "operation", or
            # FAILED_PRECONDITION, field "store".
            data, fmt = _encode(request, op.request_type) if op else (b"", Format.JSON)
            with self._use() as handle:
                self._lib.call_buffer("cadre_call", handle, operation.encode("utf-8"),
                                      data or None, len(data), int(fmt))
            raise AssertionError(f"cadre_call ran {operation!r} without a store")
        return self._run(op, request, as_message, as_dict)

    # Entry points: one method per operation, from cadre._operations.Operations.

    def screen_stream(self, source: Union[bytes, bytearray, memoryview, Iterable[bytes], Any],
                      as_of: str, *, as_dict: bool = False, threads: int = 1) -> "ScreenStream":
        """Screens a roster in the stream form, finding by finding (``cadre_stream_*``).

        Memory stays bounded by the largest record, whatever the roster's
        size. Needs no protobuf: responses cross as JSON.

        Example::

            with open("province.cadres", "rb") as f, engine.screen_stream(f, "2025-06-30") as s:
                for finding in s:
                    print(finding.cadre_id, finding.rule_id, finding.explanation.en)
                print(s.summary.cadres_down, len(s.errors))

        Args:
            source: the bytes of a ``.cadres`` stream (magic ``CADRES1\\n``,
                then varint-length ``cadre.v1.RosterRecord``): a binary file
                (read in chunks of 1 MiB), an iterable of chunks of any size,
                or the bytes themselves.
            as_of: the as-of date, ``"YYYY-MM-DD"``.
            as_dict: yield dicts (the shape of protobuf JSON) instead of
                :class:`cadre.types.Finding` objects.
            threads: screen each chunk's records on this many threads (1 to
                64, ``cadre_stream_set_threads``); the findings, errors and
                summary are the same, in the same order, as on one thread.

        Returns:
            A :class:`ScreenStream`: iterating it yields every finding in
            order; its ``errors`` list the rejected records so far and, at the
            end, its ``summary`` is the summary of the whole stream.

        Raises:
            InvalidArgumentError: ``as_of`` is not a date, ``threads`` is
                not from 1 to 64, or (while iterating) the stream is
                malformed; ``field`` names the record (``records[12]``),
                ``magic``, ``as_of`` or ``threads``.
            ResourceExhaustedError: out of memory or a record over 64 MiB.
            ValueError: the engine is closed.
        """
        return ScreenStream(self, source, as_of, as_dict, threads)

    def screen_raw(self, request: Union[bytes, str], format: Format = Format.BINARY) -> bytes:
        """Screens serialized bytes and returns serialized bytes, in ``format``.

        Needs no protobuf: for hosts that already hold serialized requests.

        Args:
            request: a serialized ``cadre.v1.ScreenRequest`` (text is encoded as UTF-8).
            format: the format of the request and of the response.

        Returns:
            The serialized ``cadre.v1.ScreenResponse``.
        """
        data = request.encode("utf-8") if isinstance(request, str) else bytes(request)
        return self._invoke(_OPERATIONS_BY_NAME["screen"].symbol, data, Format(format))


def _free_store(lib: _ffi.Library, handle: _ffi.StoreHandle) -> None:
    lib.cadre_store_close(handle)


#: ``durability`` of :class:`Store`: the values of ``cadre.v1.StoreOptions.Durability``.
_DURABILITY = {"full": "DURABILITY_FULL", "process": "DURABILITY_PROCESS"}


def _json_value(value: Any, type_name: str) -> Any:
    """A message given as a typed message, a dict or JSON text, as the value
    of a field of a JSON request."""
    if isinstance(value, _typed.Message):
        if value._proto_ != type_name:
            raise TypeError(f"cadre: expected a {type_name}, got a {value._proto_}")
        return value.to_dict()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, str):
        return json.loads(value)
    raise TypeError(f"cadre: a {type_name} must be given as a cadre.types message, a dict or "
                    f"JSON text (str), not {type(value).__name__}")


class Store(StoreOperations):
    """A case store (``cadre_store``): procedure cases kept as chained events
    in one SQLite file.

    Every operation on a case store is a method of the same name
    (:meth:`case_open`, :meth:`case_record`, :meth:`case_show`,
    :meth:`case_due`, :meth:`case_verify`, :meth:`case_export`,
    :meth:`case_import`), run with the store's engine (its procedure
    definitions and calendar decide); :meth:`call` runs one by name;
    :meth:`case` and :meth:`open_case` give a :class:`Case`.

    The file may be shared: several :class:`Store` objects, of this process
    or of others, see each other's appends, and a step appended to a case
    another writer moved on is refused with :class:`AbortedError`. One object
    runs one call at a time (calls of several threads wait for each other).

    Use it as a context manager, or call :meth:`close`; a store neither
    closed nor used any more is closed when it is garbage-collected. What was
    appended stays in the file.

    Args:
        path: the database file (created when missing, unless ``must_exist``);
            the files ``path-wal`` and ``path-shm`` appear beside it.
        engine: the engine the operations run with, borrowed (closing the
            store leaves it open); None: a new default :class:`Engine`, closed
            with the store.
        durability: ``"full"`` (the default: an append is synced to the disk
            before it returns, and survives a power cut) or ``"process"``
            (survives a crash of the process, not a power cut; faster).
        must_exist: refuse a missing file (:class:`NotFoundError`) instead of
            creating an empty store.
        busy_timeout_ms: how long a write waits for another's, in
            milliseconds; 0: 10000.

    Raises:
        InvalidArgumentError: ``path`` holds a NUL (``field`` is ``path``) or
            an option is out of range (``field`` names it).
        NotFoundError: the file is missing and ``must_exist`` is true.
        FailedPreconditionError: the file is not a cadre case store (left
            untouched), or its schema is newer than this library.
        UnavailableError: the file cannot be opened, read or locked in time.
        DataLossError: the file is corrupt.
        ValueError: ``durability`` is not ``"full"`` or ``"process"``, or
            ``engine`` is closed.
        TypeError: ``path`` is not a path or ``engine`` not an :class:`Engine`.
    """

    def __init__(self, path: Union[str, "os.PathLike[str]"], engine: Optional[Engine] = None, *,
                 durability: str = "full", must_exist: bool = False,
                 busy_timeout_ms: int = 0) -> None:
        if durability not in _DURABILITY:
            raise ValueError(
                f"cadre: durability must be \"full\" or \"process\", not {durability!r}")
        if engine is not None and not isinstance(engine, Engine):
            raise TypeError(f"cadre: engine must be a cadre.Engine, not {type(engine).__name__}")
        if engine is not None and engine.closed:
            raise ValueError("cadre: the engine is closed")
        self.path = os.fspath(path)
        encoded = os.fsencode(self.path)
        if b"\0" in encoded:
            raise InvalidArgumentError(3, "path: holds a NUL character", "path")
        options: dict[str, Any] = {"durability": _DURABILITY[durability],
                                   "must_exist": bool(must_exist)}
        if busy_timeout_ms:
            options["busy_timeout_ms"] = busy_timeout_ms
        data = json.dumps(options).encode("utf-8")
        self._lib = _LIB  # keeps the library loaded as long as the store lives
        self._lock = threading.Lock()  # one C call at a time on the store
        self._closed = False
        handle = _ffi.StoreHandle()
        self._lib.call("cadre_store_open", ctypes.byref(handle), encoded, data, len(data),
                       int(Format.JSON))
        self._handle = handle
        self._finalizer = weakref.finalize(self, _free_store, self._lib, handle)
        self._owns_engine = engine is None
        try:
            self._engine = Engine() if engine is None else engine
        except BaseException:
            self._finalizer()
            raise

    # Lifetime

    def close(self) -> None:
        """Closes the store, after the call in flight (if any); then the
        engine, when the store made it. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._finalizer()
        if self._owns_engine:
            self._engine.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    @property
    def engine(self) -> Engine:
        """The engine the operations run with."""
        return self._engine

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<cadre.Store {self.path!r} {'closed' if self._closed else 'open'}>"

    @contextlib.contextmanager
    def _use(self) -> Iterator[tuple[_ffi.EngineHandle, _ffi.StoreHandle]]:
        with self._lock:
            if self._closed:
                raise ValueError("cadre: the store is closed")
            with self._engine._use() as engine_handle:
                yield engine_handle, self._handle

    def _invoke(self, symbol: str, data: bytes, fmt: Format) -> bytes:
        with self._use() as (engine_handle, store_handle):
            return self._lib.call_buffer(symbol, engine_handle, store_handle, data or None,
                                         len(data), int(fmt))

    def _run(self, op: OperationSpec, request: Request, as_message: bool = False,
             as_dict: bool = False) -> Any:
        return _run_operation(self._invoke, op, request, as_message, as_dict)

    def call(self, operation: str, request: Request, *, as_dict: bool = False,
             as_message: bool = False) -> Any:
        """Runs an operation by name, e.g. ``store.call("case_due", request)``
        (``cadre_store_call``); an operation that needs no store runs on the
        store's engine, as :meth:`Engine.call`.

        Raises:
            NotFoundError: the library has no operation of that name.
            ValueError: the store or its engine is closed.
        """
        op = _OPERATIONS_BY_NAME.get(operation)
        if op is None:
            # The library says it: NOT_FOUND, field "operation".
            with self._use() as (engine_handle, store_handle):
                self._lib.call_buffer("cadre_store_call", engine_handle, store_handle,
                                      operation.encode("utf-8"), None, 0, int(Format.JSON))
            raise AssertionError("cadre_store_call accepted an operation the binding does not know")
        if not op.needs_store:
            if self._closed:
                raise ValueError("cadre: the store is closed")
            return self._engine._run(op, request, as_message, as_dict)
        return self._run(op, request, as_message, as_dict)

    # Cases

    def case(self, case_id: str) -> "Case":
        """The case ``case_id`` of the store (not read until used)."""
        return Case(self, case_id)

    def open_case(self, case_id: str, cadre: Any, *, early_warning_id: Optional[str] = None,
                  rule_id: Optional[str] = None, as_of: Any = None, region: Optional[str] = None,
                  opened_on: Any = None, exemption_claim_id: Optional[str] = None) -> "Case":
        """Opens a case (:meth:`case_open`) and returns it.

        Args:
            case_id: the new case's id (unique in the store).
            cadre: the cadre's record: a :class:`cadre.types.Cadre`, a dict or
                JSON text.
            early_warning_id: the id of the cadre's 诫勉 record whose
                follow-up the case runs; or
            rule_id: the rule whose finding as of ``as_of`` opens the case; or
            exemption_claim_id: the id of the cadre's pending 容错 claim that
                a 容错认定 case decides (its answer's ``exemption`` then
                carries the decision for the exemption module).
            as_of: the day the cadre is screened as of (with ``rule_id``).
            region: administrative division code whose definitions apply;
                None: ``"CN"``.
            opened_on: the day the case is opened; None: the finding's, the
                诫勉's or the claim's day.

        Raises:
            The errors of :meth:`case_open`.
        """
        request: dict[str, Any] = {"case_id": case_id, "cadre": _json_value(cadre, "cadre.v1.Cadre")}
        for key, value in (("early_warning_id", early_warning_id), ("rule_id", rule_id),
                           ("exemption_claim_id", exemption_claim_id), ("as_of", as_of),
                           ("region", region), ("opened_on", opened_on)):
            if value is not None:
                request[key] = value
        self.case_open(request)
        return Case(self, case_id)


class Case:
    """One procedure case of a :class:`Store`: made by :meth:`Store.case` or
    :meth:`Store.open_case`.

    It holds only the store and the case's id: every property and method reads
    the store again, so it sees what other writers appended.

    Example::

        case = store.case("jm-c9002")
        answer = case.record({"stage": "self_examination", ...})
        if not answer.accepted:
            print(answer.rejection.reason, answer.rejection.message.en)
        for logged in case.events():
            print(logged.seq, logged.event.stage, logged.link)
    """

    def __init__(self, store: Store, case_id: str) -> None:
        if not isinstance(case_id, str):
            raise TypeError(f"cadre: case_id must be a str, not {type(case_id).__name__}")
        self._store = store
        self._id = case_id

    @property
    def id(self) -> str:
        """The case's id."""
        return self._id

    @property
    def store(self) -> Store:
        """The store the case is kept in."""
        return self._store

    def record(self, event: Any, *, expected_head: Optional[str] = None) -> Any:
        """Records one step (:meth:`Store.case_record`).

        A refusal is an answer, not an exception: the response has
        ``accepted`` false and the ``rejection`` (reason, field of the event,
        message and the rule broken), and nothing is logged.

        Args:
            event: the step, a :class:`cadre.types.CaseEvent`, a dict or JSON text.
            expected_head: the head the caller last saw; None: the current head.

        Returns:
            The :class:`cadre.types.CaseRecordResponse`.

        Raises:
            AbortedError: the head is not ``expected_head``, or moved meanwhile.
            The other errors of :meth:`Store.case_record`.
        """
        request: dict[str, Any] = {"case_id": self._id,
                                   "event": _json_value(event, "cadre.v1.CaseEvent")}
        if expected_head:
            request["expected_head"] = expected_head
        return self._store.case_record(request)

    def show(self, as_of: Any = None, *, with_events: bool = False) -> Any:
        """The case as of a day (:meth:`Store.case_show`): a
        :class:`cadre.types.CaseView`.

        Args:
            as_of: the day asked about (what is due and overdue), a
                ``"YYYY-MM-DD"`` or a :class:`datetime.date`; None: the last
                event's day.
            with_events: list the events in the view's ``log``.
        """
        request: dict[str, Any] = {"case_id": self._id, "with_events": with_events}
        if as_of is not None:
            request["as_of"] = as_of
        return self._store.case_show(request).case

    @property
    def view(self) -> Any:
        """The case as of its last event: :meth:`show` ``()``."""
        return self.show()

    @property
    def head(self) -> str:
        """The link of the last event, 64 hex digits."""
        return str(self.show().head)

    def events(self) -> Iterator[Any]:
        """The events logged, in order: each a :class:`cadre.types.CaseLoggedEvent`
        (``seq`` from 1, ``prev``, ``link`` and the ``event``). Read when called."""
        return iter(list(self.show(with_events=True).log))

    def verify(self) -> Any:
        """Verifies the case's chain and replays it (:meth:`Store.case_verify`): a
        :class:`cadre.types.CaseVerification` (``ok``, ``first_bad``...)."""
        return self._store.case_verify({"case_id": self._id}).cases[0]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Case):
            return NotImplemented
        return self._store is other._store and self._id == other._id

    def __hash__(self) -> int:
        return hash((id(self._store), self._id))

    def __repr__(self) -> str:
        return f"<cadre.Case {self._id!r} of {self._store.path!r}>"


def _free_stream(lib: _ffi.Library, handle: _ffi.StreamHandle) -> None:
    lib.cadre_stream_free(handle)


#: How much of a binary file a stream reads at a time.
_STREAM_CHUNK = 1 << 20


class ScreenStream(Iterator[Any]):
    """A streamed screening in progress (``cadre_stream``): made by
    :meth:`Engine.screen_stream`.

    Iterating yields each finding (:class:`cadre.types.Finding`, or a dict),
    in order, as the chunks of the source are screened. Rejected records (a
    record that does not parse, a duplicate id) do not stop it: they are
    collected in :attr:`errors`. Broken framing ends it: the findings of the
    records before the break are yielded, then the error is raised. When the iteration
    ends, :attr:`summary` holds the summary of the whole stream.

    Use it in a ``with`` block or call :meth:`close` to free it early; it is
    closed at the end of the iteration, on an error, and when its engine is
    closed.

    Attributes:
        as_of: the as-of date.
        errors: every rejected record so far (:class:`cadre.types.RecordError`,
            or dicts), with its index among the cadres and its field path.
        summary: the summary of the whole stream (:class:`cadre.types.ScreenSummary`,
            or a dict) once the iteration has ended; None before.
    """

    def __init__(self, engine: Engine, source: Any, as_of: str, as_dict: bool = False,
                 threads: int = 1) -> None:
        as_of_arg = _as_of_arg(as_of)
        if isinstance(threads, bool) or not isinstance(threads, int):
            raise InvalidArgumentError(3, "threads: not a whole number", "threads")
        self.as_of = as_of
        self.errors: list[Any] = []
        self.summary: Any = None
        self._as_dict = as_dict
        self._pending: "collections.deque[Any]" = collections.deque()
        self._engine = engine
        self._lib = engine._lib
        self._lock = threading.Lock()
        self._chunks = self._chunks_of(source)
        self._done = False
        self._failure: Optional[BaseException] = None
        handle = _ffi.StreamHandle()
        with engine._use() as engine_handle:
            self._lib.call("cadre_stream_new", ctypes.byref(handle), engine_handle, as_of_arg,
                           int(Format.JSON))
            try:
                self._lib.call("cadre_stream_set_threads", handle, threads)
            except BaseException:
                self._lib.cadre_stream_free(handle)
                raise
            # Registered under the engine's lock: Engine.close() sees it.
            engine._streams.add(self)
        self._handle = handle
        self._finalizer = weakref.finalize(self, _free_stream, self._lib, handle)

    @staticmethod
    def _chunks_of(source: Any) -> Iterator[bytes]:
        if isinstance(source, (bytes, bytearray, memoryview)):
            return iter([bytes(source)])
        read = getattr(source, "read", None)
        if callable(read):
            return iter(lambda: read(_STREAM_CHUNK), b"")
        return iter(source)

    def _item(self, value: dict, cls: Any) -> Any:
        return value if self._as_dict else cls.from_dict(value)

    def _take(self, response: dict) -> None:
        self._pending.extend(self._item(f, types.Finding) for f in response.get("findings", []))
        self.errors.extend(self._item(e, types.RecordError) for e in response.get("errors", []))

    def __iter__(self) -> "ScreenStream":
        return self

    def __next__(self) -> Any:
        while not self._pending:
            if self._failure is not None:
                # The stream broke: raised once the findings before the break are yielded.
                failure, self._failure = self._failure, None
                raise failure
            if self.summary is not None:
                raise StopIteration
            if self._done:
                # Closed (or failed) before its end: never a silent, short answer.
                raise ValueError("cadre: the stream is closed before its end")
            with self._lock:
                if not self._finalizer.alive:
                    raise ValueError("cadre: the stream is closed")
                try:
                    chunk = next(self._chunks, None)
                    if chunk is None:
                        out = self._lib.call_buffer("cadre_stream_finish", self._handle)
                        end = json.loads(out.decode("utf-8"))
                        summary = end.get("summary", {})
                        self.summary = (summary if self._as_dict
                                        else types.ScreenSummary.from_dict(summary))
                        self._done = True
                    else:
                        data = bytes(chunk)
                        out, failure = self._lib.call_buffer_partial(
                            "cadre_stream_push", self._handle, data or None, len(data))
                        if out:
                            self._take(json.loads(out.decode("utf-8")))
                        if failure is not None:
                            self._failure = failure
                            self._done = True
                            self._finalizer()
                            self._engine._streams.discard(self)
                except BaseException:
                    self._done = True
                    self._finalizer()
                    self._engine._streams.discard(self)
                    raise
            if self._done and self._failure is None:
                self.close()
        return self._pending.popleft()

    def close(self) -> None:
        """Frees the stream; the findings not yet yielded are dropped. Idempotent."""
        with self._lock:
            self._done = True
            self._failure = None
            self._pending.clear()
            self._finalizer()
        self._engine._streams.discard(self)

    @property
    def closed(self) -> bool:
        """True once the stream is freed (closed, ended or failed)."""
        return not self._finalizer.alive

    def __enter__(self) -> "ScreenStream":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<cadre.ScreenStream as of {self.as_of} {'closed' if self.closed else 'open'}>"
