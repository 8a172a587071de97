#pragma once
// The Hub repository id a model folder was downloaded from, read back from its path: the Hub
// cache's models--owner--name, or the app's models/owner--name (session/hub_model.cpp's
// downloadFolder). Plain std, compiled into the engine and into the report library, which links
// no torch.
#include <string>

namespace vitscope {

// "owner/name", or "" when the path is no Hub download.
std::string hubIdOfModelPath(const std::string &modelPath);

} // namespace vitscope
