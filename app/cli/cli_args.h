#pragma once
// A small command-line parser: positional arguments, --key value, --key=value and flags.
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace vitscope::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // `flags` are the options that take no value.
    Args(int argc, char **argv, int first, const std::set<std::string> &flags, const std::set<std::string> &valued);

    const std::vector<std::string> &positional() const { return m_positional; }
    bool flag(const std::string &name) const { return m_flags.count(name) > 0; }
    bool has(const std::string &name) const { return m_values.count(name) > 0; }
    std::string value(const std::string &name, const std::string &fallback = {}) const;
    int intValue(const std::string &name, int fallback) const;
    double doubleValue(const std::string &name, double fallback) const;
    bool onOff(const std::string &name, bool fallback) const; // "on" or "off"
    std::vector<std::string> list(const std::string &name) const; // comma-separated

private:
    std::vector<std::string> m_positional;
    std::set<std::string> m_flags;
    std::map<std::string, std::string> m_values;
};

} // namespace vitscope::cli
