// Shown texts of the shipped dashboards (see the header). GUI thread.
#include "shipped_dashboard_text.h"

#include <QCoreApplication>

namespace vigie::widgets {

namespace {

constexpr const char* kContext = "vigie::widgets::ShippedDashboard";

} // namespace

QString shownDashboardText(const std::string& text)
{
    return QCoreApplication::translate(kContext, text.c_str());
}

const std::vector<const char*>& shippedDashboardTexts()
{
    static const std::vector<const char*> texts = {
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "SOC overview"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Events by severity"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Events"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Failed logins vs usual"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Hosts with most failed logins"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Users with most failed logins"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Severity mix"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Blocked connections by destination port"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Authentication activity"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Authentication anomalies"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Host"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Failed logins vs usual ($host)"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Failed logins by action"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Failed logins by host"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Failed logins by user"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Failed login source networks"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Brute-force sources"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "First-seen logins"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Distinct users failing"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Privilege use"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Network and IDS"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "IDS alerts by severity"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Top signatures"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "IDS alerts blocked vs allowed"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Top talkers (source networks)"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Rare destination ports"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Blocked connections"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Most targeted destinations"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Network event kinds"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Alerts and incidents"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Open alerts"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Alerts by level"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Top rules"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Alerts by host"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Noisiest entities"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Anomaly vs rule alerts"),
        QT_TRANSLATE_NOOP("vigie::widgets::ShippedDashboard", "Anomaly alerts"),
    };
    return texts;
}

} // namespace vigie::widgets
