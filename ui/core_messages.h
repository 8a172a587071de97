#pragma once
// What a training job says as it runs (the trainer's log, the job's warnings, its progress stages,
// the model's load notes, the device it runs on) and what a data set scan found, in the user's
// language. The core words them in English for the CLI and the run files (core/engine/trainer.cpp,
// core/job/training_job.cpp, core/data/pipeline.cpp, core/data/dataset_scan.cpp,
// core/engine/checkpoint.cpp, core/engine/runtime.cpp); the views show them through this table.
// A message it does not know is shown as it is.
#include <QString>

namespace vitscope {

QString coreMessageText(const QString &message);

} // namespace vitscope
