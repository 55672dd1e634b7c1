"""The core needs only the standard library: google.protobuf blocked."""

from __future__ import annotations

import json
import textwrap

from conftest import RETIREMENT_REQUEST

SCRIPT = textwrap.dedent('''
    import json, sys
    sys.modules["google.protobuf"] = None  # any import of it now fails
    import cadre
    request = json.loads(REQUEST_JSON)

    assert not cadre.protobuf_available()
    with cadre.Engine({"language": "en"}) as engine:
        response = engine.screen(request, as_dict=True)
        (finding,) = response["findings"]
        assert finding["rule_id"] == "cn-2022.age.retirement", finding
        assert finding["channel"] == "CHANNEL_AGE_LIMIT"
        assert finding["effective_date"] == "2025-04-02"
        assert engine.screen(json.dumps(request), as_dict=True) == response
        typed = engine.screen(request)  # the typed form needs no protobuf either
        assert typed.findings[0].rule_id == "cn-2022.age.retirement"
        assert typed.findings[0].channel is cadre.types.Channel.AGE_LIMIT
        assert typed.to_dict() == response
        raw = engine.screen_raw(json.dumps(request), cadre.Format.JSON)
        assert json.loads(raw) == response
        for call in (lambda: engine.screen(b"", as_dict=True),
                     lambda: engine.screen(request, as_message=True),
                     lambda: cadre.messages(),
                     lambda: cadre.message_class("ScreenRequest")):
            try:
                call()
            except cadre.ProtobufRequiredError as e:
                assert "protobuf" in str(e)
                assert isinstance(e, ImportError)
            else:
                raise AssertionError("no ProtobufRequiredError")
        try:
            engine.screen({"as_of": "2017-02-30"}, as_dict=True)
        except cadre.InvalidArgumentError as e:
            assert e.field == "as_of"
        else:
            raise AssertionError("no InvalidArgumentError")
    assert len(cadre.descriptor_set()) > 0
    assert not [m for m in sys.modules if m.startswith("google.protobuf.")]
    print("core-ok")
''')


def test_core_works_without_protobuf(run_python) -> None:
    request_json = json.dumps(RETIREMENT_REQUEST, ensure_ascii=False)
    result = run_python(f"REQUEST_JSON = {request_json!r}\n" + SCRIPT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "core-ok"


def test_protobuf_is_imported_only_when_needed(run_python) -> None:
    result = run_python(
        "import sys, cadre\n"
        "with cadre.Engine() as e:\n"
        "    e.screen({'as_of': '2025-06-30'}, as_dict=True)\n"
        "    e.screen({'as_of': '2025-06-30'})\n"
        "print('google.protobuf' in sys.modules)\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
