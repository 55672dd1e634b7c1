// The golden end-to-end run of issue 11 through the C ABI alone (cadre/cadre.h): the steps and
// the answers expected are data (examples/golden/golden.json), the same that
// tests/python/test_golden.py and tests/cli/golden.cmake run through Python and the command
// line. An accountability decision (问责, 免职) -> a 容错 claim evaluated -> the 容错认定 case
// decides 从轻 with a shortened impact period -> the host merges the decided claim into the
// cadre's record -> the follow-up plan, its talks and training -> re-appointment (重新任用)
// refused the day before the shortened period ends and decided on the day it ends.
//
// The test speaks JSON to the library, as a host without protobuf does; the small JSON reader
// and writer below are the test's own (nothing of the library's C++ is used).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cadre/cadre.h"

namespace {

struct JsonMember;

// A JSON value: null, bool, number (as written), string, array or object (in order).
struct Json {
  enum class Kind : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // kNumber: the digits; kString: the string
  std::vector<Json> items;
  // A vector of a type completed below (std::pair<std::string, Json> here would need Json
  // complete, which clang's libstdc++ instantiation refuses).
  std::vector<JsonMember> members;

  [[nodiscard]] const Json *get(const std::string &name) const;
  Json *find(const std::string &name);
  Json &set(const std::string &name, Json value);
  static Json str(std::string s);
  static Json boolean_of(bool b);
};

// One member of an object: its name and its value.
struct JsonMember {
  std::string first;
  Json second;
};

Json Json::str(std::string s) {
  Json j;
  j.kind = Kind::kString;
  j.text = std::move(s);
  return j;
}

Json Json::boolean_of(bool b) {
  Json j;
  j.kind = Kind::kBool;
  j.boolean = b;
  return j;
}

const Json *Json::get(const std::string &name) const {
  for (const auto &[k, v] : members) {
    if (k == name) {
      return &v;
    }
  }
  return nullptr;
}

Json *Json::find(const std::string &name) {
  for (auto &[k, v] : members) {
    if (k == name) {
      return &v;
    }
  }
  return nullptr;
}

Json &Json::set(const std::string &name, Json value) {
  for (auto &[k, v] : members) {
    if (k == name) {
      v = std::move(value);
      return v;
    }
  }
  members.push_back(JsonMember{name, std::move(value)});
  return members.back().second;
}

class Reader {
 public:
  explicit Reader(const std::string &s) : s_(s) {}

  bool read(Json &out) {
    if (!value(out)) {
      return false;
    }
    space();
    return i_ == s_.size();
  }

 private:
  void space() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) {
      ++i_;
    }
  }
  bool literal(const char *word) {
    const std::string w(word);
    if (s_.compare(i_, w.size(), w) != 0) {
      return false;
    }
    i_ += w.size();
    return true;
  }
  static void utf8(std::string &out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool string(std::string &out) {
    if (i_ >= s_.size() || s_[i_] != '"') {
      return false;
    }
    ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) {
        return false;
      }
      c = s_[i_++];
      switch (c) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          if (i_ + 4 > s_.size()) {
            return false;
          }
          const unsigned cp = static_cast<unsigned>(std::stoul(s_.substr(i_, 4), nullptr, 16));
          i_ += 4;
          utf8(out, cp);  // the library's JSON escapes no surrogate pairs in these answers
          break;
        }
        default:
          out += c;
      }
    }
    if (i_ >= s_.size()) {
      return false;
    }
    ++i_;
    return true;
  }
  bool value(Json &out) {
    space();
    if (i_ >= s_.size()) {
      return false;
    }
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      out.kind = Json::Kind::kObject;
      space();
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return true;
      }
      while (true) {
        space();
        std::string name;
        Json v;
        if (!string(name)) {
          return false;
        }
        space();
        if (i_ >= s_.size() || s_[i_++] != ':' || !value(v)) {
          return false;
        }
        out.members.push_back(JsonMember{std::move(name), std::move(v)});
        space();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == '}') {
          ++i_;
          return true;
        }
        return false;
      }
    }
    if (c == '[') {
      ++i_;
      out.kind = Json::Kind::kArray;
      space();
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return true;
      }
      while (true) {
        Json v;
        if (!value(v)) {
          return false;
        }
        out.items.push_back(std::move(v));
        space();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ']') {
          ++i_;
          return true;
        }
        return false;
      }
    }
    if (c == '"') {
      out.kind = Json::Kind::kString;
      return string(out.text);
    }
    if (literal("true")) {
      out = Json::boolean_of(true);
      return true;
    }
    if (literal("false")) {
      out = Json::boolean_of(false);
      return true;
    }
    if (literal("null")) {
      out.kind = Json::Kind::kNull;
      return true;
    }
    out.kind = Json::Kind::kNumber;
    while (i_ < s_.size() && std::string("+-.eE0123456789").find(s_[i_]) != std::string::npos) {
      out.text += s_[i_++];
    }
    return !out.text.empty();
  }

  const std::string &s_;
  std::size_t i_ = 0;
};

