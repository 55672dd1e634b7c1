// Reads a file chunk by chunk for `cadre screen`, optionally one chunk ahead
// on a thread of its own: while the screener works on a chunk, the next is
// already being read, so the copy out of the kernel no longer stops every
// screening thread at each chunk (issue 13 §4: the threads' speed-up).
#ifndef CADRE_TOOLS_CADRE_CHUNK_READER_HPP
#define CADRE_TOOLS_CADRE_CHUNK_READER_HPP

#include <condition_variable>
#include <cstddef>
#include <istream>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>

namespace cadre::cli {

class ChunkReader {
 public:
  /**
   * Reads @p in (which must outlive the reader) in chunks of @p chunk_size
   * bytes. With @p ahead, a thread reads the next chunk while the caller
   * works on the one next() gave; without, next() reads on the caller's
   * thread. The chunks are the same either way.
   */
  ChunkReader(std::istream &in, std::size_t chunk_size, bool ahead);
  /** Stops the reading thread, if any (it finishes the chunk it reads). */
  ~ChunkReader();
  ChunkReader(const ChunkReader &) = delete;
  ChunkReader &operator=(const ChunkReader &) = delete;
  ChunkReader(ChunkReader &&) = delete;
  ChunkReader &operator=(ChunkReader &&) = delete;

  /**
   * The next chunk: a view valid until the next call. Empty at the end of
   * the input, or when it could not be read (bad() then says so); every later
   * call is empty too.
   */
  std::string_view next();

  /** Whether reading failed (not the end of the input). */
  [[nodiscard]] bool bad() const noexcept { return bad_; }

 private:
  struct Buffer {
    std::unique_ptr<char[]> bytes;  // not zeroed: read() writes it
    std::size_t size = 0;
    bool bad = false;
  };
  // Reads the next chunk into @p b (an empty one past the end).
  void fill(Buffer &b);
  void loop();

  std::istream &in_;
  std::size_t chunk_size_;
  Buffer buffers_[2];
  int current_ = 0;     // the buffer next() gave last
  bool ended_ = false;  // next() gave the empty chunk
  bool bad_ = false;
  // With a thread: it fills buffers_[1 - current_] while ready_ is false.
  std::mutex mutex_;
  std::condition_variable changed_;
  bool ready_ = false;  // the other buffer holds the next chunk
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace cadre::cli

#endif  // CADRE_TOOLS_CADRE_CHUNK_READER_HPP
