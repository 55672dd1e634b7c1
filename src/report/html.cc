// The quarterly dispatch and the annual bulletin as one self-contained HTML
// page (cadre/report.hpp): inline SVG charts, each with a <title> and its
// numbers in a <table data-chart="...">, a print stylesheet for A4, no script
// and nothing fetched. Every text of the input goes through escape(); every
// heading is a label of the schema (cadre.v1.ReportText and the others).
#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cadre/labels.hpp"
#include "cadre/report.hpp"
#include "cadre/statistics.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

// The values of cadre.v1.ReportText (proto/cadre/v1/report.proto), by number.
enum class Text : std::uint8_t {
  kQuarterlyTitle = 1,
  kAnnualTitle = 2,
  kPeriod = 3,
  kAudience = 4,
  kHeadline = 5,
  kByChannel = 6,
  kByQuarter = 7,
  kUnitsRanked = 8,
  kUnitsBehind = 9,
  kByRankLevel = 10,
  kFunnel = 11,
  kUnits = 12,
  kRegions = 13,
  kNotable = 14,
  kChannel = 15,
  kQuarter = 16,
  kRankLevel = 17,
  kRank = 18,
  kStage = 19,
  kCount = 20,
  kLastYear = 21,
  kChange = 22,
  kAdjustedAgain = 23,
  kRecordsNotRead = 24,
  kRedactedNote = 25,
  kChartData = 26,
  kNone = 27,
  kMadeBy = 28,
  kDemotions = 29,
  kRemovals = 30,
  kMaxDaysOverdue = 31,
  kClosedWithoutAdjustment = 32,
  kNotCarriedOut = 33,
  kUnattributedCases = 34,
  kUnattributed = 35,
  kNotScored = 36,
  kWeights = 37,
  kCode = 38,
  kName = 39,
  kRecord = 40,
  kCadreId = 41,
  kField = 42,
  kReason = 43,
  kChartedFirst = 44,
  kMeasure = 45,
  kCadresRead = 46,
};

using M = StatisticsMeasure;

// The most rows of records not read the page lists (the count is always given).
constexpr std::size_t kMaxErrorRows = 1000;
// Width of a chart, in SVG user units.
constexpr double kChartWidth = 720;

// Appends @p in to @p out escaped for HTML text and attribute values: & < > " '
// as references; bytes that are not UTF-8 and control characters other than
// tab and line feed as U+FFFD.
void escape(std::string &out, std::string_view in) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::size_t i = 0;
  while (i < in.size()) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80U) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          if ((c < 0x20U && c != '\t' && c != '\n') || c == 0x7fU) {
            out += kReplacement;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t min = 0;
    std::uint32_t code = 0;
    if ((c & 0xe0U) == 0xc0U) {
      len = 2;
      min = 0x80U;
      code = c & 0x1fU;
    } else if ((c & 0xf0U) == 0xe0U) {
      len = 3;
      min = 0x800U;
      code = c & 0x0fU;
    } else if ((c & 0xf8U) == 0xf0U) {
      len = 4;
      min = 0x10000U;
      code = c & 0x07U;
    }
    bool valid = len != 0 && i + len <= in.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      const auto b = static_cast<unsigned char>(in[i + k]);
      valid = (b & 0xc0U) == 0x80U;
      code = (code << 6U) | (b & 0x3fU);
    }
    valid = valid && code >= min && code <= 0x10ffffU && (code < 0xd800U || code > 0xdfffU);
    if (valid) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

// @p in (UTF-8) cut to at most @p columns columns, with "…" when cut: a
// character from U+1100 on (CJK, which the labels of zh-CN are) takes two
// columns, the others one. The label area of a chart holds about 34.
std::string shortened(std::string_view in, std::size_t columns) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if ((c & 0xc0U) == 0x80U) {
      continue;  // a continuation byte
    }
    // A lead byte of 3 or 4 bytes is U+0800 and above: counted wide.
    const std::size_t width = c >= 0xe1U ? 2 : 1;
    if (used + width > columns - 1 && i + 1 < in.size()) {
      // Keep the rest whole when it fits; else cut here with the ellipsis.
      std::size_t rest = 0;
      for (std::size_t k = i; k < in.size(); ++k) {
        const auto d = static_cast<unsigned char>(in[k]);
        if ((d & 0xc0U) != 0x80U) {
          rest += d >= 0xe1U ? 2 : 1;
        }
      }
      if (used + rest <= columns) {
        return std::string(in);
      }
      return std::string(in.substr(0, i)) + "\xE2\x80\xA6";
    }
    used += width;
  }
  return std::string(in);
}