void write(const Json &j, std::string &out) {
  switch (j.kind) {
    case Json::Kind::kNull:
      out += "null";
      return;
    case Json::Kind::kBool:
      out += j.boolean ? "true" : "false";
      return;
    case Json::Kind::kNumber:
      out += j.text;
      return;
    case Json::Kind::kString:
      out += '"';
      for (const char c : j.text) {
        if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else if (c == '\n') {
          out += "\\n";
        } else {
          out += c;
        }
      }
      out += '"';
      return;
    case Json::Kind::kArray:
      out += '[';
      for (std::size_t i = 0; i < j.items.size(); ++i) {
        if (i != 0) {
          out += ',';
        }
        write(j.items[i], out);
      }
      out += ']';
      return;
    case Json::Kind::kObject:
      out += '{';
      for (std::size_t i = 0; i < j.members.size(); ++i) {
        if (i != 0) {
          out += ',';
        }
        write(Json::str(j.members[i].first), out);
        out += ':';
        write(j.members[i].second, out);
      }
      out += '}';
      return;
  }
}

std::string dump(const Json &j) {
  std::string out;
  write(j, out);
  return out;
}

Json parse(const std::string &text, const std::string &what) {
  Json j;
  EXPECT_TRUE(Reader(text).read(j)) << what << " is not JSON";
  return j;
}

Json load(const std::string &name) {
  const std::string path = std::string(CADRE_EXAMPLES_DIR) + "/golden/" + name;
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f.good()) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  return parse(ss.str(), path);
}

// Equality of an answer's value with the expected one; numbers by their value.
bool same(const Json &got, const Json &want) {
  if (got.kind == Json::Kind::kNumber && want.kind == Json::Kind::kNumber) {
    return std::stod(got.text) == std::stod(want.text);
  }
  if (got.kind == Json::Kind::kString && want.kind == Json::Kind::kNumber) {
    return got.text == want.text;  // int64 fields are strings in protobuf JSON
  }
  if (got.kind != want.kind) {
    return false;
  }
  switch (got.kind) {
    case Json::Kind::kNull:
      return true;
    case Json::Kind::kBool:
      return got.boolean == want.boolean;
    case Json::Kind::kString:
      return got.text == want.text;
    case Json::Kind::kArray:
      if (got.items.size() != want.items.size()) {
        return false;
      }
      for (std::size_t i = 0; i < got.items.size(); ++i) {
        if (!same(got.items[i], want.items[i])) {
          return false;
        }
      }
      return true;
    default:
      return dump(got) == dump(want);
  }
}

