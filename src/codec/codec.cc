#include "codec/codec.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver.h>
#include <google/protobuf/util/type_resolver_util.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <exception>
#include <limits>
#include <new>
#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "cadre/v1/calendar.pb.h"
#include "cadre/v1/case_service.pb.h"
#include "cadre/v1/case_store.pb.h"
#include "cadre/v1/catalogue.pb.h"
#include "cadre/v1/eligibility.pb.h"
#include "cadre/v1/followup_service.pb.h"
#include "cadre/v1/identification_service.pb.h"
#include "cadre/v1/procedure.pb.h"
#include "cadre/v1/procedure_definition.pb.h"
#include "cadre/v1/report.pb.h"
#include "cadre/v1/service.pb.h"
#include "cadre/v1/sources.pb.h"
#include "cadre/v1/statistics_service.pb.h"
#include "cadre/v1/tolerance_service.pb.h"
#include "codec/protobuf_log.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

void add_file(const gp::FileDescriptor *file, std::set<std::string> &seen,
              gp::FileDescriptorSet &set) {
  if (!seen.insert(file->name()).second) {
    return;
  }
  for (int i = 0; i < file->dependency_count(); ++i) {
    add_file(file->dependency(i), seen, set);
  }
  file->CopyTo(set.add_file());
}

// Whether name is the name (or JSON name) of a field of type, or of any
// message type reachable from it.
bool names_a_field(const gp::Descriptor *type, std::string_view name,
                   std::set<const gp::Descriptor *> &seen) {
  if (!seen.insert(type).second) {
    return false;
  }
  for (int i = 0; i < type->field_count(); ++i) {
    const gp::FieldDescriptor *f = type->field(i);
    if (f->name() == name || f->json_name() == name) {
      return true;
    }
    if (f->message_type() != nullptr && names_a_field(f->message_type(), name, seen)) {
      return true;
    }
  }
  return false;
}

// The field a protobuf JSON error names, only when it is a field of the
// schema: protobuf's message may quote input values (personal data), and a
// value may well contain the word "field", so no text of the message is kept
// unless it is a field name of the schema.
std::string json_error_field(std::string_view m, const gp::Descriptor *type) {
  constexpr std::string_view kWord = "field";
  for (auto pos = m.find(kWord); pos != std::string_view::npos; pos = m.find(kWord, pos + 1)) {
    std::size_t begin = pos + kWord.size();
    while (begin < m.size() &&
           (m[begin] == ' ' || m[begin] == ':' || m[begin] == '\'' || m[begin] == '"')) {
      ++begin;
    }
    std::size_t end = begin;
    while (end < m.size() &&
           (std::isalnum(static_cast<unsigned char>(m[end])) != 0 || m[end] == '_')) {
      ++end;
    }
    const std::string_view name = m.substr(begin, end - begin);
    std::set<const gp::Descriptor *> seen;
    if (!name.empty() && names_a_field(type, name, seen)) {
      return std::string(name);
    }
  }
  return {};
}

// A ZeroCopyOutputStream into a std::string whose Next() reports an
// allocation failure as a failed write (as the interface expects) instead of
// throwing through libprotobuf.
class StringSink final : public gp::io::ZeroCopyOutputStream {
 public:
  StringSink(std::string &out, std::size_t max_bytes) : out_(&out), max_bytes_(max_bytes) {}
  bool Next(void **data, int *size) override {
    const std::size_t old = out_->size();
    if (old >= max_bytes_) {
      too_large_ = true;
      return false;
    }
    const std::size_t most = std::min<std::size_t>(std::size_t{1} << 30U, max_bytes_ - old);
    const std::size_t grow = std::min(std::max<std::size_t>(old, 4096), most);
    try {
      out_->resize(old + grow);
    } catch (const std::bad_alloc &) {
      failed_ = true;
      return false;
    } catch (const std::length_error &) {
      failed_ = true;
      return false;
    } catch (...) {
      // Any other exception must not unwind through libprotobuf's output
      // stream either (its destructor then writes into a half-made buffer):
      // kept, and thrown again once the stream is gone.
      thrown_ = std::current_exception();
      failed_ = true;
      return false;
    }
    *data = out_->data() + old;
    *size = static_cast<int>(grow);
    return true;
  }
  void BackUp(int count) override { out_->resize(out_->size() - static_cast<std::size_t>(count)); }
  [[nodiscard]] std::int64_t ByteCount() const override {
    return static_cast<std::int64_t>(out_->size());
  }
  [[nodiscard]] bool failed() const noexcept { return failed_; }
  [[nodiscard]] bool too_large() const noexcept { return too_large_; }
  // Throws again what an allocation threw other than std::bad_alloc.
  void rethrow() const {
    if (thrown_) std::rethrow_exception(thrown_);
  }

