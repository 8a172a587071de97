#include "cli_args.h"

#include <sstream>

namespace vitscope::cli {

Args::Args(int argc, char **argv, int first, const std::set<std::string> &flags, const std::set<std::string> &valued)
{
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            m_positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        const auto eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (flags.count(name)) {
            if (inlineValue)
                throw UsageError("--" + name + " takes no value");
            m_flags.insert(name);
        } else if (valued.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= argc)
                    throw UsageError("--" + name + " needs a value");
                value = argv[++i];
            }
            m_values[name] = value;
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::string Args::value(const std::string &name, const std::string &fallback) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

int Args::intValue(const std::string &name, int fallback) const
{
    if (!has(name))
        return fallback;
    try {
        std::size_t used = 0;
        const int v = std::stoi(value(name), &used);
        if (used == value(name).size())
            return v;
    } catch (...) {
    }
    throw UsageError("--" + name + " needs an integer, got '" + value(name) + "'");
}

double Args::doubleValue(const std::string &name, double fallback) const
{
    if (!has(name))
        return fallback;
    try {
        std::size_t used = 0;
        const double v = std::stod(value(name), &used);
        if (used == value(name).size())
            return v;
    } catch (...) {
    }
    throw UsageError("--" + name + " needs a number, got '" + value(name) + "'");
}

bool Args::onOff(const std::string &name, bool fallback) const
{
    if (!has(name))
        return fallback;
    const std::string v = value(name);
    if (v != "on" && v != "off")
        throw UsageError("--" + name + " must be on or off, not '" + v + "'");
    return v == "on";
}

std::vector<std::string> Args::list(const std::string &name) const
{
    std::vector<std::string> out;
    std::stringstream s(value(name));
    std::string item;
    while (std::getline(s, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

} // namespace vitscope::cli
