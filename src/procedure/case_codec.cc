// The canonical binary encoding of a case event (issue 10 §3), written and read by hand,
// byte for byte as docs/case-log.md defines it: big-endian integers, u32-length-prefixed
// UTF-8, enums as u32 numbers, optional parts behind a 0/1 flag, facts and documents in
// ascending order. The decoder refuses anything else and names the field.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "cadre/case.hpp"
#include "calendar/text_format.hpp"
#include "procedure/case_codec.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

constexpr std::string_view kMagic{"CEV\x01", 4};
constexpr std::uint32_t kMaxString = 65535;
constexpr std::uint32_t kMaxCount = 1024;

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v) {
    u8(static_cast<std::uint8_t>(v >> 8U));
    u8(static_cast<std::uint8_t>(v & 0xffU));
  }
  void u32(std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      u8(static_cast<std::uint8_t>((v >> static_cast<unsigned>(shift)) & 0xffU));
    }
  }
  void u64(std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      u8(static_cast<std::uint8_t>((v >> static_cast<unsigned>(shift)) & 0xffU));
    }
  }
  void date(Date d) {
    u16(static_cast<std::uint16_t>(d.year()));
    u8(static_cast<std::uint8_t>(d.month()));
    u8(static_cast<std::uint8_t>(d.day()));
  }
  // Length-prefixed UTF-8; records the first field that cannot be written.
  void str(std::string_view s, const std::string &field) {
    if (s.size() > kMaxString) {
      fail(field, "longer than 65535 bytes");
      return;
    }
    if (!detail::is_valid_utf8(s)) {
      fail(field, "not UTF-8");
      return;
    }
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void flag(bool v) { u8(v ? 1 : 0); }
  template <typename E>
  void enumeration(E v) {
    u32(static_cast<std::uint32_t>(static_cast<std::int32_t>(v)));
  }
  void count(std::size_t n, const std::string &field) {
    if (n > kMaxCount) {
      fail(field, "more than 1024 entries");
      return;
    }
    u32(static_cast<std::uint32_t>(n));
  }
  void fail(const std::string &field, const std::string &message) {
    if (status_.ok()) {
      status_ = invalid_argument(field, message);
    }
  }
  void magic() { out_.append(kMagic); }
  [[nodiscard]] const Status &status() const noexcept { return status_; }
  std::string take() { return std::move(out_); }
  [[nodiscard]] std::size_t size() const noexcept { return out_.size(); }

 private:
  std::string out_;
  Status status_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}

  bool u8(std::uint8_t &v, std::string_view field) {
    if (!need(1, field)) return false;
    v = static_cast<std::uint8_t>(in_[pos_++]);
    return true;
  }
  bool u32(std::uint32_t &v, std::string_view field) {
    if (!need(4, field)) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      v = (v << 8U) | static_cast<std::uint8_t>(in_[pos_++]);
    }
    return true;
  }
  bool u64(std::uint64_t &v, std::string_view field) {
    if (!need(8, field)) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) {
      v = (v << 8U) | static_cast<std::uint8_t>(in_[pos_++]);
    }
    return true;
  }
  bool date(Date &d, std::string_view field) {
    if (!need(4, field)) return false;
    const int year =
        (static_cast<std::uint8_t>(in_[pos_]) << 8U) | static_cast<std::uint8_t>(in_[pos_ + 1]);
    const int month = static_cast<std::uint8_t>(in_[pos_ + 2]);
    const int day = static_cast<std::uint8_t>(in_[pos_ + 3]);
    pos_ += 4;
    const std::optional<Date> parsed = Date::from_ymd(year, month, day);
    if (!parsed) {
      return fail(field, "not a date");
    }
    d = *parsed;
    return true;
  }
  // The field names are views, made strings only to report: an event reads some twenty.
  bool str(std::string &s, std::string_view field) {
    std::uint32_t n = 0;
    if (in_.size() - pos_ < 4) return fail(std::string(field) + ".length", "truncated");
    if (!u32(n, field)) return false;
    if (n > kMaxString) return fail(field, "longer than 65535 bytes");
    if (!need(n, field)) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    if (!detail::is_valid_utf8(s)) return fail(field, "not UTF-8");
    return true;
  }
  bool flag(bool &v, std::string_view field) {
    std::uint8_t b = 0;
    if (!u8(b, field)) return false;
    if (b > 1) return fail(field, "a flag that is neither 0 nor 1");
    v = b == 1;
    return true;
  }
  bool count(std::uint32_t &n, std::string_view field) {
    if (!u32(n, field)) return false;
    if (n > kMaxCount) return fail(field, "more than 1024 entries");
    return true;
  }
  // A non-negative int (the top bit clear).
  bool int31(int &v, std::string_view field) {
    std::uint32_t u = 0;
    if (!u32(u, field)) return false;
    if (u > 0x7fffffffU) return fail(field, "out of range");
    v = static_cast<int>(u);
    return true;
  }
  template <typename E>
  bool enumeration(E &v, std::string_view field) {
    std::uint32_t u = 0;
    if (!u32(u, field)) return false;
    if (u > 0x7fffffffU) return fail(field, "not an enum number");
    v = static_cast<E>(static_cast<std::int32_t>(u));
    return true;
  }
  bool fail(std::string_view field, const std::string &message) {
    if (status_.ok()) {
      status_ = Status(StatusCode::kDataLoss, message, std::string(field));
    }
    return false;
  }
  [[nodiscard]] bool at_end() const noexcept { return pos_ == in_.size(); }
  [[nodiscard]] std::size_t remaining() const noexcept { return in_.size() - pos_; }
  bool prefix(std::string_view expected, std::string_view field) {
    if (in_.substr(pos_, expected.size()) != expected) {
      return fail(field, "not a case event of version 1");
    }
    pos_ += expected.size();
    return true;
  }
  [[nodiscard]] const Status &status() const noexcept { return status_; }

 private:
  bool need(std::size_t n, std::string_view field) {
    if (in_.size() - pos_ < n) {
      return fail(field, "truncated");
    }
    return true;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  Status status_;
};

