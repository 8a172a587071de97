#pragma once
// The manual page and the bash completion of vitscope-cli, generated from the CLI's own commands and
// options (so they cannot drift from --help). The build writes them; the Debian package installs them.
#include <CLI/CLI.hpp>

#include <ostream>

namespace vitscope::cli {

void writeManPage(const CLI::App &app, std::ostream &out);
void writeBashCompletion(const CLI::App &app, std::ostream &out);

} // namespace vitscope::cli
