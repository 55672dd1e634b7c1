#include "codec/check.hpp"

#include <cmath>

#include "codec/codec.hpp"

namespace cadre::codec::detail {

void Path::append_to(std::string &out) const {
  if (parent_ != nullptr) {
    parent_->append_to(out);
  }
  if (!name_.empty()) {
    if (!out.empty()) {
      out += '.';
    }
    out += name_;
  }
  if (index_ >= 0) {
    out += '[';
    out += std::to_string(index_);
    out += ']';
  }
}

std::string Path::str(std::string_view leaf) const {
  std::string out;
  out.reserve(64);
  append_to(out);
  if (!leaf.empty()) {
    if (!out.empty()) {
      out += '.';
    }
    out += leaf;
  }
  return out;
}

void Checker::fail(const Path &at, std::string_view leaf, std::string message) {
  errors_->push_back(invalid_argument(at.str(leaf), std::move(message)));
}

void Checker::unknown_enum(int number, const Path &at, std::string_view leaf) {
  fail(at, leaf, "value " + std::to_string(number) + " is unknown to this version of cadre");
}

void Checker::text_failed(std::size_t size, const Path &at, std::string_view leaf,
                          std::size_t max) {
  if (size == 0) {
    fail(at, leaf, "required");
  } else {
    fail(at, leaf, "longer than " + std::to_string(max) + " bytes");
  }
}

void Checker::id_failed(std::string_view value, const Path &at, std::string_view leaf,
                        bool required) {
  if (value.empty()) {
    if (required) {
      fail(at, leaf, "required");
    }
  } else if (value.size() > kMaxTextBytes) {
    fail(at, leaf, "longer than " + std::to_string(kMaxTextBytes) + " bytes");
  } else if (!is_valid_id(value)) {
    fail(at, leaf, "contains a control character (such as NUL or a line break)");
  }
}

void Checker::region_code(std::string_view value, const Path &at, std::string_view leaf,
                          bool required) {
  if (value.empty()) {
    if (required) {
      fail(at, leaf, "required");
    }
    return;
  }
  const bool ok = value.size() == 6 && std::all_of(value.begin(), value.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
  if (!ok) {
    fail(at, leaf, "not a six-digit administrative division code");
  }
}

void Checker::order_failed(const Path &at, std::string_view leaf, std::string_view what,
                           std::string_view other) {
  fail(at, leaf, std::string(what) + std::string(other));
}

void Checker::within_failed(double lo, double hi, const Path &at, std::string_view leaf) {
  const auto fmt = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  fail(at, leaf, "not within " + fmt(lo) + " and " + fmt(hi));
}

void Checker::bounded_failed(int max, const Path &at, std::string_view leaf) {
  fail(at, leaf, "more than " + std::to_string(max) + " records");
}

}  // namespace cadre::codec::detail
