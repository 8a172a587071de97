#include "engine/utf8.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>

namespace vitscope {

namespace {

// The length of the valid UTF-8 sequence starting at s[i], or 0 (overlong forms, surrogates and
// code points above U+10FFFF are invalid, as in nlohmann's own check).
std::size_t validSequence(const std::string &s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2) || (c == 0xE0 && at(1) < 0xA0) || (c == 0xED && at(1) > 0x9F))
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3) || (c == 0xF0 && at(1) < 0x90) || (c == 0xF4 && at(1) > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

} // namespace

std::string utf8Escaped(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t n = validSequence(s, i)) {
            out.append(s, i, n);
            i += n;
        } else {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(s[i]));
            out += hex;
            ++i;
        }
    }
    return out;
}

void escapeInvalidUtf8(nlohmann::json &value)
{
    if (value.is_string()) {
        value = utf8Escaped(value.get_ref<const std::string &>());
    } else if (value.is_array()) {
        for (auto &v : value)
            escapeInvalidUtf8(v);
    } else if (value.is_object()) {
        nlohmann::json fixed = nlohmann::json::object();
        for (auto &[key, v] : value.items()) {
            escapeInvalidUtf8(v);
            fixed[utf8Escaped(key)] = std::move(v);
        }
        value = std::move(fixed);
    }
}

void putPath(nlohmann::json &object, const std::string &key, const std::string &bytes)
{
    std::string escaped = utf8Escaped(bytes);
    if (escaped != bytes) {
        static const char digits[] = "0123456789abcdef";
        std::string hex;
        for (unsigned char c : bytes) {
            hex += digits[c >> 4];
            hex += digits[c & 15];
        }
        object[key + "_bytes"] = hex;
    }
    object[key] = std::move(escaped);
}

std::string getPath(const nlohmann::json &object, const std::string &key, const std::string &fallback)
{
    const auto raw = object.find(key + "_bytes");
    if (raw == object.end())
        return object.contains(key) ? object.at(key).get<std::string>() : fallback;
    const std::string hex = raw->get<std::string>();
    auto nibble = [&](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        throw std::runtime_error("'" + key + "_bytes' is not hexadecimal");
    };
    if (hex.size() % 2)
        throw std::runtime_error("'" + key + "_bytes' has an odd number of digits");
    std::string bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2)
        bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    return bytes;
}

bool isPathBytesKey(const std::string &key)
{
    return key.size() > 6 && key.compare(key.size() - 6, 6, "_bytes") == 0;
}

} // namespace vitscope