// A number with @p decimals digits after the point, in the C locale whatever
// the host's.
std::string fixed(double value, int decimals) {
  std::array<char, 64> buf{};
  const auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) {
    return "0";
  }
  return {buf.data(), end};
}

// One bar of a chart: its label (plain text), the value it draws, the value as
// shown, and more cells for the chart's table.
struct Bar {
  std::string label;
  double value = 0;
  std::string shown;
  std::vector<std::string> more;
};

Bar count_bar(std::string label, int value) {
  return Bar{std::move(label), static_cast<double>(value), std::to_string(value), {}};
}

enum class Shape : std::uint8_t { kBars, kColumns, kFunnel };

// A chart: its title, the headers of its table and its bars.
struct Chart {
  std::string title;
  std::string note;
  std::string category;
  std::string measure;
  std::vector<std::string> more;  // headers of the more cells
  std::vector<Bar> bars;
  Shape shape = Shape::kBars;
  double max = 0;  // the top of the scale; 0: the largest value
};

class Page {
 public:
  Page(const StatisticsReport &report, std::span<const ReportRecordError> errors,
       const ReportOptions &options, ReportAudience audience)
      : r_(report), errors_(errors), o_(options), audience_(audience) {}

  std::string render() {
    const bool annual = o_.kind == ReportKind::kAnnualBulletin;
    const std::string title(t(annual ? Text::kAnnualTitle : Text::kQuarterlyTitle));
    const std::string period = r_.period.from.to_string() + " – " + r_.period.to.to_string();
    out_ += "<!DOCTYPE html>\n<html lang=\"";
    out_ += o_.language == Language::kEn ? "en" : "zh-CN";
    out_ += "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"cadre\">\n<title>";
    escape(out_, title + " " + period);
    out_ += "</title>\n<style>\n";
    out_ += kStyle;
    out_ += "</style>\n</head>\n<body>\n<header>\n<h1>";
    escape(out_, title);
    out_ += "</h1>\n<p class=\"meta\"><span>";
    escape(out_, t(Text::kPeriod));
    out_ += ": ";
    escape(out_, period);
    out_ += "</span> <span>";
    escape(out_, t(Text::kAudience));
    out_ += ": ";
    escape(out_, label(audience_, o_.language));
    out_ += "</span></p>\n";
    if (audience_ == ReportAudience::kPublic) {
      out_ += R"(<p class="note">)";
      escape(out_, t(Text::kRedactedNote));
      out_ += "</p>\n";
    }
    out_ += "</header>\n<main>\n";
    headline(annual);
    chart(by_channel());
    if (annual) {
      chart(by_quarter());
    }
    chart(annual ? units_ranked() : units_behind());
    chart(by_rank_level());
    chart(funnel());
    if (audience_ != ReportAudience::kPublic) {
      units_table(annual);
      regions_table();
    }
    notable();
    records_not_read();
    out_ += "</main>\n<footer><p>";
    escape(out_, t(Text::kMadeBy));
    out_ += "</p></footer>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  static constexpr std::string_view kStyle =
      ":root{--ink:#1f2328;--muted:#57606a;--grid:#d0d7de;--accent:#b3261e;--bar:#c0392b;"
      "--bar2:#e0a39c;--band:#f6f8fa}\n"
      "*{box-sizing:border-box}\n"
      R"(body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC",)"
      R"("Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);)"
      "max-width:980px;margin:0 auto;padding:24px;line-height:1.5;background:#fff}\n"
      "h1{font-size:1.55rem;margin:0 0 4px;padding-bottom:6px;border-bottom:3px solid "
      "var(--accent)}\n"
      "h2{font-size:1.15rem;margin:28px 0 8px;border-left:4px solid var(--accent);"
      "padding-left:8px}\n"
      ".meta{color:var(--muted);margin:4px 0}.meta span{margin-right:1.5em}\n"
      ".note{background:var(--band);border:1px solid var(--grid);padding:6px 10px}\n"
      ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;"
      "margin:8px 0}\n"
      ".card{border:1px solid var(--grid);border-radius:6px;padding:8px 12px}\n"
      ".card .v{display:block;font-size:1.7rem;font-weight:700;color:var(--accent);"
      "font-variant-numeric:tabular-nums}\n"
      ".card .k{display:block;color:var(--muted);font-size:.85rem}\n"
      "figure{margin:20px 0;padding:0}\n"
      "figure svg{display:block;width:100%;max-width:720px;height:auto}\n"
      "figcaption{font-weight:600;margin:4px 0}\n"
      "figcaption small{font-weight:400;color:var(--muted);margin-left:.5em}\n"
      "svg text{font-size:13px;fill:var(--ink)}\nsvg .v{fill:var(--muted)}\n"
      "svg .bar{fill:var(--bar)}\nsvg .axis{stroke:var(--grid)}\n"
      "table{border-collapse:collapse;font-size:.85rem;margin:8px 0}\n"
      ".wide{overflow-x:auto}\ntd.name{white-space:nowrap}\n"
      "caption{text-align:left;font-weight:600;padding:2px 0}\n"
      "th,td{border:1px solid var(--grid);padding:2px 8px;text-align:left;vertical-align:top}\n"
      "thead th{background:var(--band)}\ntd.n,th.n{text-align:right;"
      "font-variant-numeric:tabular-nums}\n"
      "details summary{cursor:pointer;color:var(--muted)}\n"
      "footer{margin-top:32px;color:var(--muted);font-size:.8rem;border-top:1px solid "
      "var(--grid);padding-top:6px}\n"
      "@media print{\n"
      "@page{size:A4;margin:14mm 12mm}\n"
      "body{max-width:none;padding:0;font-size:10pt}\n"
      "h2{break-after:avoid}\nfigure{break-inside:avoid}\n"
      "figure table{break-inside:avoid}\nthead{display:table-header-group}\n"
      "tr{break-inside:avoid}\n.wide{overflow:visible}\n.lines{font-size:7.5pt}\n"
      ".card{border-color:#999}\n"
      "}\n";

  [[nodiscard]] std::string_view t(Text text) const {
    return label("cadre.v1.ReportText", static_cast<int>(text), o_.language);
  }
  [[nodiscard]] std::string_view m(M measure) const { return label(measure, o_.language); }
  [[nodiscard]] bool names() const { return audience_ != ReportAudience::kPublic; }

  // The name of a unit or region line on the page (never for the public).
  [[nodiscard]] std::string line_name(const StatisticsLine &line) const {
    if (line.key.empty()) {
      return std::string(t(Text::kUnattributed));
    }
    return line.label.empty() ? line.key : line.label;
  }

  void cell(std::string_view text, bool number = false) {
    out_ += number ? R"(<td class="n">)" : "<td>";
    escape(out_, text);
    out_ += "</td>";
  }
  void header_cell(std::string_view text, bool number = false) {
    out_ += number ? R"(<th scope="col" class="n">)" : R"(<th scope="col">)";
    escape(out_, text);
    out_ += "</th>";
  }
  void heading(std::string_view text, std::string_view id) {
    out_ += R"(<section aria-labelledby=")";
    out_ += id;
    out_ += "\">\n<h2 id=\"";
    out_ += id;
    out_ += R"(">)";
    escape(out_, text);
    out_ += "</h2>\n";
  }

  void card(std::string_view key, const std::string &value) {
    out_ += R"(<div class="card"><span class="v">)";
    escape(out_, value);
    out_ += R"(</span><span class="k">)";
    escape(out_, key);
    out_ += "</span></div>\n";
  }

  void headline(bool annual) {
    const AdjustmentTally &a = r_.total.adjusted;
    heading(t(Text::kHeadline), "headline");
    out_ += "<div class=\"cards\">\n";
    card(m(M::kAdjustedDown), std::to_string(a.adjusted_down));
    card(m(M::kAccountability), std::to_string(a.accountability));
    card(m(M::kUnsuitable), std::to_string(a.unsuitable));
    card(m(M::kBureauOrAbove), std::to_string(a.bureau_level_or_above));
    if (annual && r_.previous) {
      const int last = r_.total.previous.adjusted_down;
      const int change = a.adjusted_down - last;
      card(std::string(m(M::kAdjustedDown)) + " · " + std::string(t(Text::kLastYear)),
           std::to_string(last));
      card(t(Text::kChange), (change > 0 ? "+" : "") + std::to_string(change));
    }
    out_ += "</div>\n";
    // The same figures as a table, to copy.
    out_ += R"(<table class="headline"><thead><tr>)";
    header_cell(t(Text::kMeasure));
    header_cell(t(Text::kCount), true);
    if (annual && r_.previous) {
      header_cell(t(Text::kLastYear), true);
    }
    out_ += "</tr></thead><tbody>\n";
    const auto row = [&](std::string_view name, int value, int last) {
      out_ += "<tr>";
      cell(name);
      cell(std::to_string(value), true);
      if (annual && r_.previous) {
        cell(std::to_string(last), true);
      }
      out_ += "</tr>\n";
    };
    const AdjustmentTally &p = r_.total.previous;
    row(m(M::kAdjustedDown), a.adjusted_down, p.adjusted_down);
    row(m(M::kAccountability), a.accountability, p.accountability);
    row(m(M::kUnsuitable), a.unsuitable, p.unsuitable);
    row(m(M::kBureauOrAbove), a.bureau_level_or_above, p.bureau_level_or_above);
    out_ += "<tr>";
    cell(t(Text::kCadresRead));
    cell(std::to_string(r_.cadres), true);
    if (annual && r_.previous) {
      cell("", true);
    }
    out_ += "</tr>\n</tbody></table>\n</section>\n";
  }

  [[nodiscard]] Chart by_channel() const {
    Chart c{std::string(t(Text::kByChannel)),
            {},
            std::string(t(Text::kChannel)),
            std::string(m(M::kAdjustedDown)),
            {},
            {},
            Shape::kBars,
            0};
    const AdjustmentTally &a = r_.total.adjusted;
    for (std::size_t i = 0; i < a.by_channel.size(); ++i) {
      if (i == 0 && a.by_channel[i] == 0) {
        continue;  // unspecified: only when something was counted there
      }
      c.bars.push_back(
          count_bar(std::string(label("cadre.v1.Channel", static_cast<int>(i), o_.language)),
                    a.by_channel[i]));
    }
    return c;
  }

  [[nodiscard]] Chart by_quarter() const {
    Chart c{std::string(t(Text::kByQuarter)),
            {},
            std::string(t(Text::kQuarter)),
            std::string(m(M::kAdjustedDown)),
            {},
            {},
            Shape::kColumns,
            0};
    c.more = {std::string(m(M::kAccountability)), std::string(m(M::kUnsuitable))};
    for (const QuarterTally &q : r_.by_quarter) {
      Bar b = count_bar(std::to_string(q.period.year) + " Q" + std::to_string(q.period.quarter),
                        q.adjusted.adjusted_down);
      b.more = {std::to_string(q.adjusted.accountability), std::to_string(q.adjusted.unsuitable)};
      c.bars.push_back(std::move(b));
    }
    return c;
  }

  [[nodiscard]] std::string rank_name(int place) const {
    return std::string(t(Text::kRank)) + " " + std::to_string(place);
  }

  [[nodiscard]] Chart units_ranked() const {
    Chart c{std::string(t(Text::kUnitsRanked)),
            std::string(t(Text::kChartedFirst)),
            std::string(t(names() ? Text::kName : Text::kRank)),
            std::string(m(M::kScore)),
            {},
            {},
            Shape::kBars,
            100};
    c.more = {std::string(t(Text::kRank)), std::string(m(M::kTimeliness)),
              std::string(m(M::kCompleteness))};
    std::vector<const StatisticsLine *> ranked;
    for (const StatisticsLine &line : r_.units) {
      if (line.score.rank > 0 && line.score.score) {
        ranked.push_back(&line);
      }
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const StatisticsLine *x, const StatisticsLine *y) {
                       return x->score.rank < y->score.rank;
                     });
    for (const StatisticsLine *line : ranked) {
      if (std::cmp_greater_equal(c.bars.size(), o_.chart_units)) {
        break;
      }
      const UnitScore &s = line->score;
      Bar b{names() ? line_name(*line) : rank_name(s.rank), *s.score, fixed(*s.score, 1), {}};
      b.more = {std::to_string(s.rank), s.timeliness ? fixed(*s.timeliness, 3) : "",
                s.completeness ? fixed(*s.completeness, 3) : ""};
      c.bars.push_back(std::move(b));
    }
    return c;
  }

  [[nodiscard]] Chart units_behind() const {
    Chart c{std::string(t(Text::kUnitsBehind)),
            {},
            std::string(t(names() ? Text::kName : Text::kRank)),
            std::string(m(M::kOverdue)) + " + " + std::string(m(M::kTalksOverdue)),
            {},
            {},
            Shape::kBars,
            0};
    c.more = {std::string(m(M::kOverdue)), std::string(m(M::kTalksOverdue)),
              std::string(m(M::kDue)), std::string(m(M::kDone))};
    std::unordered_map<std::string_view, const StatisticsLine *> by_key;
    for (const StatisticsLine &line : r_.units) {
      by_key.emplace(line.key, &line);
    }
    int place = 0;
    for (const std::string &key : r_.furthest_behind) {
      ++place;
      const auto it = by_key.find(key);
      if (it == by_key.end() || std::cmp_greater_equal(c.bars.size(), o_.chart_units)) {
        continue;
      }
      const StatisticsLine &line = *it->second;
      Bar b = count_bar(names() ? line_name(line) : rank_name(place),
                        line.overdue + line.talks_overdue);
      b.more = {std::to_string(line.overdue), std::to_string(line.talks_overdue),
                std::to_string(line.due), std::to_string(line.done())};
      c.bars.push_back(std::move(b));
    }
    return c;
  }

  [[nodiscard]] Chart by_rank_level() const {
    Chart c{std::string(t(Text::kByRankLevel)),
            {},
            std::string(t(Text::kRankLevel)),
            std::string(m(M::kAdjustedDown)),
            {},
            {},
            Shape::kBars,
            0};
    const AdjustmentTally &a = r_.total.adjusted;
    for (std::size_t i = 0; i < a.by_rank_level.size(); ++i) {
      if (i == 0 && a.by_rank_level[i] == 0) {
        continue;
      }
      c.bars.push_back(
          count_bar(std::string(label("cadre.v1.RankLevel", static_cast<int>(i), o_.language)),
                    a.by_rank_level[i]));
    }
    return c;
  }

  [[nodiscard]] Chart funnel() const {
    Chart c{std::string(t(Text::kFunnel)),
            {},
            std::string(t(Text::kStage)),
            std::string(t(Text::kCount)),
            {},
            {},
            Shape::kFunnel,
            0};
    const StatisticsLine &l = r_.total;
    c.bars = {count_bar(std::string(m(M::kDue)), l.due),
              count_bar(std::string(m(M::kOpened)), l.opened),
              count_bar(std::string(m(M::kInProgress)), l.in_progress),
              count_bar(std::string(m(M::kDone)), l.done()),
              count_bar(std::string(m(M::kTalksDue)), l.talks_due),
              count_bar(std::string(m(M::kTalksOverdue)), l.talks_overdue),
              count_bar(std::string(m(M::kReappointed)), l.reappointed),
              count_bar(std::string(t(Text::kAdjustedAgain)), l.adjusted_again)};
    return c;
  }

  // One chart: the figure with its SVG, its caption and the table of its data.
  void chart(const Chart &c) {
    ++charts_;
    const std::string id = "chart-" + std::to_string(charts_);
    heading(c.title, id + "-h");
    double max = c.max;
    for (const Bar &b : c.bars) {
      max = std::max(max, b.value);
    }
    out_ += "<figure>\n";
    if (c.shape == Shape::kColumns) {
      columns(c, id, max);
    } else {
      bars(c, id, max);
    }
    out_ += R"(<figcaption id=")" + id + R"(-caption">)";
    escape(out_, c.title);
    if (!c.note.empty()) {
      out_ += "<small>";
      escape(out_, c.note);
      out_ += "</small>";
    }
    out_ += "</figcaption>\n";
    out_ += R"(<table class="chart-data" data-chart=")" + id + R"("><caption>)";
    escape(out_, c.title);
    out_ += " · ";
    escape(out_, t(Text::kChartData));
    out_ += "</caption>\n<thead><tr>";
    header_cell(c.category);
    header_cell(c.measure, true);
    for (const std::string &h : c.more) {
      header_cell(h, true);
    }
    out_ += "</tr></thead>\n<tbody>\n";
    if (c.bars.empty()) {
      out_ += R"(<tr><td colspan=")" + std::to_string(2 + c.more.size()) + R"(">)";
      escape(out_, t(Text::kNone));
      out_ += "</td></tr>\n";
    }
    for (const Bar &b : c.bars) {
      out_ += R"(<tr><th scope="row">)";
      escape(out_, b.label);
      out_ += "</th>";
      cell(b.shown, true);
      for (const std::string &v : b.more) {
        cell(v, true);
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody></table>\n</figure>\n</section>\n";
  }

  void svg_open(const Chart &c, const std::string &id, double height) {
    out_ += R"(<svg xmlns="http://www.w3.org/2000/svg" id=")" + id +
            R"(" role="img" aria-labelledby=")" + id + R"(-title" viewBox="0 0 )" +
            fixed(kChartWidth, 0) + " " + fixed(height, 0) + R"(" width=")" +
            fixed(kChartWidth, 0) + R"(" height=")" + fixed(height, 0) + R"("><title id=")" + id +
            R"(-title">)";
    escape(out_, c.title);
    out_ += "</title>\n";
  }

  void none_text(double y) {
    out_ += R"(<text x="8" y=")" + fixed(y, 0) + R"(">)";
    escape(out_, t(Text::kNone));
    out_ += "</text>\n";
  }

  // Horizontal bars (and the funnel: bars centred on one axis).
  void bars(const Chart &c, const std::string &id, double max) {
    constexpr double kLabel = 230;
    constexpr double kValue = 70;
    constexpr double kRow = 26;
    constexpr double kBar = 18;
    constexpr double kPad = 8;
    const double area = kChartWidth - kLabel - kValue;
    const double height =
        kPad * 2 + kRow * static_cast<double>(std::max<std::size_t>(c.bars.size(), 1));
    svg_open(c, id, height);
    if (c.bars.empty()) {
      none_text(kPad + kRow / 2 + 4);
    }
    double y = kPad;
    for (const Bar &b : c.bars) {
      const double w = max > 0 ? std::clamp(b.value, 0.0, max) / max * area : 0;
      const double x = c.shape == Shape::kFunnel ? kLabel + (area - w) / 2 : kLabel;
      out_ += R"(<text x=")" + fixed(kLabel - 8, 0) + R"(" y=")" + fixed(y + kBar - 4, 1) +
              R"(" text-anchor="end">)";
      escape(out_, shortened(b.label, 34));
      out_ += R"(</text><rect class="bar" x=")" + fixed(x, 1) + R"(" y=")" + fixed(y, 1) +
              R"(" width=")" + fixed(w, 1) + R"(" height=")" + fixed(kBar, 0) + R"("><title>)";
      escape(out_, b.label + ": " + b.shown);
      out_ += R"(</title></rect><text class="v" x=")" +
              fixed(c.shape == Shape::kFunnel ? kLabel + area + 6 : x + w + 6, 1) + R"(" y=")" +
              fixed(y + kBar - 4, 1) + R"(">)";
      escape(out_, b.shown);
      out_ += "</text>\n";
      y += kRow;
    }
    if (c.shape != Shape::kFunnel) {  // the funnel's bars are centred: no axis
      out_ += R"(<line class="axis" x1=")" + fixed(kLabel, 0) + R"(" y1=")" + fixed(kPad / 2, 0) +
              R"(" x2=")" + fixed(kLabel, 0) + R"(" y2=")" + fixed(height - kPad / 2, 0) + "\"/>\n";
    }
    out_ += "</svg>\n";
  }

  // Vertical columns (the trend by quarter).
  void columns(const Chart &c, const std::string &id, double max) {
    constexpr double kHeight = 240;
    constexpr double kTop = 24;
    constexpr double kBottom = 28;
    constexpr double kLeft = 40;
    const double area = kHeight - kTop - kBottom;
    svg_open(c, id, kHeight);
    if (c.bars.empty()) {
      none_text(kHeight / 2);
    }
    const double slot =
        (kChartWidth - kLeft * 2) / static_cast<double>(std::max<std::size_t>(c.bars.size(), 1));
    const double width = std::min(slot * 0.6, 90.0);
    double x = kLeft;
    for (const Bar &b : c.bars) {
      const double h = max > 0 ? std::clamp(b.value, 0.0, max) / max * area : 0;
      const double cx = x + slot / 2;
      out_ += R"(<rect class="bar" x=")" + fixed(cx - width / 2, 1) + R"(" y=")" +
              fixed(kTop + area - h, 1) + R"(" width=")" + fixed(width, 1) + R"(" height=")" +
              fixed(h, 1) + R"("><title>)";
      escape(out_, b.label + ": " + b.shown);
      out_ += R"(</title></rect><text class="v" x=")" + fixed(cx, 1) + R"(" y=")" +
              fixed(kTop + area - h - 6, 1) + R"(" text-anchor="middle">)";
      escape(out_, b.shown);
      out_ += R"(</text><text x=")" + fixed(cx, 1) + R"(" y=")" + fixed(kHeight - 8, 1) +
              R"(" text-anchor="middle">)";
      escape(out_, shortened(b.label, 24));
      out_ += "</text>\n";
      x += slot;
    }
    out_ += R"(<line class="axis" x1=")" + fixed(kLeft, 0) + R"(" y1=")" + fixed(kTop + area, 0) +
            R"(" x2=")" + fixed(kChartWidth - kLeft, 0) + R"(" y2=")" + fixed(kTop + area, 0) +
            "\"/>\n</svg>\n";
  }

  // The lines of units or regions as a table.
  void line_table(const std::vector<const StatisticsLine *> &lines, bool annual, bool units) {
    out_ += R"(<div class="wide"><table class="lines"><thead><tr>)";
    if (annual && units) {
      header_cell(t(Text::kRank), true);
    }
    if (audience_ == ReportAudience::kOrganisationDepartment) {
      header_cell(t(Text::kCode));
    }
    header_cell(t(Text::kName));
    std::vector<M> columns = {M::kCadres,   M::kAdjustedDown, M::kAccountability, M::kUnsuitable,
                              M::kDue,      M::kOpened,       M::kInProgress,     M::kOverdue,
                              M::kTalksDue, M::kTalksOverdue, M::kReappointed};
    for (const M col : columns) {
      header_cell(m(col), true);
    }
    if (annual && units) {
      header_cell(m(M::kScore), true);
      header_cell(m(M::kTimeliness), true);
      header_cell(m(M::kCompleteness), true);
    }
    if (annual) {
      header_cell(std::string(m(M::kAdjustedDown)) + " · " + std::string(t(Text::kLastYear)), true);
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (const StatisticsLine *l : lines) {
      out_ += "<tr>";
      if (annual && units) {
        cell(l->score.rank > 0 ? std::to_string(l->score.rank) : "", true);
      }
      if (audience_ == ReportAudience::kOrganisationDepartment) {
        cell(l->key);
      }
      out_ += R"(<td class="name">)";
      escape(out_, line_name(*l));
      out_ += "</td>";
      const AdjustmentTally &a = l->adjusted;
      for (const int v :
           {l->cadres, a.adjusted_down, a.accountability, a.unsuitable, l->due, l->opened,
            l->in_progress, l->overdue, l->talks_due, l->talks_overdue, l->reappointed}) {
        cell(std::to_string(v), true);
      }
      if (annual && units) {
        const UnitScore &s = l->score;
        cell(s.score ? fixed(*s.score, 1) : std::string(t(Text::kNotScored)), true);
        cell(s.timeliness ? fixed(*s.timeliness, 3) : "", true);
        cell(s.completeness ? fixed(*s.completeness, 3) : "", true);
      }
      if (annual) {
        cell(std::to_string(l->previous.adjusted_down), true);
      }
      out_ += "</tr>\n";
    }
    if (lines.empty()) {
      out_ += R"(<tr><td colspan="3">)";
      escape(out_, t(Text::kNone));
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody></table></div>\n";
  }

  void units_table(bool annual) {
    heading(t(Text::kUnits), "units");
    if (annual) {
      out_ += R"(<p class="meta">)";
      escape(out_, std::string(t(Text::kWeights)) + ": " + std::string(m(M::kTimeliness)) + " " +
                       fixed(r_.weights.timeliness, 2) + ", " + std::string(m(M::kCompleteness)) +
                       " " + fixed(r_.weights.completeness, 2));
      out_ += "</p>\n";
    }
    std::vector<const StatisticsLine *> lines;
    lines.reserve(r_.units.size());
    for (const StatisticsLine &l : r_.units) {
      lines.push_back(&l);
    }
    line_table(lines, annual, true);
    out_ += "</section>\n";
  }

  void regions_table() {
    heading(t(Text::kRegions), "regions");
    std::vector<const StatisticsLine *> lines;
    lines.reserve(r_.regions.size());
    for (const StatisticsLine &l : r_.regions) {
      lines.push_back(&l);
    }
    line_table(lines, o_.kind == ReportKind::kAnnualBulletin, false);
    out_ += "</section>\n";
  }

  void notable() {
    heading(t(Text::kNotable), "notable");
    const NotableCounts &n = r_.notable;
    out_ += R"(<table class="notable"><thead><tr>)";
    header_cell(t(Text::kMeasure));
    header_cell(t(Text::kCount), true);
    out_ += "</tr></thead>\n<tbody>\n";
    const std::array<std::pair<std::string_view, int>, 10> rows = {{
        {m(M::kBureauOrAbove), n.bureau_level_or_above},
        {t(Text::kDemotions), n.demotions},
        {t(Text::kRemovals), n.removals},
        {m(M::kOverdue), n.overdue_procedures},
        {t(Text::kMaxDaysOverdue), n.max_working_days_overdue},
        {t(Text::kClosedWithoutAdjustment), n.closed_without_adjustment},
        {m(M::kReappointed), n.reappointed},
        {t(Text::kAdjustedAgain), n.adjusted_again},
        {t(Text::kNotCarriedOut), n.not_carried_out},
        {t(Text::kUnattributedCases), n.unattributed_cases},
    }};
    for (const auto &[name, value] : rows) {
      out_ += "<tr>";
      cell(name);
      cell(std::to_string(value), true);
      out_ += "</tr>\n";
    }
    out_ += "</tbody></table>\n</section>\n";
  }

  void records_not_read() {
    heading(t(Text::kRecordsNotRead), "records-not-read");
    out_ += "<p>";
    escape(out_, std::string(t(Text::kRecordsNotRead)) + ": " + std::to_string(errors_.size()));
    out_ += "</p>\n";
    if (audience_ == ReportAudience::kOrganisationDepartment && !errors_.empty()) {
      out_ += R"(<table class="errors"><thead><tr>)";
      header_cell(t(Text::kRecord), true);
      header_cell(t(Text::kCadreId));
      header_cell(t(Text::kField));
      header_cell(t(Text::kReason));
      out_ += "</tr></thead>\n<tbody>\n";
      for (std::size_t i = 0; i < errors_.size() && i < kMaxErrorRows; ++i) {
        const ReportRecordError &e = errors_[i];
        out_ += "<tr>";
        cell(std::to_string(e.index), true);
        cell(e.cadre_id);
        cell(e.field_path);
        cell(e.message);
        out_ += "</tr>\n";
      }
      out_ += "</tbody></table>\n";
    }
    out_ += "</section>\n";
  }

  const StatisticsReport &r_;
  std::span<const ReportRecordError> errors_;
  const ReportOptions &o_;
  ReportAudience audience_;
  std::string out_;
  int charts_ = 0;
};

}  // namespace

StatusOr<std::string> render_report_html(const StatisticsReport &report,
                                         std::span<const ReportRecordError> errors,
                                         const ReportOptions &options) {
  ReportAudience audience = options.audience;
  switch (audience) {
    case ReportAudience::kUnspecified:
      audience = default_audience(options.kind);
      break;
    case ReportAudience::kOrganisationDepartment:
    case ReportAudience::kUnits:
    case ReportAudience::kPublic:
      break;
    default:
      return invalid_argument("audience",
                              "unknown audience " + std::to_string(static_cast<int>(audience)));
  }
  if (options.kind != ReportKind::kQuarterlyDispatch &&
      options.kind != ReportKind::kAnnualBulletin) {
    return invalid_argument("kind", "unknown report");
  }
  if (options.chart_units < 1 || options.chart_units > 100) {
    return invalid_argument("chart_units", "must be from 1 to 100");
  }
  return Page(report, errors, options, audience).render();
}

}  // namespace api_v1
}  // namespace cadre