std::string at(std::string_view list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

void write_fact(Writer &w, const SuppliedFact &f, const std::string &path) {
  w.str(f.key, path + ".key");
  w.enumeration(f.type);
  switch (f.type) {
    case FactType::kDate:
      w.date(f.date);
      break;
    case FactType::kText:
    case FactType::kRecord:
      w.str(f.text, path + ".text");
      break;
    case FactType::kBool:
      w.flag(f.yes);
      break;
    case FactType::kInteger:
      w.u64(static_cast<std::uint64_t>(f.number));
      break;
    case FactType::kMethod:
      w.enumeration(f.method);
      break;
    default:
      w.fail(path + ".type", "a fact of type date, text, bool, integer, method or record");
  }
}

// Reads into @p f, whose other fields are reset (so that @p f may be reused).
bool read_fact(Reader &r, SuppliedFact &f, const std::string &path) {
  f.date = Date();
  f.text.clear();
  f.yes = false;
  f.number = 0;
  f.method = AdjustmentMethod::kUnspecified;
  if (!r.str(f.key, path + ".key") || !r.enumeration(f.type, path + ".type")) return false;
  switch (f.type) {
    case FactType::kDate:
      return r.date(f.date, path + ".date");
    case FactType::kText:
    case FactType::kRecord:
      return r.str(f.text, path + ".text");
    case FactType::kBool:
      return r.flag(f.yes, path + ".yes");
    case FactType::kInteger: {
      std::uint64_t u = 0;
      if (!r.u64(u, path + ".number")) return false;
      f.number = static_cast<std::int64_t>(u);
      return true;
    }
    case FactType::kMethod:
      return r.enumeration(f.method, path + ".method");
    default:
      return r.fail(path + ".type", "not a type a supplied fact may have");
  }
}

bool change_less(const FindingChange &a, const FindingChange &b) {
  if (a.rule_id != b.rule_id) return a.rule_id < b.rule_id;
  return a.kind < b.kind;
}

}  // namespace

