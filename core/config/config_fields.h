#pragma once
// The one table of job settings: for each field its key in files (run.json, QSettings), its
// command-line option and help text, its range, and whether a resumed run may change it. JSON
// conversion, command-line parsing and validation are generic over this table.
#include "config/job_config.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <variant>
#include <vector>

namespace vitscope {

enum class FieldKind { Int, Int64, UInt64, Double, Bool, Path, Device, Ratios, Precision, Metric, Augmentations, FineTune, DistBackend };

// Where a field lives in JobConfig.
using FieldRef = std::variant<std::string JobConfig::*, std::string DataConfig::*, SplitRatios DataConfig::*, int TrainConfig::*,
                              int64_t TrainConfig::*, uint64_t TrainConfig::*, double TrainConfig::*, bool TrainConfig::*,
                              std::string TrainConfig::*, Precision TrainConfig::*, Metric TrainConfig::*, FineTune TrainConfig::*,
                              std::vector<Augmentation> TrainConfig::*, DistBackend TrainConfig::*>;

struct FieldSpec {
    FieldRef ref;
    std::string group;  // "train" or "data" ("" for the model)
    std::string key;    // snake_case key inside the group
    std::string option; // command-line long option without "--"
    std::string help;   // one line, for --help
    FieldKind kind;
    double min = 0, max = 0;           // numeric kinds, inclusive
    bool changeableOnResume = false;   // environment settings (device, threads) only
    std::string path() const;          // "train.epochs": names the field in messages
};

const std::vector<FieldSpec> &jobFields();
const FieldSpec *findField(const std::string &path); // "train.epochs"; null when unknown

// The value of one field as JSON, and setting it from JSON or from command-line text. Setting
// validates the type and range and throws ConfigError naming `what` (the option or the path).
nlohmann::json fieldValue(const JobConfig &config, const FieldSpec &field);
void setField(JobConfig &config, const FieldSpec &field, const nlohmann::json &value, const std::string &what);
void setFieldFromText(JobConfig &config, const FieldSpec &field, const std::string &text, const std::string &what);
std::string fieldText(const JobConfig &config, const FieldSpec &field); // as the command line spells it

// The whole configuration: {"model": ..., "data": {...}, "train": {...}}. Reading starts from the
// defaults, so a file written before a field existed still reads; an unknown key is an error
// (a misspelt setting must not be silently ignored).
nlohmann::json toJson(const JobConfig &config);
JobConfig jobConfigFromJson(const nlohmann::json &json, const std::string &source);
std::string jobConfigToText(const JobConfig &config); // JSON text
JobConfig jobConfigFromText(const std::string &text, const std::string &source);

// Checks that hold between fields (split shares add up to 1, ...); throws ConfigError.
void validate(const JobConfig &config);

SplitRatios parseRatios(const std::string &text, const std::string &what = "split"); // "0.7,0.15,0.15"

} // namespace vitscope
