#include "config/config_fields.h"
#include "engine/file_util.h"
#include "engine/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

using nlohmann::json;

namespace vitscope {
namespace {

using K = FieldKind;

std::string number(double v)
{
    if (std::abs(v) < 1e15 && v == std::floor(v))
        return std::to_string(static_cast<int64_t>(v));
    std::ostringstream s;
    s.precision(std::numeric_limits<double>::max_digits10);
    s << v;
    std::string out = s.str();
    // The shortest spelling that reads back exactly.
    for (int p = 1; p < std::numeric_limits<double>::max_digits10; ++p) {
        std::ostringstream t;
        t.precision(p);
        t << v;
        if (std::strtod(t.str().c_str(), nullptr) == v)
            return t.str();
    }
    return out;
}

// For messages: at most 6 significant digits (1.1, not 1.0999999999999999).
std::string shortNumber(double v)
{
    if (std::abs(v) < 1e15 && v == std::floor(v))
        return std::to_string(static_cast<int64_t>(v));
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string rangeText(const FieldSpec &f)
{
    return "from " + shortNumber(f.min) + " to " + shortNumber(f.max);
}

[[noreturn]] void fail(const std::string &what, const std::string &problem)
{
    throw ConfigError(what + ": " + problem);
}

std::string shown(const json &v)
{
    if (!v.is_string())
        return v.dump();
    std::string quoted = "'";
    quoted += v.get<std::string>();
    return quoted + "'";
}

double checkedNumber(const FieldSpec &f, const json &v, const std::string &what, bool integral)
{
    if (integral ? !v.is_number_integer() : !v.is_number())
        fail(what, std::string(integral ? "needs a whole number " : "needs a number ") + rangeText(f) + ", got " + shown(v));
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < f.min || d > f.max)
        fail(what, "must be " + rangeText(f) + ", got " + shown(v));
    return d;
}

std::string checkedString(const json &v, const std::string &what)
{
    if (!v.is_string())
        fail(what, "needs text, got " + shown(v));
    return v.get<std::string>();
}

void checkDevice(const std::string &d, const std::string &what)
{
    if (d == "auto" || d == "cpu" || d == "cuda")
        return;
    if (d.rfind("cuda:", 0) == 0 && d.size() > 5 && d.find_first_not_of("0123456789", 5) == std::string::npos)
        return;
    fail(what, "must be auto, cpu, cuda or cuda:N, got '" + d + "'");
}

struct Setter {
    JobConfig &c;
    const FieldSpec &f;
    const json &v;
    const std::string &what;

    void operator()(std::string JobConfig::*m) { c.*m = checkedString(v, what); }
    void operator()(std::string DataConfig::*m) { c.data.*m = checkedString(v, what); }
    void operator()(std::string TrainConfig::*m)
    {
        auto s = checkedString(v, what);
        if (f.kind == K::Device)
            checkDevice(s, what);
        c.train.*m = s;
    }
    void operator()(SplitRatios DataConfig::*m)
    {
        if (!v.is_array() || v.size() != 3)
            fail(what, "needs three shares train,val,test, got " + shown(v));
        const double a = checkedNumber(f, v[0], what, false), b = checkedNumber(f, v[1], what, false),
                     d = checkedNumber(f, v[2], what, false);
        c.data.*m = {a, b, d};
    }
    void operator()(int TrainConfig::*m) { c.train.*m = static_cast<int>(checkedNumber(f, v, what, true)); }
    void operator()(int64_t TrainConfig::*m)
    {
        checkedNumber(f, v, what, true);
        c.train.*m = v.get<int64_t>();
    }
    void operator()(uint64_t TrainConfig::*m)
    {
        if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0))
            fail(what, "needs a whole number from 0, got " + shown(v));
        c.train.*m = v.get<uint64_t>();
    }
    void operator()(double TrainConfig::*m) { c.train.*m = checkedNumber(f, v, what, false); }
    void operator()(bool TrainConfig::*m)
    {
        if (!v.is_boolean())
            fail(what, "needs true or false, got " + shown(v));
        c.train.*m = v.get<bool>();
    }
    void operator()(Precision TrainConfig::*m) { c.train.*m = parseChoice<Precision>(checkedString(v, what), what); }
    void operator()(Metric TrainConfig::*m) { c.train.*m = parseChoice<Metric>(checkedString(v, what), what); }
    void operator()(FineTune TrainConfig::*m) { c.train.*m = parseFineTune(checkedString(v, what), what); }
    void operator()(DistBackend TrainConfig::*m) { c.train.*m = parseChoice<DistBackend>(checkedString(v, what), what); }
    void operator()(std::vector<Augmentation> TrainConfig::*m)
    {
        if (!v.is_array())
            fail(what, "needs a list of augmentations, got " + shown(v));
        std::vector<Augmentation> out;
        for (const auto &item : v) {
            const auto a = parseChoice<Augmentation>(checkedString(item, what), what);
            if (std::find(out.begin(), out.end(), a) == out.end())
                out.push_back(a);
        }
        c.train.*m = out;
    }
};

