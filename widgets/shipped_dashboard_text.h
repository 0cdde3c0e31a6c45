#pragma once
// The shipped dashboards (resources/dashboards/*.json) are data written in English: their
// names, tile titles and variable labels are shown through shownDashboardText(), which reads
// them in the interface's language. A text an analyst wrote has no translation and shows as
// written. GUI thread.
#include <QString>

#include <string>
#include <vector>

namespace vigie::widgets {

QString shownDashboardText(const std::string& text);

// Every text of the shipped dashboards, marked for translation (a test keeps it complete).
const std::vector<const char*>& shippedDashboardTexts();

} // namespace vigie::widgets
