#pragma once
// File names are bytes; JSON is UTF-8. A name that is not valid UTF-8 is written with each byte
// that breaks it as the four characters \xNN (NN its value in hexadecimal, upper case), so that one
// bad name never stops a whole report (#17 item 14). Valid UTF-8 passes unchanged.
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace vitscope {

std::string utf8Escaped(const std::string &bytes);
// Every string of `value`, object keys included, made valid UTF-8 as above.
void escapeInvalidUtf8(nlohmann::json &value);

// Paths that are read back (split.json, run.json): `object[key]` holds the escaped text above, for
// people, and when that differs from the bytes, `object[key + "_bytes"]` holds the bytes in
// hexadecimal, so that reading gives back the very file name.
void putPath(nlohmann::json &object, const std::string &key, const std::string &bytes);
// The bytes written by putPath; `fallback` when the key is absent. Throws on malformed hexadecimal.
std::string getPath(const nlohmann::json &object, const std::string &key, const std::string &fallback = {});
bool isPathBytesKey(const std::string &key);

} // namespace vitscope