// A value at its default, as protobuf JSON leaves it out.
bool is_default(const Json &want) {
  switch (want.kind) {
    case Json::Kind::kBool:
      return !want.boolean;
    case Json::Kind::kNumber:
      return std::stod(want.text) == 0;
    case Json::Kind::kString:
      return want.text.empty();
    case Json::Kind::kArray:
      return want.items.empty();
    default:
      return false;
  }
}

const Json *at(const Json &root, const Json &path) {
  const Json *v = &root;
  for (const Json &part : path.items) {
    if (part.kind == Json::Kind::kNumber) {
      const auto i = static_cast<std::size_t>(std::stoul(part.text));
      if (v->kind != Json::Kind::kArray || i >= v->items.size()) {
        return nullptr;
      }
      v = &v->items[i];
    } else {
      v = v->get(part.text);
      if (v == nullptr) {
        return nullptr;
      }
    }
  }
  return v;
}

void check(const Json &step, const Json &answer, const std::string &where) {
  for (const Json &c : step.get("checks")->items) {
    const Json &path = *c.get("path");
    const Json *got = at(answer, path);
    const std::string here = where + " " + dump(path);
    if (const Json *want = c.get("equals")) {
      if (got == nullptr) {
        EXPECT_TRUE(is_default(*want)) << here << ": missing, expected " << dump(*want);
      } else {
        EXPECT_TRUE(same(*got, *want))
            << here << ": " << dump(*got) << ", expected " << dump(*want);
      }
    }
    if (const Json *want = c.get("has")) {
      ASSERT_TRUE(got != nullptr && got->kind == Json::Kind::kArray) << here;
      bool found = false;
      for (const Json &item : got->items) {
        bool all = true;
        for (const auto &[k, v] : want->members) {
          const Json *field = item.get(k);
          all = all && field != nullptr && same(*field, v);
        }
        found = found || all;
      }
      EXPECT_TRUE(found) << here << ": no element with " << dump(*want) << " in " << dump(*got);
    }
  }
}

struct Engine {
  cadre_engine *engine = nullptr;
  cadre_store *store = nullptr;
  ~Engine() {
    cadre_store_close(store);
    cadre_engine_free(engine);
  }
};

// Runs an operation with a JSON request; the answer, or the status and the field of the error.
struct Answer {
  int status = CADRE_OK;
  std::string field;
  Json json;
};

Answer run(const Engine &e, const char *operation, const Json &request) {
  const std::string bytes = dump(request);
  cadre_buffer out{};
  cadre_error *err = nullptr;
  Answer a;
  a.status = cadre_store_call(&out, e.engine, e.store, operation,
                              reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                              CADRE_FORMAT_JSON, &err);
  if (a.status == CADRE_OK) {
    a.json = parse(std::string(reinterpret_cast<const char *>(out.data), out.size), operation);
  } else {
    a.field = cadre_error_field(err) != nullptr ? cadre_error_field(err) : "";
  }
  cadre_error_free(err);
  cadre_buffer_dispose(&out);
  return a;
}

