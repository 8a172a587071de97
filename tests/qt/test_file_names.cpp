// File names as a file system gives them (#17 items 14 and 15): links, loops, unreadable folders,
// names that are not UTF-8 and paths longer than PATH_MAX are entries of the scan, never its end.
#include "test_support.h"

#include "data/dataset_scan.h"
#include "data/demo_data.h"
#include "data/split.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vitscope;
namespace fs = std::filesystem;

// #17 items 14 and 15: one odd entry is one entry, never the end of the scan. A link loop, a link to
// a folder, a name that is not UTF-8 and an unreadable folder are each reported; links to an image
// are named by the link (two links to one file are two names, and duplicates).
TEST_CASE("fileSystemOdditiesAreEntriesNotFailures")
{
    const auto root = fs::temp_directory_path() / ("vitscope-test-oddities-" + std::to_string(::getpid()));
    fs::remove_all(root);
    writeDemoDataset(root.string(), 3, 5);
    const fs::path polyps = root / "polyps";
    fs::create_directory_symlink(".", polyps / "loop");                           // a loop
    fs::create_directory_symlink(root / "esophagitis", polyps / "other-class"); // a link to a folder
    fs::create_symlink(polyps / "polyps_0000.jpg", polyps / "link-a.jpg");
    fs::create_symlink(polyps / "polyps_0000.jpg", polyps / "link-b.jpg");
    const std::string latin1 = std::string("caf") + static_cast<char>(0xE9) + ".jpg"; // "café" in Latin-1
    fs::copy_file(polyps / "polyps_0001.jpg", polyps / latin1);
    fs::create_directories(polyps / "locked");
    fs::copy_file(polyps / "polyps_0002.jpg", polyps / "locked" / "hidden-from-us.jpg");
    fs::permissions(polyps / "locked", fs::perms::none);
    const bool root_user = ::geteuid() == 0; // permissions do not stop root

    const ScanReport r = scanDataset(root.string(), ScanOptions{});
    fs::permissions(polyps / "locked", fs::perms::owner_all);
    REQUIRE(r.error.empty());
    auto problem = [&](const std::string &needle) {
        return std::any_of(r.problems.begin(), r.problems.end(), [&](const std::string &p) { return p.find(needle) != std::string::npos; });
    };
    REQUIRE(problem("'polyps/loop' is a link to a folder: not followed"));
    REQUIRE(problem("'polyps/other-class' is a link to a folder: not followed"));
    if (!root_user)
        REQUIRE(problem("folder 'polyps/locked' cannot be read (Permission denied): its images are not counted"));
    else
        MESSAGE("running as root: the unreadable-folder case is not exercised (root reads it)");
    const bool linkedTogether = std::any_of(r.duplicates.begin(), r.duplicates.end(), [](const auto &group) {
        return std::find(group.begin(), group.end(), "polyps/link-a.jpg") != group.end() &&
               std::find(group.begin(), group.end(), "polyps/link-b.jpg") != group.end();
    });
    REQUIRE(linkedTogether);
    // The JSON report is written, with the Latin-1 byte escaped.
    const std::string json = scanReportToJson(r, -1);
    REQUIRE(json.find("polyps/caf\\\\xE9.jpg") != std::string::npos);
    fs::remove_all(root);
}

// #17 item 14: a class folder and a data set whose names are not UTF-8. The class is labelled with its
// name escaped; split.json is valid JSON and reads back the very bytes of every path.
TEST_CASE("namesThatAreNotUtf8SplitAndReadBack")
{
    const auto base = fs::temp_directory_path() / ("vitscope-test-bytes-" + std::to_string(::getpid()));
    fs::remove_all(base);
    const fs::path root = base / (std::string("d") + static_cast<char>(0xF6) + "ta");
    writeDemoDataset(root.string(), 3, 5);
    const std::string latin1 = std::string("caf") + static_cast<char>(0xE9);
    fs::rename(root / "polyps", root / latin1);
    const ScanReport r = scanDataset(root.string(), ScanOptions{});
    REQUIRE(r.error.empty());
    REQUIRE(r.items.size() == 24);
    REQUIRE(r.classes[0].name == "caf\\xE9");
    const Split split = makeSplit(r, {}, 3);
    const auto file = (base / "split.json").string();
    saveSplit(split, file);
    std::ifstream in(file);
    const auto j = nlohmann::json::parse(in); // valid UTF-8 throughout
    REQUIRE(j.at("classes").at(0) == "caf\\xE9");
    const Split back = loadSplit(file);
    REQUIRE(back.root == root.string());
    bool sawLatin1 = false;
    for (const auto *part : {&split.train, &split.val, &split.test})
        for (const auto &e : *part)
            sawLatin1 = sawLatin1 || e.path.find(latin1 + "/") != std::string::npos;
    REQUIRE(sawLatin1);
    REQUIRE(back.train.size() == split.train.size());
    for (std::size_t i = 0; i < split.train.size(); ++i)
        REQUIRE(back.train[i].path == split.train[i].path);
    fs::remove_all(base);
}

// #17 item 14: an image deeper than PATH_MAX is named among the problems, not silently left out, and
// the scan goes on.
TEST_CASE("aPathLongerThanPathMaxIsAProblemNotAGap")
{
    const auto root = fs::temp_directory_path() / ("vitscope-test-deep-" + std::to_string(::getpid()));
    fs::remove_all(root);
    writeDemoDataset(root.string(), 3, 5);
    // Built one level at a time from an open folder: no single path may exceed PATH_MAX.
    const std::string name(200, 'a');
    int dir = ::open((root / "polyps").c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(dir >= 0);
    for (int level = 0; level < 22; ++level) { // 22 x 201 bytes > 4,096
        REQUIRE(::mkdirat(dir, name.c_str(), 0755) == 0);
        const int next = ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY);
        ::close(dir);
        REQUIRE(next >= 0);
        dir = next;
    }
    ::close(dir);
    const ScanReport r = scanDataset(root.string(), ScanOptions{});
    REQUIRE(r.error.empty());
    REQUIRE(r.items.size() == 24);
    const bool named = std::any_of(r.problems.begin(), r.problems.end(), [](const std::string &p) {
        return p.find("cannot be examined (File name too long): not counted") != std::string::npos;
    });
    REQUIRE(named);
    REQUIRE_NOTHROW(nlohmann::json::parse(scanReportToJson(r, -1)));
    REQUIRE(std::system(("rm -rf '" + root.string() + "'").c_str()) == 0); // rm walks a tree deeper than PATH_MAX
}
