// The model card (checkpoints/best/README.md) of a synthetic run folder: its YAML front matter
// parses (with the small block-YAML reader below: there is no YAML library here) and holds
// exactly test/metrics.json's figures; a run without a test part gets a card without results;
// and vitscope-cli report writes the card and the report.
#include "test_support.h"

#include "config/hub_id.h"
#include "job/model_card.h"
#include "run_fixture.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kRoot = fs::temp_directory_path() / "vitscope-test-model-card";

std::string readText(const fs::path &path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Block YAML as the card writes it: "key: scalar", "key:" + an indented block, "- " items; every
// scalar is JSON (which YAML reads the same). Independent of the writer, so it checks its output.
struct Line {
    int indent;
    std::string text;
};

json parseScalar(const std::string &s)
{
    json v = json::parse(s, nullptr, false);
    REQUIRE_MESSAGE(!v.is_discarded(), "not a JSON scalar: ", s);
    return v;
}

json parseBlock(const std::vector<Line> &lines, std::size_t &i, int indent)
{
    REQUIRE(i < lines.size());
    if (lines[i].text.rfind("- ", 0) == 0 || lines[i].text == "-") {
        json seq = json::array();
        while (i < lines.size() && lines[i].indent == indent && (lines[i].text.rfind("- ", 0) == 0 || lines[i].text == "-")) {
            if (lines[i].text == "-") {
                ++i;
                seq.push_back(parseBlock(lines, i, lines[i].indent));
                continue;
            }
            const std::string rest = lines[i].text.substr(2);
            if (const json scalar = json::parse(rest, nullptr, false); !scalar.is_discarded()) {
                seq.push_back(scalar);
                ++i;
            } else { // a mapping whose first key sits after "- "
                std::vector<Line> copy = lines;
                copy[i] = {indent + 2, rest};
                seq.push_back(parseBlock(copy, i, indent + 2));
            }
        }
        return seq;
    }
    json map = json::object();
    while (i < lines.size() && lines[i].indent == indent && lines[i].text.rfind("- ", 0) != 0) {
        const std::string &t = lines[i].text;
        std::size_t colon = 0;
        std::string key;
        if (t[0] == '"') { // a quoted key: up to the closing quote
            std::size_t end = 1;
            while (end < t.size() && t[end] != '"')
                end += t[end] == '\\' ? 2 : 1;
            REQUIRE(end < t.size());
            key = json::parse(t.substr(0, end + 1)).get<std::string>();
            colon = end + 1;
            REQUIRE(colon < t.size());
            REQUIRE(t[colon] == ':');
        } else {
            colon = t.find(':');
            REQUIRE_MESSAGE(colon != std::string::npos, "no key in: ", t);
            key = t.substr(0, colon);
        }
        REQUIRE_MESSAGE(!map.contains(key), "duplicate key: ", key);
        if (colon + 1 == t.size()) {
            ++i;
            REQUIRE(i < lines.size());
            REQUIRE(lines[i].indent > indent);
            map[key] = parseBlock(lines, i, lines[i].indent);
        } else {
            REQUIRE(t[colon + 1] == ' ');
            map[key] = parseScalar(t.substr(colon + 2));
            ++i;
        }
    }
    return map;
}

// The front matter between the first two "---" lines, as JSON.
json frontMatter(const std::string &card)
{
    std::istringstream in(card);
    std::string line;
    std::getline(in, line);
    REQUIRE(line == "---");
    std::vector<Line> lines;
    bool closed = false;
    while (std::getline(in, line)) {
        if (line == "---") {
            closed = true;
            break;
        }
        const auto first = line.find_first_not_of(' ');
        REQUIRE_MESSAGE(first != std::string::npos, "blank line in the front matter");
        REQUIRE_MESSAGE(line.find('\t') == std::string::npos, "tab in the front matter");
        lines.push_back({static_cast<int>(first), line.substr(first)});
    }
    REQUIRE(closed);
    std::size_t i = 0;
    json j = parseBlock(lines, i, 0);
    REQUIRE(i == lines.size());
    return j;
}

int runCli(const std::string &args, std::string &out)
{
    FILE *p = popen((std::string(VITSCOPE_CLI) + " " + args + " 2>/dev/null").c_str(), "r");
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), p))
        out.append(buf.data(), n);
    const int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("frontMatterParsesAndHoldsTheTestMetrics")
{
    const std::string run = testsupport::writeRunFixture((kRoot / "complete").string());
    const auto written = vitscope::writeModelCard(run);
    REQUIRE(written.error.empty());
    REQUIRE(written.path == (fs::path(run) / "checkpoints" / "best" / "README.md").string());
    const std::string card = readText(written.path);
    const json front = frontMatter(card);
    REQUIRE(front["library_name"] == "transformers");
    REQUIRE(front["pipeline_tag"] == "image-classification");
    REQUIRE(front["tags"].is_array());
    REQUIRE(front["base_model"] == "google/vit-base-patch16-224-in21k");
    const json test = json::parse(readText(fs::path(run) / "test" / "metrics.json"));
    const json &result = front["model-index"].at(0)["results"].at(0);
    REQUIRE(result["task"]["type"] == "image-classification");
    REQUIRE(result["dataset"]["split"] == "test");
    std::map<std::string, double> values;
    for (const auto &m : result["metrics"])
        values[m["name"].get<std::string>()] = m["value"].get<double>();
    REQUIRE(values.size() == 4);
    REQUIRE(values["Accuracy"] == test["accuracy"].get<double>()); // exactly, not nearly
    REQUIRE(values["Macro F1"] == test["macro_f1"].get<double>());
    REQUIRE(values["Weighted F1"] == test["weighted_f1"].get<double>());
    REQUIRE(values["MCC"] == test["mcc"].get<double>());
    for (const char *section : {"For research use only. Not for use in diagnostic procedures.", "## Intended use", "## Out-of-scope use",
                                "## Data", "no label manifest: labels are the class folders", "## Model and recipe", "## Hardware and run time",
                                "## Test results", "## Calibration and prediction sets", "## Limitations", "0.4900 – 1.0000"})
        REQUIRE_MESSAGE(card.find(section) != std::string::npos, section);
}