 private:
  std::string *out_;
  std::size_t max_bytes_;
  bool failed_ = false;
  bool too_large_ = false;
  std::exception_ptr thrown_;
};

// The type resolver of the generated messages, for the JSON transcoder.
gp::util::TypeResolver *type_resolver() {
  static gp::util::TypeResolver *const resolver = gp::util::NewTypeResolverForDescriptorPool(
      "type.googleapis.com", gp::DescriptorPool::generated_pool());
  return resolver;
}

}  // namespace

bool json_to_message(std::string_view text, gp::Message &msg, std::string *error) {
  gp::util::JsonParseOptions opts;
  opts.ignore_unknown_fields = false;
  std::string binary;
  gp::io::ArrayInputStream in(text.data(), static_cast<int>(text.size()));
  StringSink sink(binary, std::numeric_limits<std::size_t>::max());
  const auto st = gp::util::JsonToBinaryStream(
      type_resolver(), "type.googleapis.com/" + msg.GetDescriptor()->full_name(), &in, &sink, opts);
  if (sink.failed()) {
    sink.rethrow();
    throw std::bad_alloc();
  }
  if (!st.ok()) {
    if (error != nullptr) {
      *error = std::string(st.message());
    }
    return false;
  }
  if (!msg.ParseFromString(binary)) {
    if (error != nullptr) {
      *error = "JSON transcoder produced invalid protobuf output.";
    }
    return false;
  }
  return true;
}

Status parse(const std::uint8_t *bytes, std::size_t size, Format format, gp::Message &msg,
             std::string_view what) {
  if (size > kMaxInputBytes) {
    return {StatusCode::kResourceExhausted, "larger than 2 GiB", std::string(what)};
  }
  if (bytes == nullptr && size != 0) {
    return invalid_argument(std::string(what), "NULL with a non-zero size");
  }
  const std::string type = msg.GetDescriptor()->full_name();
  ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  if (format == Format::kBinary) {
    if (!msg.ParseFromArray(bytes, static_cast<int>(size))) {
      const std::string detail = log.detail();
      return invalid_argument(std::string(what), "not a valid " + type + " in protobuf binary" +
                                                     (detail.empty() ? "" : ": " + detail));
    }
    return {};
  }
  if (format != Format::kJson) {
    return invalid_argument("format", "unknown format " + std::to_string(static_cast<int>(format)));
  }
  const std::string_view text(reinterpret_cast<const char *>(bytes), size);
  if (std::string m; !json_to_message(text, msg, &m)) {
    const std::string field = json_error_field(m, msg.GetDescriptor());
    return invalid_argument(std::string(what), "not a valid " + type + " in protobuf JSON" +
                                                   (field.empty() ? "" : " near field " + field));
  }
  return {};
}

Status serialize(const gp::Message &msg, Format format, std::string &out) {
  return serialize(msg, format, out, std::numeric_limits<std::size_t>::max());
}

