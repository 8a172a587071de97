#include "data/label_export.h"

#include "engine/csv.h"
#include "engine/file_util.h"

#include <filesystem>
#include <set>
#include <stdexcept>

namespace fs = std::filesystem;

namespace vitscope {

void exportLabelsCsv(const ScanReport &scan, const std::string &file)
{
    writeFileAtomically(file, [&](std::ostream &out) {
        out << csvRecord({"path", "label"});
        for (const auto &item : scan.items) // sorted by path
            out << csvRecord({item.relPath, scan.classes[item.label].name});
    });
}

FolderExport exportClassFolders(const ScanReport &scan, const std::string &outPath)
{
    const fs::path out(outPath);
    std::error_code ec;
    if (fs::exists(out, ec) && !fs::is_empty(out, ec))
        throw std::runtime_error(outPath + " is not empty: choose a new folder for the copy");
    FolderExport result;
    std::set<std::string> taken;
    for (const auto &c : scan.classes) {
        fs::create_directories(out / c.name, ec);
        if (ec)
            throw std::runtime_error("cannot create " + (out / c.name).string() + ": " + ec.message());
    }
    for (const auto &item : scan.items) {
        const fs::path source(item.path);
        fs::path target = out / scan.classes[item.label].name / source.filename();
        if (!taken.insert(target.string()).second) {
            target = target.parent_path() / (source.stem().string() + "-" + item.sha256.substr(0, 8) + source.extension().string());
            taken.insert(target.string());
        }
        fs::create_hard_link(source, target, ec);
        if (!ec) {
            ++result.linked;
            continue;
        }
        ec.clear();
        fs::copy_file(source, target, ec); // another file system, or links not allowed
        if (ec)
            throw std::runtime_error("cannot copy " + item.relPath + " to " + target.string() + ": " + ec.message());
        ++result.copied;
    }
    return result;
}

} // namespace vitscope
