// cadre validate: every error of a roster with its field path.
#include <fstream>
#include <iostream>
#include <map>

#include "cadre/cadre.hpp"
#include "cli.hpp"
#include "codec/codec.hpp"
#include "codec/roster_references.hpp"
#include "codec/stream.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

std::optional<std::pair<int, std::string>> split_cadre_path(const std::string &field) {
  constexpr std::string_view kPrefix = "cadres[";
  if (field.rfind(kPrefix, 0) != 0) return std::nullopt;
  const auto close = field.find(']');
  if (close == std::string::npos) return std::nullopt;
  int index = 0;
  try {
    index = std::stoi(field.substr(kPrefix.size(), close - kPrefix.size()));
  } catch (const std::exception &) {
    return std::nullopt;
  }
  std::string rest = field.substr(close + 1);
  if (!rest.empty() && rest.front() == '.') rest.erase(0, 1);
  return std::make_pair(index, rest);
}

void print_error(std::ostream &os, const std::string &record, const std::string &id,
                 const std::string &field, const std::string &message) {
  os << record;
  if (!id.empty()) os << " (id " << id << ")";
  os << ": ";
  if (!field.empty()) os << field << ": ";
  os << message << "\n";
}

}  // namespace

int cmd_validate(const Args &args) {
  po::options_description desc("cadre validate [options] FILE");
  std::string path;
  std::string as_of_s;
  desc.add_options()("help,h", "show this help")("file", po::value(&path)->required(),
                                                 "roster: .json, .pb or .cadres")(
      "as-of", po::value(&as_of_s),
      "dates after this day are errors (default: the header's extraction day, if any)");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (auto code = parse_options("validate", args, desc, pos, vm)) {
    return *code;
  }
  std::optional<cadre::Date> as_of;
  if (!as_of_s.empty()) {
    as_of = cadre::Date::parse(as_of_s);
    if (!as_of) {
      std::cerr << "cadre validate: --as-of must be a date YYYY-MM-DD\n";
      return kExitUsage;
    }
  }
  const auto format = codec::roster_format_from_path(path);
  if (!format) {
    std::cerr << "cadre validate: " << path << ": the extension must be .json, .pb or .cadres\n";
    return kExitUsage;
  }
  std::uint64_t error_count = 0;
  std::vector<cadre::Status> errors;
  if (*format == codec::RosterFormat::kStream) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "cadre validate: cannot read " << path << "\n";
      return kExitInput;
    }
    codec::StreamReader reader(in);
    pb::RosterRecord record;
    std::map<int, std::uint64_t> counts;  // per record kind
    cadre::Cadre cadre_out;
    cadre::RosterHeader header_out;
    cadre::Region region_out;
    cadre::Unit unit_out;
    cadre::LeadershipTeam team_out;
    cadre::PeerGroup group_out;
    cadre::UnitSpecialAssessment assessment_out;
    // Across records (ids, references): only the keys are held.
    codec::RosterReferences references;
    std::vector<codec::RecordFinding> found;
    while (reader.next(record)) {
      errors.clear();
      found.clear();
      const auto kind = static_cast<int>(record.record_case());
      const std::uint64_t index = counts[kind]++;
      const auto name = [&](std::string_view list) {
        return std::string(list) + "[" + std::to_string(index) + "]";
      };
      std::string where;
      std::string id;
      switch (record.record_case()) {
        case pb::RosterRecord::kHeader:
          where = "header";
          codec::decode(record.header(), "", header_out, errors);
          if (!as_of && !record.header().extracted_on().empty()) {
            as_of = cadre::Date::parse(record.header().extracted_on());
          }
          break;
        case pb::RosterRecord::kRegion:
          where = name("regions");
          codec::decode(record.region(), "", region_out, errors);
          references.region(record.region(), index, found);
          break;
        case pb::RosterRecord::kUnit:
          where = name("units");
          id = record.unit().id();
          codec::decode(record.unit(), "", unit_out, errors);
          references.unit(record.unit(), index, found);
          break;
        case pb::RosterRecord::kTeam:
          where = name("teams");
          id = record.team().id();
          codec::decode(record.team(), "", as_of, team_out, errors);
          references.team(record.team(), index, found);
          break;
        case pb::RosterRecord::kPeerGroup:
          where = name("peer_groups");
          id = record.peer_group().id();
          codec::decode(record.peer_group(), "", group_out, errors);
          references.peer_group(record.peer_group(), index, found);
          break;
        case pb::RosterRecord::kUnitAssessment:
          where = name("unit_assessments");
          id = record.unit_assessment().id();
          codec::decode(record.unit_assessment(), "", as_of, assessment_out, errors);
          references.unit_assessment(record.unit_assessment(), index, found);
          break;
        case pb::RosterRecord::kCadre:
          where = name("cadres");
          id = record.cadre().id();
          references.cadre(record.cadre(), index, found);
          codec::decode(record.cadre(), "", as_of, cadre_out, errors);
          break;
        case pb::RosterRecord::RECORD_NOT_SET:
          where = codec::StreamReader::path(reader.records() - 1);
          errors.push_back(cadre::invalid_argument("", "a record of no kind this version knows"));
          break;
      }
      if (id.size() > codec::kMaxTextBytes) id.clear();
      for (const cadre::Status &e : errors) {
        print_error(std::cout, where, id, e.field(), e.message());
      }
      for (const codec::RecordFinding &f : found) {
        print_error(std::cout, f.record, f.id, f.error.field(), f.error.message());
      }
      error_count += errors.size() + found.size();
    }
    found.clear();
    references.finish(found);
    for (const codec::RecordFinding &f : found) {
      print_error(std::cout, f.record, f.id, f.error.field(), f.error.message());
    }
    error_count += found.size();
    if (!reader.status().ok()) {
      const cadre::Status &st = reader.status();
      print_error(std::cout, st.field(), "", "", st.message());
      ++error_count;
    }
  } else {
    std::string bytes;
    if (auto st = read_file(path, bytes); !st.ok()) {
      std::cerr << "cadre validate: " << st.message() << "\n";
      return kExitInput;
    }
    pb::Roster roster;
    // Record by record: a record that does not parse is an error of its own.
    std::vector<codec::UnreadRecord> unread;
    if (auto st = codec::parse_by_record(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                         bytes.size(), static_cast<codec::Format>(*format), roster,
                                         "roster", unread);
        !st.ok()) {
      print_error(std::cout, st.field().empty() ? "roster" : st.field(), "", "", st.message());
      std::cout << "1 error\n";
      return kExitInput;
    }
    if (!as_of && !roster.header().extracted_on().empty()) {
      as_of = cadre::Date::parse(roster.header().extracted_on());
    }
    cadre::Roster out;
    codec::decode(roster, as_of, out, errors);
    codec::report_unread(std::move(unread), errors);
    for (const cadre::Status &e : errors) {
      if (const auto c = split_cadre_path(e.field());
          c && c->first >= 0 && c->first < roster.cadres_size()) {
        const std::string &id = roster.cadres(c->first).id();
        print_error(std::cout, "cadres[" + std::to_string(c->first) + "]",
                    id.size() <= codec::kMaxTextBytes ? id : std::string(), c->second, e.message());
      } else {
        print_error(std::cout, e.field(), "", "", e.message());
      }
    }
    error_count = errors.size();
  }
  std::cout << error_count << (error_count == 1 ? " error" : " errors") << "\n";
  return error_count == 0 ? kExitOk : kExitInput;
}

}  // namespace cadre::cli
