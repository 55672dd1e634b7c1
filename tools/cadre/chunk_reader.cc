#include "chunk_reader.hpp"

#include <system_error>

namespace cadre::cli {

ChunkReader::ChunkReader(std::istream &in, std::size_t chunk_size, bool ahead)
    : in_(in), chunk_size_(chunk_size) {
  for (Buffer &b : buffers_) {
    b.bytes = std::make_unique_for_overwrite<char[]>(chunk_size);
  }
  if (ahead) {
    try {
      thread_ = std::thread([this] { loop(); });
    } catch (const std::system_error &) {
      // No thread to be had: next() reads on the caller's thread.
    }
  }
}

ChunkReader::~ChunkReader() {
  if (thread_.joinable()) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
}

void ChunkReader::fill(Buffer &b) {
  b.size = 0;
  if (!in_) {
    return;  // past the end, or failed before
  }
  in_.read(b.bytes.get(), static_cast<std::streamsize>(chunk_size_));
  b.bad = in_.bad();
  b.size = b.bad ? 0 : static_cast<std::size_t>(in_.gcount());
}

void ChunkReader::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stop_ || !ready_; });
    if (stop_) {
      return;
    }
    Buffer &b = buffers_[1 - current_];  // next() gave the other one
    lock.unlock();
    fill(b);
    lock.lock();
    ready_ = true;
    changed_.notify_all();
    if (b.size == 0) {
      return;  // the end, or a failure: nothing more to read
    }
  }
}

std::string_view ChunkReader::next() {
  if (ended_) {
    return {};
  }
  if (thread_.joinable()) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return ready_; });
    current_ = 1 - current_;
    ready_ = false;  // the thread reads into the buffer given before
    lock.unlock();
    changed_.notify_all();
  } else {
    fill(buffers_[current_]);
  }
  const Buffer &b = buffers_[current_];
  bad_ = b.bad;
  if (b.size == 0) {
    ended_ = true;
    return {};
  }
  return {b.bytes.get(), b.size};
}

}  // namespace cadre::cli
