#pragma once
// EventDetailPane: every field of the selected event as a form, the parse error (if any)
// highlighted above it, the extra fields as JSON, and the raw line in a read-only monospace
// box with a copy button. Shows a value it is given; never queries anything: a value's
// context menu asks for pivots (filter for / filter out this value, search this host, user
// or source IP ±15 minutes) through signals the search bar answers. GUI thread.
#include "event_row.h"

#include <QWidget>

#include <array>

class QAction;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace vigie::widgets {

class EventDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit EventDetailPane(QWidget* parent = nullptr);

    void setEvent(const models::EventRow& event);
    void clear();
    bool hasEvent() const { return event_.has_value(); }

    QString rawText() const;
    // The text shown for a field, by its column name ("host", "source_ip"...), for tests.
    QString fieldText(const QString& name) const;
    // The pivot actions for a field of the current event (empty when it has no such value),
    // parented to `parent`: what the value's context menu shows. Object names: filterFor,
    // filterOut, searchAround.
    QList<QAction*> pivotActions(const QString& name, QObject* parent);

Q_SIGNALS:
    // `value` is the field's value as the query language compares it (not the shown text).
    void filterRequested(const QString& field, const QString& value, bool exclude);
    void searchAroundRequested(const QString& field, const QString& value, const QDateTime& around);

public Q_SLOTS:
    void copyRawLine() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    enum Field {
        Id,
        Time,
        ReceivedAt,
        Host,
        App,
        Pid,
        Severity,
        Facility,
        Category,
        Action,
        Outcome,
        UserName,
        SourceIp,
        SourcePort,
        DestIp,
        DestPort,
        Process,
        Format,
        Message,
        FieldCount
    };
    static const char* fieldName(Field field);
    QString fieldLabel(Field field) const;
    void retranslate();
    void fill();
    std::optional<QString> queryValue(Field field) const;
    void showValueMenu(Field field, const QPoint& position);

    std::optional<models::EventRow> event_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QLabel* parseError_;
    QGridLayout* form_;
    std::array<QLabel*, FieldCount> labels_{};
    std::array<QLabel*, FieldCount> values_{};
    QLabel* fieldsTitle_;
    QPlainTextEdit* fields_;
    QLabel* rawTitle_;
    QPlainTextEdit* raw_;
    QPushButton* copyRaw_;
};

} // namespace vigie::widgets
