#include "job/demo.h"

#include "data/demo_data.h"
#include "engine/file_util.h"
#include "engine/vit_config.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace vitscope {

DemoAssets ensureDemo(const std::string &base)
{
    DemoAssets demo{(fs::path(base) / "demo-data").string(), (fs::path(base) / "demo-model").string()};
    if (!fs::exists(fs::path(demo.data) / "README.txt"))
        writeDemoDataset(demo.data, 40, 1);
    writeDemoModel(demo.model);
    return demo;
}

void writeDemoModel(const std::string &folder)
{
    fs::create_directories(folder);
    ViTConfig c = vitTinyConfig(64);
    for (const auto &n : kvasirClassNames())
        c.labels.push_back(n);
    writeTextAtomically((fs::path(folder) / "config.json").string(), viTConfigToJson(c));
    writeTextAtomically((fs::path(folder) / "preprocessor_config.json").string(), preprocessConfigToJson(defaultPreprocessConfig(64)));
}

TrainConfig demoRecipe()
{
    TrainConfig t;
    t.epochs = 12;
    t.lr = 1e-3;
    t.warmupSteps = 20;
    t.batchSize = 16;
    return t;
}

} // namespace vitscope