Status serialize(const gp::Message &msg, Format format, std::string &out, std::size_t max_bytes) {
  ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
  const auto over = [max_bytes] {
    return Status{StatusCode::kResourceExhausted,
                  "the output would be larger than " + std::to_string(max_bytes) + " bytes"};
  };
  if (format == Format::kBinary) {
    if (msg.ByteSizeLong() > max_bytes) {
      out.clear();
      return over();
    }
    if (!msg.SerializeToString(&out)) {
      return {StatusCode::kInternal, "could not serialize " + msg.GetDescriptor()->full_name()};
    }
    return {};
  }
  gp::util::JsonPrintOptions opts;
  opts.preserve_proto_field_names = true;
  // Not MessageToJsonString: its std::string stream lets an allocation
  // failure unwind through libprotobuf's output stream, which then crashes in
  // its destructor. This sink turns the failure into a failed write instead.
  gp::util::TypeResolver *const resolver = type_resolver();
  const std::string binary = msg.SerializeAsString();
  gp::io::ArrayInputStream in(binary.data(), static_cast<int>(binary.size()));
  out.clear();
  StringSink sink(out, max_bytes);
  const auto st = gp::util::BinaryToJsonStream(
      resolver, "type.googleapis.com/" + msg.GetDescriptor()->full_name(), &in, &sink, opts);
  if (sink.too_large()) {
    out.clear();
    return over();
  }
  if (sink.failed()) {
    out.clear();
    sink.rethrow();
    return {StatusCode::kResourceExhausted, "out of memory"};
  }
  if (!st.ok()) {
    return {StatusCode::kInternal, "could not print " + msg.GetDescriptor()->full_name()};
  }
  return {};
}

StatusOr<Date> parse_date(std::string_view text, const std::string &path) {
  const auto d = Date::parse(text);
  if (!d) {
    return invalid_argument(path, "not a date of the form YYYY-MM-DD");
  }
  return *d;
}

namespace {

// Writes @p value into the string field @p s. A string too small for it grows
// to a power of two (32 bytes at least), not to the value's exact size: the
// strings of reused messages (StreamScreener::recycle) are filled again with
// texts of other lengths, and with coarse capacities they stop growing after a
// few pushes instead of reallocating whenever a longer text lands in them.
void set_text(std::string *s, std::string_view value) {
  if (s->capacity() < value.size()) {
    s->reserve(std::bit_ceil(std::max<std::size_t>(value.size(), 32)));
  }
  s->assign(value);
}

}  // namespace

void encode(const LocalizedText &in, pb::LocalizedText &out) {
  set_text(out.mutable_zh_cn(), in.zh_cn);
  set_text(out.mutable_en(), in.en);
}

void encode(const Citation &in, pb::Citation &out) {
  set_text(out.mutable_document(), in.document);
  set_text(out.mutable_document_number(), in.document_number);
  out.set_year(in.year);
  set_text(out.mutable_article(), in.article);
  set_text(out.mutable_item(), in.item);
  out.set_verification(static_cast<pb::Verification>(in.verification));
  set_text(out.mutable_supports(), in.supports);
  set_text(out.mutable_key(), in.key);
  out.set_evidence(in.evidence);
}

void encode(const std::vector<Citation> &in, gp::RepeatedPtrField<pb::Citation> &out) {
  out.Reserve(out.size() + static_cast<int>(in.size()));
  for (const Citation &c : in) {
    encode(c, *out.Add());
  }
}

void encode(const RecordRef &in, pb::RecordRef &out) {
  out.set_kind(static_cast<pb::RecordKind>(in.kind));
  set_text(out.mutable_id(), in.id);
  set_text(out.mutable_cadre_id(), in.cadre_id);
}

void encode(const Finding &in, pb::Finding &out) {
  set_text(out.mutable_cadre_id(), in.cadre_id);
  set_text(out.mutable_rule_id(), in.rule_id);
  out.set_channel(static_cast<pb::Channel>(in.channel));
  out.set_heading(static_cast<pb::Heading>(in.heading));
  encode(in.citations, *out.mutable_citations());
  // Room first in each list: protobuf's Add() leaks the element it made when
  // growing its array fails (std::bad_alloc).
  out.mutable_facts()->Reserve(out.facts_size() + static_cast<int>(in.facts.size()));
  for (const Fact &f : in.facts) {
    pb::Fact *o = out.add_facts();
    set_text(o->mutable_name(), f.name);
    set_text(o->mutable_value(), f.value);
    set_text(o->mutable_field_path(), f.field_path);
  }
  encode(in.explanation, *out.mutable_explanation());
  for (AdjustmentMethod m : in.allowed_methods) {
    out.add_allowed_methods(static_cast<pb::AdjustmentMethod>(m));
  }
  out.set_determination(static_cast<pb::Determination>(in.determination));
  out.set_effective_date(in.effective_date.to_string());
  out.mutable_records()->Reserve(out.records_size() + static_cast<int>(in.records.size()));
  for (const RecordRef &r : in.records) {
    encode(r, *out.add_records());
  }
  out.set_procedure(static_cast<pb::ProcedureKind>(in.procedure));
  if (in.first_deadline) {
    out.set_first_deadline(in.first_deadline->to_string());
  }
  if (!in.catalogue.id.empty()) {
    pb::CatalogueRef *c = out.mutable_catalogue();
    set_text(c->mutable_id(), in.catalogue.id);
    set_text(c->mutable_version(), in.catalogue.version);
    set_text(c->mutable_content_hash(), in.catalogue.content_hash);
  }
  out.set_status(static_cast<pb::FindingStatus>(in.status));
  if (!in.next_step.zh_cn.empty() || !in.next_step.en.empty()) {
    encode(in.next_step, *out.mutable_next_step());
  }
  for (const ExemptionNote &n : in.exemptions) {
    encode(n, *out.add_exemptions());
  }
}

