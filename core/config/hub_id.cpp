#include "config/hub_id.h"

#include <filesystem>

namespace vitscope {

std::string hubIdOfModelPath(const std::string &modelPath)
{
    std::string previous;
    for (const auto &part : std::filesystem::path(modelPath)) {
        const std::string s = part.string();
        if (s.rfind("models--", 0) == 0) {
            const std::string rest = s.substr(8);
            if (const auto dash = rest.find("--"); dash != std::string::npos)
                return rest.substr(0, dash) + "/" + rest.substr(dash + 2);
        }
        if (previous == "models")
            if (const auto dash = s.find("--"); dash != std::string::npos && dash > 0)
                return s.substr(0, dash) + "/" + s.substr(dash + 2);
        previous = s;
    }
    return {};
}

} // namespace vitscope
