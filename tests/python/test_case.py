"""Procedure cases from Python: cadre.Store, its operations and cadre.Case.

The 诫勉 follow-up of the bundled example (examples/case: cadre c9002 of
roster.json and its events jm-*.json) is carried through every step.
"""

from __future__ import annotations

import copy
import json
import threading
from pathlib import Path

import pytest

import cadre
from cadre import types

from conftest import REPO

EXAMPLE = REPO / "examples" / "case"
ZERO_LINK = "0" * 64


def _cadre_c9002() -> dict:
    roster = json.loads((EXAMPLE / "roster.json").read_text(encoding="utf-8"))
    return next(c for c in roster["cadres"] if c["id"] == "c9002")


def _event(name: str) -> dict:
    return json.loads((EXAMPLE / "events" / name).read_text(encoding="utf-8"))


@pytest.fixture()
def store(tmp_path):
    with cadre.Store(tmp_path / "cases.db") as s:
        yield s


@pytest.fixture()
def case(store):
    return store.open_case("jm-c9002", _cadre_c9002(), early_warning_id="c9002-w1")


def test_open_a_case_from_an_early_warning(store, case):
    assert isinstance(case, cadre.Case)
    assert case.id == "jm-c9002" and case.store is store
    view = case.view
    assert isinstance(view, types.CaseView)
    assert view.id == "jm-c9002" and view.cadre_id == "c9002"
    assert view.events == 1 and not view.ended
    assert view.current_stage == "self_examination"
    assert len(case.head) == 64 and case.head != ZERO_LINK
    assert store.case("jm-c9002") == case
    # The same case cannot be opened twice.
    with pytest.raises(cadre.AlreadyExistsError):
        store.open_case("jm-c9002", _cadre_c9002(), early_warning_id="c9002-w1")


def test_record_the_steps_and_iterate_the_events(case):
    first = case.record(_event("jm-1-self-examination.json"))
    assert isinstance(first, types.CaseRecordResponse)
    assert first.accepted, first.rejection
    assert first.logged.seq == 2 and first.logged.link == first.case.head
    # A typed event is accepted as well.
    second = case.record(types.CaseEvent.from_dict(_event("jm-2-review.json")))
    assert second.accepted, second.rejection
    assert second.case.ended

    logged = list(case.events())
    assert [e.seq for e in logged] == [1, 2, 3]
    assert all(isinstance(e, types.CaseLoggedEvent) for e in logged)
    assert logged[0].prev == ZERO_LINK
    for before, after in zip(logged, logged[1:]):
        assert after.prev == before.link
    assert logged[-1].link == case.head
    assert logged[0].event.kind == types.CaseEvent.Kind.OPEN
    assert [e.event.stage for e in logged[1:]] == ["self_examination", "review"]

    verification = case.verify()
    assert isinstance(verification, types.CaseVerification)
    assert verification.ok and verification.events == 3 and not verification.chain_broken


def test_a_refused_step_is_an_answer_and_logs_nothing(case):
    head = case.head
    step = _event("jm-1-self-examination.json")
    step["facts"] = []  # the date of submission is required
    answer = case.record(step)
    assert not answer.accepted
    rejection = answer.rejection
    assert rejection.reason == types.CaseRejection.MISSING_FACT
    assert rejection.message.en and rejection.message.zh_cn
    assert rejection.citation.key and rejection.citation.verification
    assert case.head == head
    assert [e.seq for e in case.events()] == [1]


def test_a_stale_expected_head_is_aborted(case):
    head = case.head
    assert case.record(_event("jm-1-self-examination.json"), expected_head=head).accepted
    with pytest.raises(cadre.AbortedError):
        case.record(_event("jm-2-review.json"), expected_head=head)
    assert case.record(_event("jm-2-review.json"), expected_head=case.head).accepted


def test_a_problem_in_the_request_names_the_field(store, case):
    with pytest.raises(cadre.InvalidArgumentError) as info:
        store.case_show({"case_id": "jm-c9002", "as_of": "not a day"})
    assert info.value.field == "as_of"
    step = _event("jm-1-self-examination.json")
    step["day"] = "2025-13-40"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        case.record(step)
    assert info.value.field.startswith("event")
    with pytest.raises(cadre.NotFoundError):
        store.case("no-such-case").show()


def test_two_stores_on_one_file_see_each_others_appends(tmp_path):
    path = tmp_path / "shared.db"
    with cadre.Engine() as engine, cadre.Store(path, engine) as one, \
            cadre.Store(path, engine, durability="process") as two:
        one.open_case("jm-c9002", _cadre_c9002(), early_warning_id="c9002-w1")
        seen = two.case("jm-c9002")
        assert seen.view.events == 1
        head = seen.head
        assert one.case("jm-c9002").record(_event("jm-1-self-examination.json")).accepted
        assert seen.view.events == 2
        # The other store's head moved: a step expecting the old one is refused.
        with pytest.raises(cadre.AbortedError):
            seen.record(_event("jm-2-review.json"), expected_head=head)
        assert seen.record(_event("jm-2-review.json")).accepted
        assert one.case("jm-c9002").verify().ok
        # The engine was borrowed: closing the stores leaves it open.
    assert engine.closed


