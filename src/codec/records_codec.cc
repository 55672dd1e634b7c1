#include "codec/records_codec.hpp"

#include "codec/check.hpp"
#include "codec/codec.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;

namespace {

using detail::Checker;
using detail::Path;

constexpr int kMaxEvents = 10000;

bool hex64(const std::string &s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string d2s(const std::optional<Date> &d) { return d ? d->to_string() : std::string(); }

}  // namespace

bool decode(const pb::ProcedureCase &in, const std::string &path, ProcedureCase &out,
            std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  Checker ck(errors, std::nullopt);
  const Path at(path);
  out = ProcedureCase{};
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.kind = ck.enumeration<ProcedureKind>(in.kind(), at, "kind", true);
  ck.id(in.cadre_id(), at, "cadre_id", true);
  out.cadre_id = in.cadre_id();
  const Path opened_by(at, "opened_by");
  out.opened_by.kind = ck.enumeration<RecordKind>(in.opened_by().kind(), opened_by, "kind", false);
  ck.id(in.opened_by().id(), opened_by, "id", false);
  out.opened_by.id = in.opened_by().id();
  ck.id(in.opened_by().cadre_id(), opened_by, "cadre_id", false);
  out.opened_by.cadre_id = in.opened_by().cadre_id();
  out.opened_on = ck.date(in.opened_on(), at, "opened_on");
  out.next_deadline = ck.date(in.next_deadline(), at, "next_deadline");
  if (!ck.bounded(in.events_size(), kMaxEvents, at, "events")) {
    return false;
  }
  std::optional<Date> previous = out.opened_on;
  for (int i = 0; i < in.events_size(); ++i) {
    const pb::ProcedureEvent &v = in.events(i);
    const Path event(at, "events", i);
    ProcedureEvent ev;
    ev.seq = v.seq();
    if (ev.seq != i + 1) {
      ck.fail(event, "seq",
              "must be " + std::to_string(i + 1) + ": events are numbered from 1 in order");
    }
    ck.id(v.stage(), event, "stage", true);
    ev.stage = v.stage();
    ev.on = ck.date(v.on(), event, "on");
    ck.not_before(previous, ev.on, event, "on", "the previous event");
    if (ev.on) {
      previous = ev.on;
    }
    ev.actor = ck.enumeration<AuthorityKind>(v.actor(), event, "actor", false);
    ck.id(v.document_ref(), event, "document_ref", false);
    ev.document_ref = v.document_ref();
    if (!v.hash().empty() && !hex64(v.hash())) {
      ck.fail(event, "hash", "not 64 lowercase hex digits");
    }
    ev.hash = v.hash();
    out.events.push_back(std::move(ev));
  }
  return errors.size() == before;
}

bool decode(const pb::Bulletin &in, const std::string &path, Bulletin &out,
            std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  Checker ck(errors, std::nullopt);
  const Path at(path);
  out = Bulletin{};
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.from = ck.date(in.from(), at, "from");
  out.to = ck.date(in.to(), at, "to");
  ck.not_before(out.from, out.to, at, "to", "from");
  out.jurisdiction = in.jurisdiction();
  for (int i = 0; i < in.lines_size(); ++i) {
    const pb::BulletinLine &l = in.lines(i);
    const Path line(at, "lines", i);
    ck.id(l.key(), line, "key", true);
    if (l.cadres() < 0 || l.adjusted_down() < 0 || l.accountability() < 0 || l.unsuitable() < 0) {
      ck.fail(line, {}, "a count is negative");
    } else if (l.adjusted_down() > l.cadres()) {
      ck.fail(line, "adjusted_down", "more than cadres");
    } else if (l.accountability() + l.unsuitable() > l.adjusted_down()) {
      ck.fail(line, "accountability",
              "accountability and unsuitable together exceed adjusted_down");
    }
    out.lines.push_back(
        {l.key(), l.label(), l.cadres(), l.adjusted_down(), l.accountability(), l.unsuitable()});
  }
  for (int i = 0; i < in.by_channel_size(); ++i) {
    const auto &c = in.by_channel(i);
    out.by_channel.emplace_back(
        ck.enumeration<Channel>(c.channel(), Path(at, "by_channel", i), "channel", true),
        c.cadres());
  }
  for (int i = 0; i < in.by_rank_level_size(); ++i) {
    const auto &c = in.by_rank_level(i);
    out.by_rank_level.emplace_back(
        ck.enumeration<RankLevel>(c.rank_level(), Path(at, "by_rank_level", i), "rank_level", true),
        c.cadres());
  }
  return errors.size() == before;
}

bool decode(const pb::DecisionRecord &in, const std::string &path, DecisionRecord &out,
            std::vector<Status> &errors) {
  const std::size_t before = errors.size();
  Checker ck(errors, std::nullopt);
  const Path at(path);
  out = DecisionRecord{};
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  ck.id(in.operation(), at, "operation", true);
  out.operation = in.operation();
  out.as_of = ck.date(in.as_of(), at, "as_of");
  out.catalogue = {in.catalogue().id(), in.catalogue().version(), in.catalogue().content_hash()};
  if (!out.catalogue.content_hash.empty() && !hex64(out.catalogue.content_hash)) {
    ck.fail(Path(at, "catalogue"), "content_hash", "not 64 lowercase hex digits");
  }
  for (const auto &[field, value] : {std::pair{"request_hash", &in.request_hash()},
                                     std::pair{"response_hash", &in.response_hash()}}) {
    if (!hex64(*value)) {
      ck.fail(at, field, "not 64 lowercase hex digits");
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
