// libFuzzer target: the readers of files vitscope writes and reads back: split.json, the label
// manifest (one JSON line per change) and a run folder's run.json. Each input is written to a file
// and read the way a damaged or hostile file would be; the first byte picks the reader.
#include "data/label_manifest.h"
#include "data/split.h"
#include "engine/run_files.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const fs::path dir = fs::temp_directory_path() / ("vitscope-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const int reader = data[0] % 3;
    const char *names[] = {"split.json", "vitscope-labels.jsonl", "run.json"};
    const fs::path file = dir / names[reader];
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    try {
        if (reader == 0)
            (void)vitscope::loadSplit(file.string());
        else if (reader == 1)
            (void)vitscope::LabelManifest(dir.string(), file.string());
        else
            (void)vitscope::readRunInfo(dir.string());
    } catch (const std::exception &) {
    }
    return 0;
}
