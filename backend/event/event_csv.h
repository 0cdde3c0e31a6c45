#pragma once
// Events as CSV rows for analysts who open exports in spreadsheets: RFC 4180 (comma separated,
// CRLF line ends, a field holding a comma, a double quote, CR or LF is quoted and its quotes
// doubled), UTF-8 as stored, one fixed set of columns (csvColumns()). Log text is written by
// whoever sent the log, so a text cell that a spreadsheet would read as a formula (it begins
// with = + - @, a tab or a CR) gets a leading apostrophe, as OWASP recommends against CSV
// injection. Pure functions, safe from any thread.
#include "event/event.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigie {

// time, host, app, severity, category, action, outcome, user_name, source_ip, source_port,
// dest_ip, dest_port, message, raw.
const std::vector<std::string_view>& csvColumns();

// Appends the header row (the column names), CRLF included.
void appendCsvHeader(std::string& out);

// Appends one event as a row, CRLF included: time as ISO 8601 UTC with milliseconds, numbers
// in decimal, absent values as empty cells.
void appendCsvRow(std::string& out, const Event& event);

// Appends one text cell: guarded against formula injection, then quoted when it needs to be.
void appendCsvText(std::string& out, std::string_view text);

// ISO 8601 UTC with milliseconds (truncated, not rounded), e.g. "2026-11-22T06:01:59.123Z".
std::string formatTimestampMillis(Timestamp ts);

} // namespace vigie