TEST(GoldenRun, TheSameAnswersThroughTheCAbi) {
  const Json golden = load("golden.json");
  Json roster = load("roster.json");
  Json cadre = roster.get("cadres")->items.at(0);
  ASSERT_EQ(cadre.get("id")->text, golden.get("cadre")->text);
  const std::string plan_id = golden.get("plan_id")->text;
  const std::string case_id = golden.get("case_id")->text;

  Engine e;
  ASSERT_EQ(cadre_engine_new(&e.engine, nullptr, 0, CADRE_FORMAT_JSON, nullptr), CADRE_OK);
  const std::string db = ::testing::TempDir() + "cadre-golden-capi.db";
  std::remove(db.c_str());
  std::remove((db + "-wal").c_str());
  std::remove((db + "-shm").c_str());
  ASSERT_EQ(cadre_store_open(&e.store, db.c_str(), nullptr, 0, CADRE_FORMAT_JSON, nullptr),
            CADRE_OK);

  const auto with_plan = [&](const Json &plan) {
    Json plans;
    plans.kind = Json::Kind::kArray;
    plans.items.push_back(plan);
    cadre.set("follow_up_plans", plans);
  };
  Json decided;
  int n = 0;
  for (const Json &step : golden.get("steps")->items) {
    const std::string kind = step.get("step")->text;
    const std::string where = "step " + std::to_string(n++) + " (" + kind + ")";
    Json request;
    request.kind = Json::Kind::kObject;
    const char *operation = nullptr;
    if (kind == "evaluate") {
      operation = "tolerance_evaluate";
      request.set("claim", load(step.get("claim")->text));
    } else if (kind == "plan") {
      operation = "followup_plan";
      request.set("as_of", *step.get("as_of"));
      request.set("cadre", cadre);
      request.set("adjustment_id", *step.get("adjustment"));
      request.set("plan_id", Json::str(plan_id));
    } else if (kind == "record") {
      operation = "followup_record";
      request = load(step.get("file")->text);
      request.set("as_of", *step.get("as_of"));
      request.set("cadre", cadre);
      request.set("plan_id", Json::str(plan_id));
    } else if (kind == "case_open") {
      operation = "case_open";
      request.set("case_id", Json::str(case_id));
      request.set("cadre", cadre);
      request.set("exemption_claim_id", *step.get("claim_id"));
    } else if (kind == "case_record") {
      operation = "case_record";
      request.set("case_id", Json::str(case_id));
      request.set("event", load(step.get("file")->text));
    } else if (kind == "merge_decision") {
      // The host's part: the decided claim in place of the pending one with its id.
      ASSERT_EQ(decided.kind, Json::Kind::kObject) << where << ": no decision recorded";
      bool merged = false;
      Json *claims = cadre.find("exemption_claims");
      ASSERT_NE(claims, nullptr) << where;
      for (Json &claim : claims->items) {
        if (claim.get("id") != nullptr && claim.get("id")->text == decided.get("id")->text) {
          claim = decided;
          merged = true;
        }
      }
      ASSERT_TRUE(merged) << where;
      continue;
    } else if (kind == "due") {
      operation = "followup_due";
      request.set("as_of", *step.get("as_of"));
      Json cadres;
      cadres.kind = Json::Kind::kArray;
      cadres.items.push_back(cadre);
      request.set("cadres", cadres);
      if (const Json *o = step.get("overdue_only")) {
        request.set("overdue_only", *o);
      }
    } else if (kind == "outcome") {
      operation = "followup_outcome";
      request = load(step.get("facts")->text);
      request.set("as_of", *step.get("as_of"));
      request.set("cadre", cadre);
      request.set("plan_id", Json::str(plan_id));
      request.set("kind", *step.get("kind"));
      request.set("record_id", *step.get("record_id"));
      if (const Json *c = step.get("check_only")) {
        request.set("check_only", *c);
      }
    } else {
      FAIL() << where << ": unknown step";
    }
    const Answer a = run(e, operation, request);
    if (const Json *status = step.get("status")) {
      EXPECT_STREQ(cadre_status_name(a.status), status->text.c_str()) << where;
      EXPECT_EQ(a.field, step.get("field")->text) << where;
      continue;
    }
    ASSERT_EQ(a.status, CADRE_OK) << where << ": " << cadre_status_name(a.status) << " " << a.field;
    check(step, a.json, where);
    if (kind == "plan" || kind == "record" ||
        (kind == "outcome" &&
         (step.get("check_only") == nullptr || !step.get("check_only")->boolean))) {
      with_plan(*a.json.get("plan"));
    }
    if (kind == "case_record") {
      const Json *exemption = at(a.json, parse(R"(["case","exemption"])", "path"));
      if (exemption != nullptr && exemption->get("decided") != nullptr &&
          exemption->get("decided")->boolean) {
        decided = *exemption->get("claim");
      }
    }
  }
}

}  // namespace
