#include "cli_options.h"

namespace vitscope::cli {
namespace {

std::string typeName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Int:
    case FieldKind::Int64:
    case FieldKind::UInt64:
        return "INT";
    case FieldKind::Double:
        return "NUMBER";
    case FieldKind::Bool:
        return "on|off";
    case FieldKind::Path:
        return "DIR";
    case FieldKind::Device:
        return "DEVICE";
    case FieldKind::Ratios:
        return "TRAIN,VAL,TEST";
    case FieldKind::Precision:
        return "fp32|bf16";
    case FieldKind::Metric:
        return "METRIC";
    case FieldKind::Augmentations:
        return "LIST";
    case FieldKind::FineTune:
        return "full|last:K|head";
    case FieldKind::DistBackend:
        return "auto|gloo|nccl";
    }
    return "VALUE";
}

} // namespace

ConfigOptions::ConfigOptions(CLI::App &app, const std::vector<std::string> &groups, const std::map<std::string, std::string> &aliases)
{
    const JobConfig defaults;
    for (const auto &f : jobFields()) {
        if (std::find(groups.begin(), groups.end(), f.group) == groups.end() || f.option.empty())
            continue;
        std::string &text = m_texts.emplace_back();
        const auto alias = aliases.find(f.option);
        const std::string names = "--" + f.option + (alias == aliases.end() ? "" : ",--" + alias->second);
        CLI::Option *o = app.add_option(names, text, f.help)->group(f.group == "train" ? "Recipe" : "Data and model");
        o->type_name(typeName(f.kind));
        const std::string d = fieldText(defaults, f);
        if (!d.empty())
            o->default_str(d);
        m_bound.push_back({&f, o, &text});
    }
}

void ConfigOptions::apply(JobConfig &config) const
{
    for (const auto &b : m_bound)
        if (b.option->count())
            setFieldFromText(config, *b.field, *b.text, "--" + b.field->option);
}

std::vector<std::string> ConfigOptions::fixedOnResume() const
{
    std::vector<std::string> out;
    for (const auto &b : m_bound)
        if (b.option->count() && !b.field->changeableOnResume)
            out.push_back("--" + b.field->option);
    return out;
}

bool ConfigOptions::given(const std::string &path) const
{
    for (const auto &b : m_bound)
        if (b.field->path() == path)
            return b.option->count() > 0;
    return false;
}

} // namespace vitscope::cli
