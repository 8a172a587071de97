#pragma once
#include <functional>
#include <ostream>
#include <string>

namespace vitscope {

// Writes through a temporary file in the same folder, flushes, then renames over PATH, so a
// crash or a full disk leaves the previous file intact. Throws std::runtime_error on failure.
void writeFileAtomically(const std::string &path, const std::function<void(std::ostream &)> &write);
void writeTextAtomically(const std::string &path, const std::string &text);
std::string readTextFile(const std::string &path);
// The current time in UTC, ISO 8601 to the second ("2026-12-02T11:22:02Z").
std::string utcNowIso();

} // namespace vitscope
