// A progress bar on standard error for the commands over big rosters (cadre
// screen, cadre report): cadres read, cadres per second and, when the total
// is known (bytes of the roster file), a bar and the time left. Drawn only
// when standard error is a terminal; otherwise nothing of the sort is ever
// printed, so that logs and pipes stay clean.
#ifndef CADRE_TOOLS_CADRE_PROGRESS_HPP
#define CADRE_TOOLS_CADRE_PROGRESS_HPP

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace cadre::cli {

class Progress {
 public:
  /**
   * A bar for @p name ("cadre screen"). @p total_bytes: the size of the input,
   * 0 when unknown (no bar, no time left). Draws on @p os only when
   * @p enabled (stderr_is_terminal() for the commands).
   */
  Progress(std::string name, std::uint64_t total_bytes, std::ostream &os, bool enabled);
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;
  Progress(Progress &&) = delete;
  Progress &operator=(Progress &&) = delete;
  /** Clears the line (finish()). */
  ~Progress();

  /** Whether standard error is a terminal. */
  static bool stderr_is_terminal();

  /**
   * @p cadres read so far, and @p bytes of the input (0 when unknown).
   * Redraws at most ten times a second.
   */
  void update(std::uint64_t cadres, std::uint64_t bytes = 0);

  /** Clears the bar's line; nothing more is drawn. */
  void finish();

  /** The line as drawn now (for the tests): empty when disabled. */
  [[nodiscard]] std::string line(std::uint64_t cadres, std::uint64_t bytes, double seconds) const;

 private:
  std::string name_;
  std::uint64_t total_;
  std::ostream &os_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace cadre::cli

#endif  // CADRE_TOOLS_CADRE_PROGRESS_HPP
