#pragma once
#include <cstdint>
#include <exception>
#include <functional>
#include <ostream>
#include <string>

namespace vitscope {

// Writes through a temporary file in the same folder, flushes, then renames over PATH, so a
// crash or a full disk leaves the previous file intact. Throws std::runtime_error on failure.
void writeFileAtomically(const std::string &path, const std::function<void(std::ostream &)> &write);
void writeTextAtomically(const std::string &path, const std::string &text);
// For the message of a write that failed: how much room the disk that would hold `path` has left
// ("the disk holding F is full: 12 KB free"). A full disk does not always say ENOSPC: a copy can
// end in EIO.
std::string freeSpaceNote(const std::string &path);
// Why a write to `path` failed: errno's text (`err`, 0 when the stream did not set it) and the note above.
std::string writeFailureReason(const std::string &path, int err);
// Regular files only, and at most maxBytes: a file larger than its format can need is refused
// before it is read (a config pointing at a 3 GB sparse file, #17 item 11).
std::string readTextFile(const std::string &path, std::uintmax_t maxBytes = std::uintmax_t{1} << 30);
constexpr std::uintmax_t kMaxConfigBytes = 16u << 20; // config.json, preprocessor_config.json and the like
// A JSON library error without its "[json.exception.type_error.302] " prefix, for messages that
// already name the file.
std::string plainJsonError(const std::exception &e);
// The current time in UTC, ISO 8601 to the second ("2026-12-02T11:22:02Z").
std::string utcNowIso();

} // namespace vitscope