struct Getter {
    const JobConfig &c;

    json operator()(std::string JobConfig::*m) const { return c.*m; }
    json operator()(std::string DataConfig::*m) const { return c.data.*m; }
    json operator()(std::string TrainConfig::*m) const { return c.train.*m; }
    json operator()(SplitRatios DataConfig::*m) const
    {
        const auto &r = c.data.*m;
        return json::array({r.train, r.val, r.test});
    }
    template <typename T>
    json operator()(T TrainConfig::*m) const
    {
        if constexpr (std::is_same_v<T, Precision> || std::is_same_v<T, Metric> || std::is_same_v<T, DistBackend>)
            return std::string(choiceName(c.train.*m));
        else if constexpr (std::is_same_v<T, FineTune>)
            return fineTuneText(c.train.*m);
        else if constexpr (std::is_same_v<T, std::vector<Augmentation>>) {
            json a = json::array();
            for (auto x : c.train.*m)
                a.push_back(std::string(choiceName(x)));
            return a;
        } else
            return c.train.*m;
    }
};

bool parseWhole(const std::string &text, int64_t &out)
{
    const char *end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && p == end && !text.empty();
}

} // namespace

std::string FieldSpec::path() const
{
    return group.empty() ? key : group + "." + key;
}

const FieldSpec *findField(const std::string &path)
{
    for (const auto &f : jobFields())
        if (f.path() == path)
            return &f;
    return nullptr;
}

json fieldValue(const JobConfig &config, const FieldSpec &field)
{
    return std::visit(Getter{config}, field.ref);
}

void setField(JobConfig &config, const FieldSpec &field, const json &value, const std::string &what)
{
    std::visit(Setter{config, field, value, what}, field.ref);
}

void setFieldFromText(JobConfig &config, const FieldSpec &f, const std::string &text, const std::string &what)
{
    json v;
    switch (f.kind) {
    case K::Int:
    case K::Int64: {
        int64_t i = 0;
        if (!parseWhole(text, i))
            fail(what, "needs a whole number " + rangeText(f) + ", got '" + text + "'");
        v = i;
        break;
    }
    case K::UInt64: {
        uint64_t u = 0;
        const char *end = text.data() + text.size();
        auto [p, ec] = std::from_chars(text.data(), end, u);
        if (ec != std::errc() || p != end || text.empty())
            fail(what, "needs a whole number from 0, got '" + text + "'");
        v = u;
        break;
    }
    case K::Double: {
        char *end = nullptr;
        const double d = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size())
            fail(what, "needs a number " + rangeText(f) + ", got '" + text + "'");
        v = d;
        break;
    }
    case K::Bool:
        if (text == "on")
            v = true;
        else if (text == "off")
            v = false;
        else
            fail(what, "must be on or off, got '" + text + "'");
        break;
    case K::Ratios: {
        const auto r = parseRatios(text, what);
        v = json::array({r.train, r.val, r.test});
        break;
    }
    case K::Augmentations: {
        v = json::array();
        std::stringstream s(text);
        std::string item;
        while (std::getline(s, item, ','))
            if (!item.empty() && item != "none")
                v.push_back(item);
        break;
    }
    default:
        v = text;
    }
    setField(config, f, v, what);
}

