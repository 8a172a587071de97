#include "session/dataset_scanner.h"

#include "data/cache.h"
#include "data/preprocess.h"
#include "engine/file_util.h"

#include <QDir>
#include <QFileInfo>

#include <memory>

namespace vitscope {

ScanReport scanForGui(const QString &folder, const QString &modelFolder, const std::function<void(qint64, qint64)> &progress,
                      const std::atomic<bool> *cancel)
{
    ScanOptions options;
    options.cancel = cancel;
    if (progress)
        options.progress = [&](int64_t done, int64_t total) { progress(done, total); };
    std::unique_ptr<Preprocessor> preprocessor;
    std::unique_ptr<ImageCache> cache;
    const QString config = QDir(modelFolder).filePath(QStringLiteral("config.json"));
    if (!modelFolder.isEmpty() && QFileInfo::exists(config)) {
        try {
            const ViTConfig model = loadViTConfig(config.toStdString());
            preprocessor = std::make_unique<Preprocessor>(loadPreprocessConfig(modelFolder.toStdString(), model.imageSize));
            cache = std::make_unique<ImageCache>(ImageCache::defaultDirectory(), preprocessor->config());
            options.preprocessor = preprocessor.get();
            options.cache = cache.get();
        } catch (const std::exception &) {
            // An unreadable model only costs the cache pre-fill; the scan itself still runs.
        }
    }
    return scanDataset(folder.toStdString(), options);
}

} // namespace vitscope