StatusOr<std::string> encode_event(const CaseEvent &event) {
  Writer w;
  w.magic();
  w.u8(static_cast<std::uint8_t>(event.kind));
  if (event.kind != CaseEventKind::kOpen && event.kind != CaseEventKind::kStep) {
    w.fail("kind", "neither an opening nor a step");
  }
  w.str(event.stage, "stage");
  w.str(event.outcome, "outcome");
  w.date(event.day);
  w.enumeration(event.actor.role);
  w.enumeration(event.actor.body);
  w.enumeration(event.actor.level);
  w.str(event.actor.body_id, "actor.body_id");

  std::vector<const SuppliedFact *> facts;
  facts.reserve(event.facts.size());
  for (const SuppliedFact &f : event.facts) facts.push_back(&f);
  std::sort(facts.begin(), facts.end(),
            [](const SuppliedFact *a, const SuppliedFact *b) { return a->key < b->key; });
  w.count(facts.size(), "facts");
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const std::string path = at("facts", i);
    if (i > 0 && facts[i]->key == facts[i - 1]->key) {
      w.fail(path + ".key", "duplicate fact \"" + facts[i]->key + "\"");
    }
    write_fact(w, *facts[i], path);
  }
  std::vector<std::string> documents = event.documents;
  std::sort(documents.begin(), documents.end());
  w.count(documents.size(), "documents");
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (i > 0 && documents[i] == documents[i - 1]) {
      w.fail(at("documents", i), "duplicate document \"" + documents[i] + "\"");
    }
    w.str(documents[i], at("documents", i));
  }
  w.flag(event.votes.has_value());
  if (event.votes) {
    const Votes &v = *event.votes;
    for (const auto &[n, name] :
         {std::pair{v.members_due, "votes.members_due"}, std::pair{v.present, "votes.present"},
          std::pair{v.in_favour, "votes.in_favour"}, std::pair{v.against, "votes.against"},
          std::pair{v.abstain, "votes.abstain"}}) {
      if (n < 0) w.fail(name, "negative");
      w.u32(static_cast<std::uint32_t>(n));
    }
  }
  w.str(event.document_ref, "document_ref");
  w.str(event.note_id, "note_id");
  w.str(event.opened_by, "opened_by");
  w.str(event.definition_hash, "definition_hash");
  w.flag(event.due_by.has_value());
  if (event.due_by) w.date(*event.due_by);
  w.flag(event.correction.has_value());
  if (event.correction) {
    w.str(event.correction->field, "correction.field");
    w.str(event.correction->record_id, "correction.record_id");
    w.str(event.correction->evidence_ref, "correction.evidence_ref");
  }
  w.flag(event.diff.has_value());
  if (event.diff) {
    w.date(event.diff->as_of);
    std::vector<FindingChange> changes = event.diff->changes;
    std::sort(changes.begin(), changes.end(), change_less);
    w.count(changes.size(), "diff.changes");
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const FindingChange &c = changes[i];
      const std::string path = at("diff.changes", i);
      if (i > 0 && !change_less(changes[i - 1], c)) {
        w.fail(path, "duplicate change of rule \"" + c.rule_id + "\"");
      }
      w.u8(static_cast<std::uint8_t>(c.kind));
      if (c.kind < FindingChangeKind::kAppeared || c.kind > FindingChangeKind::kChanged) {
        w.fail(path + ".kind", "not appeared, disappeared or changed");
      }
      w.str(c.rule_id, path + ".rule_id");
      w.enumeration(c.channel);
      w.enumeration(c.before);
      w.enumeration(c.after);
      std::vector<std::string> fields = c.fields;
      std::sort(fields.begin(), fields.end());
      w.count(fields.size(), path + ".fields");
      for (std::size_t k = 0; k < fields.size(); ++k) {
        if (k > 0 && fields[k] == fields[k - 1]) {
          w.fail(at(path + ".fields", k), "duplicate field");
        }
        w.str(fields[k], at(path + ".fields", k));
      }
    }
  }
  if (w.size() > kMaxEventBytes) {
    w.fail("", "the event's encoding exceeds 1 MiB");
  }
  if (!w.status().ok()) return w.status();
  return w.take();
}