std::string fieldText(const JobConfig &config, const FieldSpec &f)
{
    const json v = fieldValue(config, f);
    switch (f.kind) {
    case K::Bool:
        return v.get<bool>() ? "on" : "off";
    case K::Double:
        return number(v.get<double>());
    case K::Ratios:
        return number(v[0].get<double>()) + "," + number(v[1].get<double>()) + "," + number(v[2].get<double>());
    case K::Augmentations: {
        std::string out;
        for (const auto &a : v) {
            if (!out.empty())
                out += ',';
            out += a.get<std::string>();
        }
        return out.empty() ? "none" : out;
    }
    default:
        return v.is_string() ? v.get<std::string>() : v.dump();
    }
}

json toJson(const JobConfig &config)
{
    json j = {{"model", config.model}, {"data", json::object()}, {"train", json::object()}};
    for (const auto &f : jobFields()) {
        json &object = f.group.empty() ? j : j[f.group];
        if (f.kind == K::Path) // file names are bytes: see engine/utf8.h
            putPath(object, f.key, fieldValue(config, f).get<std::string>());
        else
            object[f.key] = fieldValue(config, f);
    }
    return j;
}

JobConfig jobConfigFromJson(const json &j, const std::string &source)
{
    if (!j.is_object())
        fail(source, "the configuration is not a JSON object");
    JobConfig c;
    // A path's "_bytes" twin (engine/utf8.h) replaces its escaped text.
    auto set = [&](const json &object, const std::string &group, const std::string &key, const json &v) {
        const std::string name = group.empty() ? key : group + "." + key;
        if (isPathBytesKey(key)) {
            const FieldSpec *f = findField(name.substr(0, name.size() - 6));
            if (f && f->kind == K::Path && v.is_string())
                return; // read with its path below
            fail(source, "unknown setting '" + name + "'");
        }
        const FieldSpec *f = findField(name);
        if (!f)
            fail(source, "unknown setting '" + name + "'");
        if (f->kind == K::Path && v.is_string() && object.contains(key + "_bytes")) {
            try {
                setField(c, *f, getPath(object, key), source + ": " + f->path());
            } catch (const std::runtime_error &e) {
                fail(source, e.what());
            }
        } else {
            setField(c, *f, v, source + ": " + f->path());
        }
    };
    for (const auto &[key, value] : j.items()) {
        if (value.is_object())
            for (const auto &[inner, v] : value.items())
                set(value, key, inner, v);
        else
            set(j, "", key, value);
    }
    return c;
}

std::string jobConfigToText(const JobConfig &config)
{
    return toJson(config).dump();
}

JobConfig jobConfigFromText(const std::string &text, const std::string &source)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception &e) {
        fail(source, "not valid JSON (" + plainJsonError(e) + ")");
    }
    return jobConfigFromJson(j, source);
}

void validate(const JobConfig &c)
{
    const auto &r = c.data.split;
    if (std::abs(r.train + r.val + r.test - 1.0) > 1e-6)
        fail("split", "the shares add up to " + shortNumber(r.train + r.val + r.test) + "; they must add up to 1");
    if (r.train <= 0)
        fail("split", "the training share must be above 0");
}

SplitRatios parseRatios(const std::string &text, const std::string &what)
{
    std::vector<double> v;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, ',')) {
        char *end = nullptr;
        const double d = std::strtod(item.c_str(), &end);
        if (item.empty() || end != item.c_str() + item.size() || !std::isfinite(d) || d < 0 || d > 1)
            fail(what, "needs three shares from 0 to 1 as train,val,test (e.g. 0.7,0.15,0.15), got '" + text + "'");
        v.push_back(d);
    }
    if (v.size() != 3)
        fail(what, "needs three shares as train,val,test (e.g. 0.7,0.15,0.15), got '" + text + "'");
    return {v[0], v[1], v[2]};
}

} // namespace vitscope
