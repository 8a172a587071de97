#pragma once
// Scans a data set for the GUI and, when a model folder is given, fills the preprocessed-image
// cache with that model's input size in the same pass, so a training run that follows decodes
// nothing again. Runs on the calling thread (use it from a worker).
#include "data/dataset_scan.h"

#include <QString>

#include <atomic>
#include <functional>

namespace vitscope {

ScanReport scanForGui(const QString &folder, const QString &modelFolder, const std::function<void(qint64, qint64)> &progress,
                      const std::atomic<bool> *cancel);

} // namespace vitscope
