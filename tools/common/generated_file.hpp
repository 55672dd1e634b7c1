// What the build-time generators (tools/*gen) share: writing a file only
// when its content changes, and quoting text for the languages they write.
#ifndef CADRE_TOOLS_COMMON_GENERATED_FILE_HPP
#define CADRE_TOOLS_COMMON_GENERATED_FILE_HPP

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace cadre::tools {

/** Writes @p content to @p path unless the file holds it already; false on failure. */
inline bool write_if_changed(const std::string &path, const std::string &content) {
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      const std::string old{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      if (old == content) {
        return true;
      }
    }
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) {
      return false;
    }
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

/** Writes @p content to @p path (replaced); false on failure. */
inline bool write_file(const std::string &path, const std::string &content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  return static_cast<bool>(out.flush());
}

/**
 * @p text as a double-quoted literal of C++ or Python: '"' and '\' escaped,
 * a newline as \n, other UTF-8 kept as it is.
 */
inline std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
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
  return out;
}

/**
 * The words of @p text in lines of at most @p width bytes, the lines after
 * the first at most @p rest_width (a longer word stands alone).
 */
inline std::vector<std::string> wrap(std::string_view text, std::size_t width,
                                     std::size_t rest_width = 0) {
  if (rest_width == 0) rest_width = width;
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > (lines.empty() ? width : rest_width)) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    pos = end;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

/**
 * @p text made safe inside a Python docstring: a backslash becomes '/', and
 * three double quotes are broken up.
 */
inline std::string python_docstring_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c == '\\' ? '/' : c;
  }
  std::string::size_type pos = 0;
  while ((pos = out.find(R"(""")", pos)) != std::string::npos) {
    out.replace(pos, 3, R"("" ")");
  }
  return out;
}

/**
 * The main() of a generator: runs @p run with the arguments; an exception is
 * reported as "<tool>: <what>" with exit status 1.
 */
template <typename Run>
int tool_main(const char *tool, int argc, char **argv, Run run) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception &e) {
    std::cerr << tool << ": " << e.what() << "\n";
    return 1;
  }
}

/**
 * The prefix of the values of a schema enum: "RankLevel" -> "RANK_LEVEL_"
 * (buf lint's ENUM_VALUE_PREFIX, which proto/buf.yaml enforces).
 */
inline std::string enum_value_prefix(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (i > 0 && c >= 'A' && c <= 'Z') out += '_';
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return out + "_";
}

}  // namespace cadre::tools

#endif  // CADRE_TOOLS_COMMON_GENERATED_FILE_HPP
