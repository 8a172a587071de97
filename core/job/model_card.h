#pragma once
// The Hugging Face model card of a run: checkpoints/best/README.md, YAML front matter (library,
// pipeline, tags, base model, model-index with the test metrics) and the run report's sections,
// shortened, in English. Plain C++ (nlohmann/json reads the run folder): no Qt, no torch.
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace vitscope {

struct ModelCardResult {
    std::string path;  // the README.md written, "" when none was
    std::string error; // why not, "" when written
};

// Writes <run>/checkpoints/best/README.md. Errors are values: a card that cannot be written must
// not fail the training job that calls this at its end.
ModelCardResult writeModelCard(const std::string &run);

// The card's text (front matter and body), for writeModelCard and the tests. Throws
// std::runtime_error when run.json cannot be read.
std::string modelCardText(const std::string &run);

// Block YAML of a JSON value: mappings and sequences by indentation, every scalar in JSON's
// spelling (strings double-quoted), which YAML reads as the same value.
std::string yamlBlock(const nlohmann::json &value, int indent = 0);

} // namespace vitscope
