#include "codec/records_codec.hpp"

#include "codec/codec.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;

namespace {

struct Errors {
  std::vector<Status> &list;
  const std::string &path;
  void add(const std::string &field, std::string message) const {
    list.emplace_back(StatusCode::kInvalidArgument, std::move(message), path + "." + field);
  }
};

std::optional<Date> date(const std::string &text, const std::string &field, const Errors &e) {
  if (text.empty()) {
    return std::nullopt;
  }
  const auto d = Date::parse(text);
  if (!d) {
    e.add(field, "not a date of the form YYYY-MM-DD");
  }
  return d;
}

void text(const std::string &value, const std::string &field, bool required, const Errors &e) {
  if (required && value.empty()) {
    e.add(field, "required");
  } else if (value.size() > kMaxTextBytes) {
    e.add(field, "longer than " + std::to_string(kMaxTextBytes) + " bytes");
  }
}

// An id: a text without control characters (codec::is_valid_id).
void id(const std::string &value, const std::string &field, bool required, const Errors &e) {
  text(value, field, required, e);
  if (value.size() <= kMaxTextBytes && !is_valid_id(value)) {
    e.add(field, "contains a control character (such as NUL or a line break)");
  }
}

template <typename E>
E enum_value(int number, bool (*valid)(int), const std::string &field, bool required,
             const Errors &e) {
  if (!valid(number)) {
    e.add(field, "value " + std::to_string(number) + " is unknown to this version of cadre");
  } else if (required && number == 0) {
    e.add(field, "required");
  }
  return static_cast<E>(number);
}

bool hex64(const std::string &s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string d2s(const std::optional<Date> &d) { return d ? d->to_string() : std::string(); }

}  // namespace

bool decode(const pb::ProcedureCase &in, const std::string &path, ProcedureCase &out,
            std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  const Errors e{errors, path};
  out = ProcedureCase{};
  id(in.id(), "id", true, e);
  out.id = in.id();
  out.kind = enum_value<ProcedureKind>(in.kind(), pb::ProcedureKind_IsValid, "kind", true, e);
  id(in.cadre_id(), "cadre_id", true, e);
  out.cadre_id = in.cadre_id();
  out.opened_by.kind = enum_value<RecordKind>(in.opened_by().kind(), pb::RecordKind_IsValid,
                                              "opened_by.kind", false, e);
  id(in.opened_by().id(), "opened_by.id", false, e);
  out.opened_by.id = in.opened_by().id();
  id(in.opened_by().cadre_id(), "opened_by.cadre_id", false, e);
  out.opened_by.cadre_id = in.opened_by().cadre_id();
  out.opened_on = date(in.opened_on(), "opened_on", e);
  out.next_deadline = date(in.next_deadline(), "next_deadline", e);
  if (in.events_size() > 10000) {
    e.add("events", "more than 10000 events");
    return false;
  }
  std::optional<Date> previous = out.opened_on;
  for (int i = 0; i < in.events_size(); ++i) {
    const pb::ProcedureEvent &v = in.events(i);
    const std::string f = "events[" + std::to_string(i) + "]";
    ProcedureEvent ev;
    ev.seq = v.seq();
    if (ev.seq != i + 1) {
      e.add(f + ".seq",
            "must be " + std::to_string(i + 1) + ": events are numbered from 1 in order");
    }
    text(v.stage(), f + ".stage", true, e);
    ev.stage = v.stage();
    ev.on = date(v.on(), f + ".on", e);
    if (ev.on && previous && *ev.on < *previous) {
      e.add(f + ".on", "before the previous event");
    }
    if (ev.on) {
      previous = ev.on;
    }
    ev.actor =
        enum_value<AuthorityKind>(v.actor(), pb::AuthorityKind_IsValid, f + ".actor", false, e);
    text(v.document_ref(), f + ".document_ref", false, e);
    ev.document_ref = v.document_ref();
    if (!v.hash().empty() && !hex64(v.hash())) {
      e.add(f + ".hash", "not 64 lowercase hex digits");
    }
    ev.hash = v.hash();
    out.events.push_back(std::move(ev));
  }
  return errors.size() == before;
}

bool decode(const pb::Bulletin &in, const std::string &path, Bulletin &out,
            std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  const Errors e{errors, path};
  out = Bulletin{};
  id(in.id(), "id", true, e);
  out.id = in.id();
  out.from = date(in.from(), "from", e);
  out.to = date(in.to(), "to", e);
  if (out.from && out.to && *out.to < *out.from) {
    e.add("to", "before from");
  }
  out.jurisdiction = in.jurisdiction();
  for (int i = 0; i < in.lines_size(); ++i) {
    const pb::BulletinLine &l = in.lines(i);
    const std::string f = "lines[" + std::to_string(i) + "]";
    text(l.key(), f + ".key", true, e);
    if (l.cadres() < 0 || l.adjusted_down() < 0 || l.accountability() < 0 || l.unsuitable() < 0) {
      e.add(f, "a count is negative");
    } else if (l.adjusted_down() > l.cadres()) {
      e.add(f + ".adjusted_down", "more than cadres");
    } else if (l.accountability() + l.unsuitable() > l.adjusted_down()) {
      e.add(f + ".accountability", "accountability and unsuitable together exceed adjusted_down");
    }
    out.lines.push_back(
        {l.key(), l.label(), l.cadres(), l.adjusted_down(), l.accountability(), l.unsuitable()});
  }
  for (int i = 0; i < in.by_channel_size(); ++i) {
    const auto &c = in.by_channel(i);
    out.by_channel.emplace_back(
        enum_value<Channel>(c.channel(), pb::Channel_IsValid,
                            "by_channel[" + std::to_string(i) + "].channel", true, e),
        c.cadres());
  }
  for (int i = 0; i < in.by_rank_level_size(); ++i) {
    const auto &c = in.by_rank_level(i);
    out.by_rank_level.emplace_back(
        enum_value<RankLevel>(c.rank_level(), pb::RankLevel_IsValid,
                              "by_rank_level[" + std::to_string(i) + "].rank_level", true, e),
        c.cadres());
  }
  return errors.size() == before;
}

bool decode(const pb::DecisionRecord &in, const std::string &path, DecisionRecord &out,
            std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  const Errors e{errors, path};
  out = DecisionRecord{};
  id(in.id(), "id", true, e);
  out.id = in.id();
  text(in.operation(), "operation", true, e);
  out.operation = in.operation();
  out.as_of = date(in.as_of(), "as_of", e);
  out.catalogue = {in.catalogue().id(), in.catalogue().version(), in.catalogue().content_hash()};
  if (!out.catalogue.content_hash.empty() && !hex64(out.catalogue.content_hash)) {
    e.add("catalogue.content_hash", "not 64 lowercase hex digits");
  }
  for (const auto &[field, value] : {std::pair{"request_hash", &in.request_hash()},
                                     std::pair{"response_hash", &in.response_hash()}}) {
    if (!hex64(*value)) {
      e.add(field, "not 64 lowercase hex digits");
    }
  }
  out.request_hash = in.request_hash();
  out.response_hash = in.response_hash();
  out.library_version = in.library_version();
  return errors.size() == before;
}

void encode(const ProcedureCase &in, pb::ProcedureCase &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_kind(static_cast<pb::ProcedureKind>(in.kind));
  out.set_cadre_id(in.cadre_id);
  if (in.opened_by.kind != RecordKind::kUnspecified || !in.opened_by.id.empty()) {
    out.mutable_opened_by()->set_kind(static_cast<pb::RecordKind>(in.opened_by.kind));
    out.mutable_opened_by()->set_id(in.opened_by.id);
    out.mutable_opened_by()->set_cadre_id(in.opened_by.cadre_id);
  }
  out.set_opened_on(d2s(in.opened_on));
  out.set_next_deadline(d2s(in.next_deadline));
  for (const ProcedureEvent &ev : in.events) {
    pb::ProcedureEvent *o = out.add_events();
    o->set_seq(ev.seq);
    o->set_stage(ev.stage);
    o->set_on(d2s(ev.on));
    o->set_actor(static_cast<pb::AuthorityKind>(ev.actor));
    o->set_document_ref(ev.document_ref);
    o->set_hash(ev.hash);
  }
}

void encode(const Bulletin &in, pb::Bulletin &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_from(d2s(in.from));
  out.set_to(d2s(in.to));
  out.set_jurisdiction(in.jurisdiction);
  for (const BulletinLine &l : in.lines) {
    pb::BulletinLine *o = out.add_lines();
    o->set_key(l.key);
    o->set_label(l.label);
    o->set_cadres(l.cadres);
    o->set_adjusted_down(l.adjusted_down);
    o->set_accountability(l.accountability);
    o->set_unsuitable(l.unsuitable);
  }
  for (const auto &[channel, n] : in.by_channel) {
    pb::ChannelCount *o = out.add_by_channel();
    o->set_channel(static_cast<pb::Channel>(channel));
    o->set_cadres(n);
  }
  for (const auto &[level, n] : in.by_rank_level) {
    pb::RankLevelCount *o = out.add_by_rank_level();
    o->set_rank_level(static_cast<pb::RankLevel>(level));
    o->set_cadres(n);
  }
}

void encode(const DecisionRecord &in, pb::DecisionRecord &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_operation(in.operation);
  out.set_as_of(d2s(in.as_of));
  if (!in.catalogue.id.empty() || !in.catalogue.content_hash.empty()) {
    out.mutable_catalogue()->set_id(in.catalogue.id);
    out.mutable_catalogue()->set_version(in.catalogue.version);
    out.mutable_catalogue()->set_content_hash(in.catalogue.content_hash);
  }
  out.set_request_hash(in.request_hash);
  out.set_response_hash(in.response_hash);
  out.set_library_version(in.library_version);
}

}  // namespace cadre::codec