def test_the_store_after_close(tmp_path):
    store = cadre.Store(tmp_path / "cases.db")
    case = store.open_case("jm-c9002", _cadre_c9002(), early_warning_id="c9002-w1")
    engine = store.engine
    store.close()
    store.close()  # idempotent
    assert store.closed and engine.closed  # the store's own engine is closed with it
    assert "closed" in repr(store)
    with pytest.raises(ValueError):
        store.case_due({"as_of": "2025-10-01"})
    with pytest.raises(ValueError):
        case.view
    with pytest.raises(ValueError):
        store.call("case_verify", {})
    with pytest.raises(ValueError):
        store.call("calendar_day", {"date": "2025-10-01"})
    # What was appended stays in the file.
    with cadre.Store(tmp_path / "cases.db", must_exist=True) as again:
        assert again.case("jm-c9002").view.events == 1


def test_a_borrowed_engine_stays_open(tmp_path):
    with cadre.Engine() as engine:
        with cadre.Store(tmp_path / "cases.db", engine) as store:
            assert store.engine is engine
        assert not engine.closed
        assert engine.calendar_day({"date": "2025-10-01"}).day.working is False
    # An engine closed under the store: its calls raise.
    with cadre.Store(tmp_path / "cases.db", engine=cadre.Engine()) as store:
        store.engine.close()
        with pytest.raises(ValueError):
            store.case_due({"as_of": "2025-10-01"})


def test_opening_options(tmp_path):
    with pytest.raises(cadre.NotFoundError):
        cadre.Store(tmp_path / "missing.db", must_exist=True)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(ValueError):
        cadre.Store(tmp_path / "x.db", durability="sometimes")
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.Store(str(tmp_path / "x\0y.db"))
    assert info.value.field == "path"
    not_a_store = tmp_path / "text.db"
    not_a_store.write_text("not a database, not at all" * 100, encoding="utf-8")
    with pytest.raises(cadre.CadreError):
        cadre.Store(not_a_store)
    assert not_a_store.read_text(encoding="utf-8").startswith("not a database")
    with pytest.raises(TypeError):
        cadre.Store(tmp_path / "x.db", engine="default")


def test_store_operations_are_not_engine_methods(engine):
    for op in cadre.operations():
        assert hasattr(cadre.Store, op["name"]) == op.get("needs_store", False)
        assert hasattr(cadre.Engine, op["name"]) != op.get("needs_store", False)
    with pytest.raises(cadre.FailedPreconditionError) as info:
        engine.call("case_due", {"as_of": "2025-10-01"})
    assert info.value.field == "store"


def test_call_by_name_and_dicts(store, case):
    due = store.call("case_due", {"as_of": "2025-10-20"}, as_dict=True)
    assert due["due"][0]["case_id"] == "jm-c9002"
    typed = store.case_due(types.CaseDueRequest(as_of="2025-10-20"))
    assert typed.to_dict() == due
    assert store.call("calendar_day", {"date": "2025-10-01"}).day.working is False
    with pytest.raises(cadre.NotFoundError) as info:
        store.call("frobnicate", {})
    assert info.value.field == "operation"


def test_export_and_import(store, case, tmp_path):
    case.record(_event("jm-1-self-examination.json"))
    export = tmp_path / "cases.export"
    exported = store.case_export({"path": str(export)})
    assert exported.cases == 1 and exported.events == 2
    with cadre.Store(tmp_path / "copy.db", store.engine) as copy_store:
        imported = copy_store.case_import({"path": str(export)})
        assert imported.cases == 1 and imported.events == 2
        assert copy_store.case("jm-c9002").head == case.head


def test_threads_share_a_store(store, case):
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(20):
                assert case.view.events >= 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_procedure_texts_reach_the_engine():
    # An engine option of its own: a definition text that does not parse is refused.
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.Engine({"procedure_texts": ["this is not a procedure definition {"]})
    assert info.value.field == "options.procedure_texts[0]"


@pytest.mark.skipif(not cadre.protobuf_available(), reason="needs google.protobuf")
def test_protobuf_messages(store, case):
    request = cadre.message_class("CaseShowRequest")(case_id="jm-c9002", with_events=True)
    shown = store.case_show(request, as_message=True)
    assert type(shown).DESCRIPTOR.full_name == "cadre.v1.CaseShowResponse"
    assert shown.case.events == 1 and shown.case.head == case.head
    # Protobuf binary in: the typed answer is the same.
    assert store.case_show(request.SerializeToString()) == store.case_show(
        {"case_id": "jm-c9002", "with_events": True})
