"""The ctypes layer: finding and loading libcadre, and its C ABI in one table.

Everything here mirrors ``include/cadre/cadre.h`` one to one. :data:`FUNCTIONS`
declares every C symbol the binding uses, with its argument and result types;
the C prototype is written above each entry so the table can be reviewed
against the header. The functions of the operations (``cadre_screen``,
``cadre_eligibility``...) all have one shape (those of the operations on a
case store, ``cadre_case_open``..., another) and come from the operation table
(:mod:`cadre._operations`, generated from the library's table): adding an
operation to the library adds its row here.

Rules this module follows (see ``shared/design/style-anchors.md`` section 3):

- Every symbol gets ``argtypes`` and ``restype``; pointer results are never
  left to the default ``int``.
- Memory the library allocates comes back in a :class:`Buffer` and is copied
  with :func:`ctypes.string_at` before ``cadre_buffer_dispose`` releases it;
  ``c_char_p`` is used only for static strings and for strings owned by an
  error object that is freed after they are copied.
- Handles are distinct ``c_void_p`` subclasses, so an engine cannot be passed
  where an error is expected.
- The library is loaded with ``RTLD_LOCAL``; ``os.environ`` and ``PATH`` are
  never modified.

Standard library only.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path
from typing import Any, Iterator, Mapping, NamedTuple, Optional, Sequence

from . import errors
from ._operations import OPERATIONS

#: The ABI version (``cadre_abi_version()``, the SOVERSION of libcadre) this
#: binding is written for.
EXPECTED_ABI_VERSION = 1

#: Environment variable naming the library file to load. When it is set, it
#: is the only candidate: a wrong path fails instead of silently loading
#: another copy of the library.
LIBRARY_ENV = "CADRE_LIBRARY"

#: The folder of the package; bundled libraries live in its ``_lib``.
PACKAGE_DIR = Path(__file__).resolve().parent

#: ``cadre_format``.
FORMAT_BINARY = 0
FORMAT_JSON = 1


class ErrorHandle(ctypes.c_void_p):
    """``cadre_error*``: error details, owned by the caller once returned."""


class EngineHandle(ctypes.c_void_p):
    """``cadre_engine*``: an immutable, thread-safe rules engine."""


class StreamHandle(ctypes.c_void_p):
    """``cadre_stream*``: a streamed screening, used by one thread at a time."""


class StoreHandle(ctypes.c_void_p):
    """``cadre_store*``: an open case store, used by one thread at a time."""


class Buffer(ctypes.Structure):
    """``cadre_buffer``: bytes owned by the library until disposed."""

    _fields_ = [
        ("data", ctypes.c_void_p),  # uint8_t*; c_void_p keeps the address
        ("size", ctypes.c_size_t),
    ]


# `const uint8_t*` inputs, borrowed for the call: c_char_p accepts bytes (the
# buffer is passed as is, embedded NULs included; the size goes separately)
# and None for NULL. Never used for memory the library hands back.
_InBytes = ctypes.c_char_p
_ErrOut = ctypes.POINTER(ErrorHandle)
_BufOut = ctypes.POINTER(Buffer)


class CFunction(NamedTuple):
    """One row of the ABI table."""

    name: str
    argtypes: Sequence[Any]
    restype: Any


#: The shape of every operation's function:
#: int cadre_<name>(cadre_buffer *out, const cadre_engine *engine,
#:                  const uint8_t *request, size_t request_size,
#:                  int format, cadre_error **err);
OPERATION_ARGTYPES = (_BufOut, EngineHandle, _InBytes, ctypes.c_size_t, ctypes.c_int, _ErrOut)

#: The shape of the function of an operation on a case store (``needs_store``):
#: int cadre_<name>(cadre_buffer *out, const cadre_engine *engine,
#:                  cadre_store *store, const uint8_t *request,
#:                  size_t request_size, int format, cadre_error **err);
STORE_OPERATION_ARGTYPES = (_BufOut, EngineHandle, StoreHandle, _InBytes, ctypes.c_size_t,
                            ctypes.c_int, _ErrOut)

#: The C symbols other than the operations'. Status-returning functions have
#: ``c_int`` results and ``cadre_error**`` as their last parameter.
BASE_FUNCTIONS: Sequence[CFunction] = (
    # int cadre_version_number(void);
    CFunction("cadre_version_number", (), ctypes.c_int),
    # const char *cadre_version_string(void);            static
    CFunction("cadre_version_string", (), ctypes.c_char_p),
    # int cadre_abi_version(void);
    CFunction("cadre_abi_version", (), ctypes.c_int),
    # const char *cadre_status_name(int code);           static
    CFunction("cadre_status_name", (ctypes.c_int,), ctypes.c_char_p),
    # int cadre_error_code(const cadre_error *err);
    CFunction("cadre_error_code", (ErrorHandle,), ctypes.c_int),
    # const char *cadre_error_message(const cadre_error *err);   owned by err
    CFunction("cadre_error_message", (ErrorHandle,), ctypes.c_char_p),
    # const char *cadre_error_field(const cadre_error *err);     owned by err
    CFunction("cadre_error_field", (ErrorHandle,), ctypes.c_char_p),
    # void cadre_error_free(cadre_error *err);
    CFunction("cadre_error_free", (ErrorHandle,), None),
    # void cadre_buffer_dispose(cadre_buffer *buf);
    CFunction("cadre_buffer_dispose", (_BufOut,), None),
    # int cadre_descriptor_set(cadre_buffer *out, cadre_error **err);
    CFunction("cadre_descriptor_set", (_BufOut, _ErrOut), ctypes.c_int),
    # int cadre_engine_new(cadre_engine **out, const uint8_t *options,
    #                      size_t options_size, int format, cadre_error **err);
    CFunction("cadre_engine_new",
              (ctypes.POINTER(EngineHandle), _InBytes, ctypes.c_size_t,
               ctypes.c_int, _ErrOut),
              ctypes.c_int),
    # void cadre_engine_free(cadre_engine *engine);
    CFunction("cadre_engine_free", (EngineHandle,), None),
    # const char *cadre_label(const char *enum_name, int number,
    #                         const char *language);       static
    CFunction("cadre_label", (ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p),
              ctypes.c_char_p),
    # int cadre_roster_validate(cadre_buffer *out, const uint8_t *roster, size_t size,
    #                           int format, int response_format, const char *as_of,
    #                           cadre_error **err);
    CFunction("cadre_roster_validate",
              (_BufOut, _InBytes, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
               ctypes.c_char_p, _ErrOut),
              ctypes.c_int),
    # int cadre_roster_convert(cadre_buffer *out, const uint8_t *roster, size_t size,
    #                          int in_format, int out_format, cadre_error **err);
    CFunction("cadre_roster_convert",
              (_BufOut, _InBytes, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, _ErrOut),
              ctypes.c_int),
    # int cadre_stream_new(cadre_stream **out, const cadre_engine *engine,
    #                      const char *as_of, int format, cadre_error **err);
    CFunction("cadre_stream_new",
              (ctypes.POINTER(StreamHandle), EngineHandle, ctypes.c_char_p,
               ctypes.c_int, _ErrOut),
              ctypes.c_int),
    # int cadre_stream_set_threads(cadre_stream *stream, int threads, cadre_error **err);
    CFunction("cadre_stream_set_threads", (StreamHandle, ctypes.c_int, _ErrOut), ctypes.c_int),
    # int cadre_stream_push(cadre_buffer *out, cadre_stream *stream,
    #                       const uint8_t *data, size_t size, cadre_error **err);
    CFunction("cadre_stream_push",
              (_BufOut, StreamHandle, _InBytes, ctypes.c_size_t, _ErrOut),
              ctypes.c_int),
    # int cadre_stream_finish(cadre_buffer *out, cadre_stream *stream,
    #                         cadre_error **err);
    CFunction("cadre_stream_finish", (_BufOut, StreamHandle, _ErrOut), ctypes.c_int),
    # void cadre_stream_free(cadre_stream *stream);
    CFunction("cadre_stream_free", (StreamHandle,), None),
    # int cadre_call(cadre_buffer *out, const cadre_engine *engine,
    #                const char *operation, const uint8_t *request,
    #                size_t request_size, int format, cadre_error **err);
    CFunction("cadre_call",
              (_BufOut, EngineHandle, ctypes.c_char_p, _InBytes, ctypes.c_size_t,
               ctypes.c_int, _ErrOut),
              ctypes.c_int),
    # int cadre_operations(cadre_buffer *out, int format, cadre_error **err);
    CFunction("cadre_operations", (_BufOut, ctypes.c_int, _ErrOut), ctypes.c_int),
    # int cadre_store_open(cadre_store **out, const char *path, const uint8_t *options,
    #                      size_t options_size, int format, cadre_error **err);
    CFunction("cadre_store_open",
              (ctypes.POINTER(StoreHandle), ctypes.c_char_p, _InBytes, ctypes.c_size_t,
               ctypes.c_int, _ErrOut),
              ctypes.c_int),
    # void cadre_store_close(cadre_store *store);
    CFunction("cadre_store_close", (StoreHandle,), None),
    # int cadre_store_call(cadre_buffer *out, const cadre_engine *engine, cadre_store *store,
    #                      const char *operation, const uint8_t *request,
    #                      size_t request_size, int format, cadre_error **err);
    CFunction("cadre_store_call",
              (_BufOut, EngineHandle, StoreHandle, ctypes.c_char_p, _InBytes, ctypes.c_size_t,
               ctypes.c_int, _ErrOut),
              ctypes.c_int),
)

#: Every C symbol of the binding: the base ones, then one per operation (an
#: operation on a case store takes the store after the engine).
FUNCTIONS: Sequence[CFunction] = tuple(BASE_FUNCTIONS) + tuple(
    CFunction(op.symbol, STORE_OPERATION_ARGTYPES if op.needs_store else OPERATION_ARGTYPES,
              ctypes.c_int)
    for op in OPERATIONS)

# Bound first, before the ABI check, so that check can report both numbers.
_VERSION_SYMBOLS = ("cadre_abi_version", "cadre_version_string")


def library_file_names(abi_version: int = EXPECTED_ABI_VERSION) -> list[str]:
    """File names of libcadre on this platform, the versioned name first."""
    if sys.platform == "win32":
        return ["cadre.dll", f"cadre-{abi_version}.dll"]
    if sys.platform == "darwin":
        return [f"libcadre.{abi_version}.dylib", "libcadre.dylib"]
    return [f"libcadre.so.{abi_version}", "libcadre.so"]


def candidates(env: Optional[Mapping[str, str]] = None,
               package_dir: Optional[Path] = None,
               abi_version: Optional[int] = None) -> Iterator[str]:
    """Yields the libraries to try, in order.

    1. ``$CADRE_LIBRARY`` when set and non-empty, and nothing else.
    2. ``<package>/_lib/``: the versioned file name, the plain one, then any
       other ``libcadre.so*`` there.
    3. The system: :func:`ctypes.util.find_library` ``("cadre")``, then the
       versioned soname (``libcadre.so.1``) for the dynamic loader's search.

    It is lazy: the system search (which may run ``ldconfig``) only happens
    when the earlier candidates failed.

    Args:
        env: the environment to read; :data:`os.environ` by default.
        package_dir: the package folder; this package's folder by default.
        abi_version: the ABI version whose file names are tried;
            :data:`EXPECTED_ABI_VERSION` by default.
    """
    if abi_version is None:
        abi_version = EXPECTED_ABI_VERSION
    env = os.environ if env is None else env
    override = env.get(LIBRARY_ENV, "")
    if override:
        yield override
        return

    seen: set[str] = set()
    lib_dir = (PACKAGE_DIR if package_dir is None else Path(package_dir)) / "_lib"
    names = library_file_names(abi_version)
    bundled = [str(lib_dir / name) for name in names]
    if lib_dir.is_dir():
        stem = names[-1]
        bundled += sorted(str(p) for p in lib_dir.glob(stem + "*"))
    for path in bundled:
        if path not in seen:
            seen.add(path)
            yield path

    found = ctypes.util.find_library("cadre")
    for name in (found, names[0]):
        if name and name not in seen:
            seen.add(name)
            yield name


def check_abi(library_abi: int, expected_abi: Optional[int] = None,
              path: str = "libcadre", library_version: str = "?") -> None:
    """Raises :class:`ImportError` unless the library's ABI is the expected one.

    Args:
        library_abi: what ``cadre_abi_version()`` returned.
        expected_abi: the ABI version the binding is written for;
            :data:`EXPECTED_ABI_VERSION` by default.
        path: the library file, for the message.
        library_version: the library's version string, for the message.
    """
    if expected_abi is None:
        expected_abi = EXPECTED_ABI_VERSION
    if library_abi != expected_abi:
        raise ImportError(
            f"{path} (cadre {library_version}) has ABI version {library_abi}, "
            f"but this Python binding needs ABI version {expected_abi}; "
            f"install a libcadre.so.{expected_abi} or a matching binding, or "
            f"point {LIBRARY_ENV} at the right library",
            name="cadre", path=path)


class Library:
    """A loaded libcadre with every function of :data:`FUNCTIONS` bound.

    Each C function is an attribute of the same name, with its argument and
    result types set. Wrapper objects keep a reference to their Library, so
    the shared object outlives every handle it created.

    Attributes:
        path: the file or name the library was loaded from.
        abi_version: the library's ABI version.
        version: the library's version string.
    """

    path: str
    abi_version: int
    version: str

    def __init__(self, cdll: ctypes.CDLL, path: str,
                 expected_abi: Optional[int] = None) -> None:
        self._cdll = cdll
        self.path = path
        self.version = "?"
        table = {f.name: f for f in FUNCTIONS}
        for name in _VERSION_SYMBOLS:
            self._bind(table[name])
        self.version = self.cadre_version_string().decode("utf-8", "replace")
        self.abi_version = self.cadre_abi_version()
        check_abi(self.abi_version, expected_abi, path, self.version)
        for function in FUNCTIONS:
            if function.name not in _VERSION_SYMBOLS:
                self._bind(function)

    def _bind(self, function: CFunction) -> None:
        try:
            # Item access gives a fresh function object, not the CDLL's cached
            # one, so nobody else's argtypes can interfere.
            fn = self._cdll[function.name]
        except AttributeError:
            from ._version import __version__
            raise ImportError(
                f"{self.path} (cadre {self.version}) has no symbol "
                f"{function.name}: the library and the Python binding "
                f"(cadre {__version__}) do not match; install the same version "
                f"of both, or point {LIBRARY_ENV} at a matching library",
                name="cadre", path=self.path) from None
        fn.argtypes = tuple(function.argtypes)
        fn.restype = function.restype
        setattr(self, function.name, fn)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not bound: give a clear message.
        raise AttributeError(f"libcadre function {name!r} is not in the binding's table")

    def __repr__(self) -> str:
        return f"<cadre._ffi.Library {self.path!r} version {self.version}>"

    # Helpers shared by every wrapper.

    def status_name(self, code: int) -> str:
        """``cadre_status_name``; "UNRECOGNIZED" for values outside ``int``."""
        if not -2**31 <= code < 2**31:
            return "UNRECOGNIZED"
        return self.cadre_status_name(code).decode("utf-8", "replace")

    def raise_for_status(self, status: int, err: ErrorHandle) -> None:
        """Frees ``err`` and, when ``status`` is not OK, raises its exception."""
        message = field = ""
        try:
            if err:
                message = (self.cadre_error_message(err) or b"").decode("utf-8", "replace")
                field = (self.cadre_error_field(err) or b"").decode("utf-8", "replace")
        finally:
            self.cadre_error_free(err)
        if status != 0:
            raise errors.error_from_status(status, message, field, self.status_name(status))

    def call(self, name: str, *args: Any) -> None:
        """Calls a status-returning function, appending the error argument.

        Raises:
            CadreError: the subclass for the returned status code.
        """
        err = ErrorHandle()
        status = getattr(self, name)(*args, ctypes.byref(err))
        self.raise_for_status(status, err)

    def call_buffer(self, name: str, *args: Any) -> bytes:
        """Calls a function whose first parameter is a ``cadre_buffer*`` output.

        The bytes are copied, then released with ``cadre_buffer_dispose``,
        whether the call failed or not.
        """
        buf = Buffer()
        try:
            self.call(name, ctypes.byref(buf), *args)
            return ctypes.string_at(buf.data, buf.size) if buf.data else b""
        finally:
            self.cadre_buffer_dispose(ctypes.byref(buf))

    def call_buffer_partial(self, name: str,
                            *args: Any) -> "tuple[bytes, Optional[errors.CadreError]]":
        """:meth:`call_buffer` for the stream functions, which still give a
        response when they fail on a broken stream: returns the bytes (empty
        when none) and the error (None on success) instead of raising it.
        """
        buf = Buffer()
        try:
            try:
                self.call(name, ctypes.byref(buf), *args)
                failure: Optional[errors.CadreError] = None
            except errors.CadreError as exc:
                failure = exc
            return (ctypes.string_at(buf.data, buf.size) if buf.data else b""), failure
        finally:
            self.cadre_buffer_dispose(ctypes.byref(buf))


def load(env: Optional[Mapping[str, str]] = None,
         package_dir: Optional[Path] = None,
         expected_abi: Optional[int] = None) -> Library:
    """Finds, loads and checks libcadre.

    Tries :func:`candidates` in order and binds the first library that loads.
    ``expected_abi`` defaults to :data:`EXPECTED_ABI_VERSION`, read at call
    time. A library that loads but has another ABI version is an error, not
    a reason to try the next candidate.

    Raises:
        ImportError: no candidate loaded (the message lists every path tried
            and why it failed), the library's ABI version is not
            ``expected_abi``, or a symbol of :data:`FUNCTIONS` is missing.
    """
    if expected_abi is None:
        expected_abi = EXPECTED_ABI_VERSION
    tried: list[str] = []
    for path in candidates(env, package_dir, expected_abi):
        try:
            cdll = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
        except OSError as exc:
            tried.append(f"{path}: {exc}")
            continue
        return Library(cdll, path, expected_abi)
    listing = "\n  ".join(tried) if tried else "(no candidates)"
    raise ImportError(
        "cadre: cannot load the cadre C library (libcadre); tried:\n  "
        f"{listing}\nSet {LIBRARY_ENV} to the path of "
        f"{library_file_names(expected_abi)[0]}, or install libcadre.",
        name="cadre")