Status decode_event_into(std::string_view bytes, CaseEvent &out) {
  CaseEvent &e = out;
  if (bytes.size() > kMaxEventBytes) {
    return {StatusCode::kDataLoss, "the event's encoding exceeds 1 MiB", ""};
  }
  Reader r(bytes);
  e.votes.reset();
  e.due_by.reset();
  e.correction.reset();
  e.diff.reset();
  std::uint8_t kind = 0;
  std::uint32_t n = 0;
  const bool head = r.prefix(kMagic, "magic") && r.u8(kind, "kind") &&
                    ((kind == static_cast<std::uint8_t>(CaseEventKind::kOpen) ||
                      kind == static_cast<std::uint8_t>(CaseEventKind::kStep)) ||
                     r.fail("kind", "neither an opening (1) nor a step (2)")) &&
                    r.str(e.stage, "stage") && r.str(e.outcome, "outcome") &&
                    r.date(e.day, "day") && r.enumeration(e.actor.role, "actor.role") &&
                    r.enumeration(e.actor.body, "actor.body") &&
                    r.enumeration(e.actor.level, "actor.level") &&
                    r.str(e.actor.body_id, "actor.body_id") && r.count(n, "facts");
  if (!head) return r.status();
  e.kind = static_cast<CaseEventKind>(kind);
  // Into the elements already there (their strings keep their capacity).
  e.facts.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::string path = at("facts", i);
    if (!read_fact(r, e.facts[i], path)) return r.status();
    if (i > 0 && !(e.facts[i - 1].key < e.facts[i].key)) {
      r.fail(path + ".key", "not in ascending order of keys (or a duplicate)");
      return r.status();
    }
  }
  if (!r.count(n, "documents")) return r.status();
  e.documents.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!r.str(e.documents[i], at("documents", i))) return r.status();
    if (i > 0 && !(e.documents[i - 1] < e.documents[i])) {
      r.fail(at("documents", i), "not in ascending order (or a duplicate)");
      return r.status();
    }
  }
  bool present = false;
  if (!r.flag(present, "votes")) return r.status();
  if (present) {
    Votes v;
    if (!r.int31(v.members_due, "votes.members_due") || !r.int31(v.present, "votes.present") ||
        !r.int31(v.in_favour, "votes.in_favour") || !r.int31(v.against, "votes.against") ||
        !r.int31(v.abstain, "votes.abstain")) {
      return r.status();
    }
    e.votes = v;
  }
  if (!r.str(e.document_ref, "document_ref") || !r.str(e.note_id, "note_id") ||
      !r.str(e.opened_by, "opened_by") || !r.str(e.definition_hash, "definition_hash") ||
      !r.flag(present, "due_by")) {
    return r.status();
  }
  if (present) {
    Date d;
    if (!r.date(d, "due_by")) return r.status();
    e.due_by = d;
  }
  if (!r.flag(present, "correction")) return r.status();
  if (present) {
    Correction c;
    if (!r.str(c.field, "correction.field") || !r.str(c.record_id, "correction.record_id") ||
        !r.str(c.evidence_ref, "correction.evidence_ref")) {
      return r.status();
    }
    e.correction = std::move(c);
  }
  if (!r.flag(present, "diff")) return r.status();
  if (present) {
    FindingsDiff diff;
    if (!r.date(diff.as_of, "diff.as_of") || !r.count(n, "diff.changes")) return r.status();
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::string path = at("diff.changes", i);
      FindingChange c;
      std::uint8_t k = 0;
      std::uint32_t fields = 0;
      if (!r.u8(k, path + ".kind")) return r.status();
      if (k < 1 || k > 3) {
        r.fail(path + ".kind", "not appeared (1), disappeared (2) or changed (3)");
        return r.status();
      }
      c.kind = static_cast<FindingChangeKind>(k);
      if (!r.str(c.rule_id, path + ".rule_id") || !r.enumeration(c.channel, path + ".channel") ||
          !r.enumeration(c.before, path + ".before") || !r.enumeration(c.after, path + ".after") ||
          !r.count(fields, path + ".fields")) {
        return r.status();
      }
      for (std::uint32_t j = 0; j < fields; ++j) {
        std::string f;
        if (!r.str(f, at(path + ".fields", j))) return r.status();
        if (j > 0 && !(c.fields.back() < f)) {
          r.fail(at(path + ".fields", j), "not in ascending order (or a duplicate)");
          return r.status();
        }
        c.fields.push_back(std::move(f));
      }
      if (i > 0 && !change_less(diff.changes.back(), c)) {
        r.fail(path, "not in ascending order of rule and kind (or a duplicate)");
        return r.status();
      }
      diff.changes.push_back(std::move(c));
    }
    e.diff = std::move(diff);
  }
  if (!r.at_end()) {
    return {StatusCode::kDataLoss,
            std::to_string(r.remaining()) + " bytes after the end of the event", ""};
  }
  return {};
}

StatusOr<CaseEvent> decode_event(std::string_view bytes) {
  CaseEvent e;
  if (auto st = decode_event_into(bytes, e); !st.ok()) {
    return st;
  }
  return e;
}

}  // namespace api_v1
}  // namespace cadre