void encode(const ExemptionNote &in, pb::ExemptionNote &out) {
  set_text(out.mutable_claim_id(), in.claim_id);
  out.mutable_record()->set_kind(static_cast<pb::RecordKind>(in.record.kind));
  out.mutable_record()->set_id(in.record.id);
  out.mutable_record()->set_cadre_id(in.record.cadre_id);
  out.set_outcome(static_cast<pb::ExemptionOutcome>(in.outcome));
  encode(in.citations, *out.mutable_citations());
  encode(in.explanation, *out.mutable_explanation());
  set_text(out.mutable_rule_id(), in.rule_id);
}

void encode(const ScreenSummary &in, pb::ScreenSummary &out) {
  out.set_cadres_screened(in.cadres_screened);
  out.set_records_rejected(in.records_rejected);
  out.set_cadres_down(in.cadres_down);
  out.set_accountability(in.accountability);
  out.set_unsuitable(in.unsuitable);
  out.set_bureau_level_or_above(in.bureau_level_or_above);
  out.set_followup_plans_open(in.followup_plans_open);
  out.set_followup_talks_overdue(in.followup_talks_overdue);
  out.set_reappointed_this_year(in.reappointed_this_year);
  out.mutable_by_channel()->Reserve(out.by_channel_size() + static_cast<int>(in.by_channel.size()));
  for (const auto &[channel, n] : in.by_channel) {
    auto *c = out.add_by_channel();
    c->set_channel(static_cast<pb::Channel>(channel));
    c->set_cadres(n);
  }
  out.mutable_by_rank_level()->Reserve(out.by_rank_level_size() +
                                       static_cast<int>(in.by_rank_level.size()));
  for (const auto &[level, n] : in.by_rank_level) {
    auto *c = out.add_by_rank_level();
    c->set_rank_level(static_cast<pb::RankLevel>(level));
    c->set_cadres(n);
  }
}

std::string descriptor_set() {
  gp::FileDescriptorSet set;
  std::set<std::string> seen;
  // Every file of the schema (proto/CMakeLists.txt), each with what it imports: a binding
  // builds the messages of every operation, option and text format from this set.
  for (const gp::FileDescriptor *file :
       {pb::ScreenRequest::descriptor()->file(), pb::EligibilityRequest::descriptor()->file(),
        pb::CalendarDayRequest::descriptor()->file(), pb::CaseOpenRequest::descriptor()->file(),
        pb::CaseStoreRecord::descriptor()->file(), pb::Operation::descriptor()->file(),
        pb::Catalogue::descriptor()->file(), pb::ProcedureCase::descriptor()->file(),
        pb::ProcedureDefinitions::descriptor()->file(), pb::Sources::descriptor()->file(),
        pb::ToleranceEvaluateRequest::descriptor()->file(),
        pb::FollowUpPlanRequest::descriptor()->file(), pb::StatisticsRequest::descriptor()->file(),
        pb::IdentifyRequest::descriptor()->file(), pb::RenderReportRequest::descriptor()->file()}) {
    add_file(file, seen, set);
  }
  return set.SerializeAsString();
}

}  // namespace cadre::codec
