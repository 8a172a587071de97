#pragma once
// CSV as RFC 4180 has it: fields separated by commas, records by CRLF (LF accepted on reading),
// fields with a comma, a quote or a line break quoted, quotes doubled. One writer and one reader
// for every CSV the project writes (predictions.csv, the Predict and Evaluate exports).
#include <string>
#include <vector>

namespace vitscope {

using CsvRecord = std::vector<std::string>;

std::string csvField(const std::string &field); // quoted only where needed
std::string csvRecord(const CsvRecord &fields);  // with its CRLF
std::string csvNumber(double value);             // 9 significant digits: float32 exactly

// Parses a whole document; a quoted field may hold line breaks. A trailing line break does not
// make an empty record.
std::vector<CsvRecord> parseCsv(const std::string &text);

} // namespace vitscope