TEST_CASE("aRunWithoutTestPartGetsACardWithoutResults")
{
    testsupport::RunFixture fixture;
    fixture.test = fixture.calibration = fixture.lists = false;
    const std::string run = testsupport::writeRunFixture((kRoot / "old").string(), fixture);
    const json front = frontMatter(vitscope::modelCardText(run));
    REQUIRE(!front.contains("model-index"));
    REQUIRE(vitscope::modelCardText(run).find("no test part") != std::string::npos);
    REQUIRE(vitscope::writeModelCard((kRoot / "none").string()).error.find("no exported model") != std::string::npos);
}

TEST_CASE("yamlBlockQuotesWhatYamlWouldReadOtherwise")
{
    const json value = {{"plain", "yes"}, {"number", 0.1}, {"list", {1, "two: 2", json::array({3})}}, {"empty", json::object()},
                        {"a key: with colon", "#not a comment"}};
    const std::string yaml = "---\n" + vitscope::yamlBlock(value) + "---\n";
    json back = frontMatter(yaml);
    REQUIRE(back["plain"] == "yes"); // quoted: YAML 1.1 would read a bare yes as true
    REQUIRE(back["number"] == 0.1);
    REQUIRE(back["list"] == value["list"]);
    REQUIRE(back["empty"] == json::object());
    REQUIRE(back["a key: with colon"] == "#not a comment");
    REQUIRE(vitscope::hubIdOfModelPath("/x/models/facebook--dinov2-small") == "facebook/dinov2-small");
    REQUIRE(vitscope::hubIdOfModelPath("/data/my-model").empty());
}

TEST_CASE("cliReportWritesTheReportAndTheCard")
{
    const std::string run = testsupport::writeRunFixture((kRoot / "cli").string());
    std::string out;
    REQUIRE(runCli("report --run " + run + " --lang tr --pdf --json --examples 0", out) == 0);
    const json j = json::parse(out);
    REQUIRE(j["html"] == (fs::path(run) / "report-tr.html").string());
    REQUIRE(j["pdf"] == (fs::path(run) / "report-tr.pdf").string());
    REQUIRE(j["model_card"] == (fs::path(run) / "checkpoints" / "best" / "README.md").string());
    for (const char *key : {"html", "pdf", "model_card"})
        REQUIRE(fs::file_size(j[key].get<std::string>()) > 0);
    std::string ignored;
    REQUIRE(runCli("report --run " + (kRoot / "nothing").string(), ignored) == 2);
    REQUIRE(runCli("report --run " + run + " --lang de", ignored) == 2);
}
