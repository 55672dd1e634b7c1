// Fuzz target: the canonical bytes of a case event (docs/case-log.md), as read back from a
// store. Decoding either refuses the bytes with DATA_LOSS naming a field, or gives an event
// whose encoding is exactly the bytes read (one event, one encoding); the event then goes
// through the reducer of the 问责 2019 definition without crashing, and a refusal names its
// field and cites a rule.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadre/case.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  const cadre::StatusOr<cadre::CaseEvent> event = cadre::decode_event(bytes);
  if (!event.ok()) {
    if (event.status().code() != cadre::StatusCode::kDataLoss) {
      __builtin_trap();
    }
    return 0;
  }
  const cadre::StatusOr<std::string> again = cadre::encode_event(*event);
  if (!again.ok() || *again != bytes) {
    __builtin_trap();  // decoded: encodes back to the same bytes
  }
  static const cadre::ProcedureSet procedures = cadre::ProcedureSet::builtin();
  static const cadre::WorkCalendar calendar = cadre::WorkCalendar::builtin();
  const cadre::ProcedureDefinition *def = procedures.find("cn-2019.accountability");
  if (def == nullptr) {
    __builtin_trap();
  }
  cadre::CaseState state;
  if (event->kind == cadre::CaseEventKind::kStep) {
    cadre::CaseEvent open;
    open.kind = cadre::CaseEventKind::kOpen;
    open.stage = "start";
    open.day = event->day;
    open.definition_hash = cadre::content_hash(*def);
    if (cadre::apply(*def, state, open, calendar)) {
      __builtin_trap();
    }
  }
  const cadre::CaseState before = state;
  if (const auto rejection = cadre::apply(*def, state, *event, calendar)) {
    if (rejection->field.empty() || rejection->citation.key.empty() || !(state == before)) {
      __builtin_trap();  // a refusal names its field, cites a rule and changes nothing
    }
  }
  return 0;
}
