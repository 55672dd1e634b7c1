#include "service/response_writer.hpp"

#include <algorithm>
#include <utility>

namespace cadre::service {
namespace gp = ::google::protobuf;

namespace {

constexpr std::size_t kMinChunk = std::size_t{4} << 10U;
constexpr std::size_t kMaxChunk = std::size_t{1} << 20U;

// The fields of @p type in the order of their numbers (protobuf's order).
std::vector<const gp::FieldDescriptor *> fields_by_number(const gp::Descriptor *type) {
  std::vector<const gp::FieldDescriptor *> fields;
  fields.reserve(static_cast<std::size_t>(type->field_count()));
  for (int i = 0; i < type->field_count(); ++i) {
    fields.push_back(type->field(i));
  }
  std::sort(fields.begin(), fields.end(),
            [](const auto *a, const auto *b) { return a->number() < b->number(); });
  return fields;
}

}  // namespace

void Chunks::append(std::string_view bytes) {
  if (bytes.empty()) {
    return;
  }
  if (chunks_.empty() || chunks_.back().capacity() - chunks_.back().size() < bytes.size()) {
    // Chunks grow with the output up to 1 MiB: a few for a small output.
    std::string next;
    next.reserve(std::max(std::clamp(size_, kMinChunk, kMaxChunk), bytes.size()));
    chunks_.push_back(std::move(next));
  }
  chunks_.back().append(bytes);
  size_ += bytes.size();
}

void Chunks::move_to(std::string &out) {
  for (std::string &c : chunks_) {
    out.append(c);
    std::string().swap(c);
  }
  chunks_.clear();
  size_ = 0;
}

ResponseWriter::ResponseWriter(const gp::Message &response, codec::Format format)
    : format_(format), scratch_(response.New()) {
  for (const gp::FieldDescriptor *f : fields_by_number(response.GetDescriptor())) {
    // Repeated messages are written as they come; the rest (singular fields,
    // maps, packed scalars) at the end, whole.
    if (f->is_repeated() && !f->is_map() && f->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE) {
      repeated_.push_back(Field{f, {}, 0});
    }
  }
}

Status ResponseWriter::field_alone(gp::Message &response, const gp::FieldDescriptor *f,
                                   std::string &out) {
  out.clear();
  scratch_->Clear();
  const gp::Reflection *r = response.GetReflection();
  r->SwapFields(&response, scratch_.get(), {f});
  Status st = codec::serialize(*scratch_, format_, text_);
  r->SwapFields(&response, scratch_.get(), {f});
  if (!st.ok()) {
    return st;
  }
  if (format_ == codec::Format::kBinary) {
    out.swap(text_);
    return {};
  }
  // {"name":value} -> "name":value
  if (text_.size() < 2 || text_.front() != '{' || text_.back() != '}') {
    return {StatusCode::kInternal, "unexpected JSON of " + f->full_name()};
  }
  out.assign(text_, 1, text_.size() - 2);
  return {};
}

Status ResponseWriter::flush(gp::Message &response) {
  const gp::Reflection *r = response.GetReflection();
  std::string fragment;
  for (Field &field : repeated_) {
    const int n = r->FieldSize(response, field.field);
    if (n == 0) {
      continue;
    }
    if (Status st = field_alone(response, field.field, fragment); !st.ok()) {
      return st;
    }
    std::string_view bytes = fragment;
    if (format_ == codec::Format::kJson) {
      // "name":[e1,e2] -> e1,e2
      const std::string open = "\"" + field.field->name() + "\":[";
      if (bytes.size() < open.size() + 1 || bytes.substr(0, open.size()) != open ||
          bytes.back() != ']') {
        return {StatusCode::kInternal, "unexpected JSON of " + field.field->full_name()};
      }
      bytes = bytes.substr(open.size(), bytes.size() - open.size() - 1);
      if (field.count != 0) {
        field.bytes.append(",");
      }
    }
    field.bytes.append(bytes);
    field.count += static_cast<std::size_t>(n);
    r->ClearField(&response, field.field);  // the cleared elements are kept for reuse
  }
  return {};
}

Status ResponseWriter::finish(gp::Message &response, std::string &out) {
  out.clear();
  if (Status st = flush(response); !st.ok()) {
    return st;
  }
  const gp::Reflection *r = response.GetReflection();
  const std::vector<const gp::FieldDescriptor *> fields =
      fields_by_number(response.GetDescriptor());
  // The parts in the order of field numbers: a singular field's bytes, or the
  // elements of a repeated field.
  struct Part {
    std::string alone;
    Field *elements = nullptr;
  };
  std::vector<Part> parts;
  parts.reserve(fields.size());
  std::size_t total = 2;
  for (const gp::FieldDescriptor *f : fields) {
    auto it = std::find_if(repeated_.begin(), repeated_.end(),
                           [f](const Field &x) { return x.field == f; });
    if (it != repeated_.end()) {
      if (it->count != 0) {
        parts.push_back(Part{{}, &*it});
        total += it->bytes.size() + f->name().size() + 6;
      }
      continue;
    }
    if (f->is_repeated() ? r->FieldSize(response, f) == 0 : !r->HasField(response, f)) {
      continue;
    }
    Part p;
    if (Status st = field_alone(response, f, p.alone); !st.ok()) {
      return st;
    }
    if (!p.alone.empty()) {
      total += p.alone.size() + 1;
      parts.push_back(std::move(p));
    }
  }
  const bool json = format_ == codec::Format::kJson;
  out.reserve(total);
  if (json) {
    out += '{';
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (json && i != 0) {
      out += ',';
    }
    if (parts[i].elements == nullptr) {
      out += parts[i].alone;
      continue;
    }
    if (json) {
      out += "\"" + parts[i].elements->field->name() + "\":[";
    }
    parts[i].elements->bytes.move_to(out);
    if (json) {
      out += ']';
    }
  }
  if (json) {
    out += '}';
  }
  return {};
}

}  // namespace cadre::service
