#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>
#include <utility>

namespace cadre::cli {
namespace {

constexpr int kBarWidth = 24;
constexpr auto kRedraw = std::chrono::milliseconds(100);

// "1:05:07", "4:09", "0:03".
std::string duration(double seconds) {
  const auto s = static_cast<long long>(std::max(0.0, std::round(seconds)));
  std::string out;
  if (s >= 3600) {
    out = std::to_string(s / 3600) + ":";
  }
  const long long minutes = (s / 60) % 60;
  const long long rest = s % 60;
  out += (s >= 3600 && minutes < 10 ? "0" : "") + std::to_string(minutes) + ":" +
         (rest < 10 ? "0" : "") + std::to_string(rest);
  return out;
}

}  // namespace

Progress::Progress(std::string name, std::uint64_t total_bytes, std::ostream &os, bool enabled)
    : name_(std::move(name)),
      total_(total_bytes),
      os_(os),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { finish(); }

bool Progress::stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

std::string Progress::line(std::uint64_t cadres, std::uint64_t bytes, double seconds) const {
  if (!enabled_) {
    return {};
  }
  std::string out = name_ + " ";
  const double rate = seconds > 0 ? static_cast<double>(cadres) / seconds : 0;
  if (total_ > 0 && bytes > 0) {
    const double done = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_));
    const auto filled = static_cast<int>(done * kBarWidth);
    out += "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kBarWidth - filled), '.') + "] " +
           std::to_string(static_cast<int>(done * 100)) + "% ";
    out += std::to_string(cadres) + " cadres, " + std::to_string(std::llround(rate)) + " cadres/s";
    if (done > 0 && seconds > 0) {
      out += ", ETA " + duration(seconds * (1 - done) / done);
    }
  } else {
    out += std::to_string(cadres) + " cadres, " + std::to_string(std::llround(rate)) + " cadres/s";
  }
  return out;
}

void Progress::update(std::uint64_t cadres, std::uint64_t bytes) {
  if (!enabled_) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < kRedraw) {
    return;
  }
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // \r and "erase to the end of the line": the bar redraws in place.
  os_ << "\r" << line(cadres, bytes, seconds) << "\x1b[K" << std::flush;
}

void Progress::finish() {
  if (enabled_ && drawn_) {
    os_ << "\r\x1b[K" << std::flush;
  }
  drawn_ = false;
  enabled_ = false;
}

}  // namespace cadre::cli
