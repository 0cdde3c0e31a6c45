#pragma once
// RetentionDialog: Administration > Retention… — how many days of events the database keeps
// (1 to 3650, or every event), with what it holds (daily partitions, the oldest day) and what
// the window would drop now (a dry run, refreshed as the value changes). OK saves the window
// through the RetentionService, which applies it at once. GUI thread.
#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace vigie::models {
class RetentionService;
struct RetentionPreview;
} // namespace vigie::models

namespace vigie::widgets {

class RetentionDialog : public QDialog {
    Q_OBJECT
public:
    // The window proposed when none is set: three months online, what PCI DSS asks of logs
    // and a common floor for SOC investigations.
    static constexpr int suggestedDays = 90;

    explicit RetentionDialog(models::RetentionService* service, QWidget* parent = nullptr);

    // The window chosen: nullopt keeps every event.
    std::optional<int> days() const;
    void setDays(std::optional<int> days);
    QSpinBox* daysBox() const { return days_; }
    QCheckBox* keepForeverBox() const { return forever_; }
    QString holdingText() const;
    QString effectText() const;

    void accept() override; // saves through the service

private:
    void requestPreview();
    void onPreview(const models::RetentionPreview& preview);

    models::RetentionService* service_;
    QSpinBox* days_;
    QCheckBox* forever_;
    QLabel* holding_;
    QLabel* effect_;
    QDialogButtonBox* buttons_;
    QTimer* previewTimer_;
    int request_ = 0;
    bool loaded_ = false; // the saved window was shown once
};

} // namespace vigie::widgets
