#pragma once
// Command-line options generated from the job field table (config/config_fields.h): one option
// per field, with the table's help text and default, validated by the table.
#include "config/config_fields.h"

#include <CLI/CLI.hpp>

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace vitscope::cli {

class ConfigOptions {
public:
    // Options for the fields of `groups` ("" for the model, "data", "train"); `aliases` adds a
    // second name to some ({"batch-size", "batch"}: --batch too).
    ConfigOptions(CLI::App &app, const std::vector<std::string> &groups, const std::map<std::string, std::string> &aliases = {});
    // Sets the fields given on the command line; throws ConfigError naming the option.
    void apply(JobConfig &config) const;
    // The given options whose field a resumed run may not change ("--lr", ...).
    std::vector<std::string> fixedOnResume() const;
    bool given(const std::string &path) const; // "data.data"

private:
    struct Bound {
        const FieldSpec *field;
        CLI::Option *option;
        std::string *text;
    };
    std::deque<std::string> m_texts; // stable addresses for CLI11
    std::vector<Bound> m_bound;
};

} // namespace vitscope::cli
