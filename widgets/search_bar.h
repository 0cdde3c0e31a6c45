#pragma once
// SearchBar: the search view's controls above the events table — a query line (history on
// Up/Down, kept in QSettings; field-name completion; Enter runs, Esc clears), a time range
// combo, Back/Forward through the searches run, and the syntax error shown inline under the
// line with the offending position selected. It runs searches on the EventTableModel it is
// given; a query that does not parse leaves the rows shown as they are. GUI thread.
#include "event_search.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QToolButton;

namespace vigie::models {
class EventTableModel;
}

namespace vigie::widgets {

// One search as the analyst asked for it: a relative range stays relative until it runs.
struct SearchEntry {
    QString query;
    int lastMinutes = 0;           // 0: all time; ignored when `from`/`to` are set
    std::optional<QDateTime> from; // an absolute range (a pivot around an event)
    std::optional<QDateTime> to;

    bool operator==(const SearchEntry&) const = default;
    models::EventSearch toSearch(const QDateTime& now) const;
};

class SearchBar : public QWidget {
    Q_OBJECT
public:
    explicit SearchBar(models::EventTableModel* model, QWidget* parent = nullptr);

    // `value` as a quoted value of the query language: "…" with \ and " escaped.
    static QString quoted(const QString& value);

    // Runs `entry` (and shows it in the bar); false, with the error shown, when it does not
    // parse. A successful run becomes the newest step of Back/Forward.
    bool run(const SearchEntry& entry);
    // Runs what the bar shows (the line's text and the selected range).
    bool runCurrent();
    // Adds `field:"value"` (or `not field:"value"`) to the current query and runs it.
    bool addFilter(const QString& field, const QString& value, bool exclude);
    // Searches `field:"value"` from 15 minutes before `around` to 15 minutes after it.
    bool searchAround(const QString& field, const QString& value, const QDateTime& around);
    // Runs the current query over the absolute range [from, to) (a drag on the histogram).
    bool zoomTo(const QDateTime& from, const QDateTime& to);

    bool canGoBack() const { return position_ > 0; }
    bool canGoForward() const { return position_ + 1 < steps_.size(); }
    bool back();
    bool forward();

    SearchEntry current() const;
    QLineEdit* lineEdit() const { return edit_; }
    QComboBox* rangeCombo() const { return range_; }
    QString errorText() const;
    QAction* backAction() const { return backAction_; }
    QAction* forwardAction() const { return forwardAction_; }
    QStringList history() const { return history_; }

public Q_SLOTS:
    void focusQuery();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showEntry(const SearchEntry& entry);
    bool apply(const SearchEntry& entry);
    void showError(const models::SearchSyntaxError& error);
    void clearError();
    void remember(const QString& query);
    void updateNavigation();
    void updateCompletion();
    void insertCompletion(const QString& field);
    QString wordBeforeCursor(int* start) const;

    models::EventTableModel* model_;
    QToolButton* backButton_;
    QToolButton* forwardButton_;
    QAction* backAction_;
    QAction* forwardAction_;
    QLineEdit* edit_;
    QComboBox* range_;
    QLabel* error_;
    QCompleter* completer_;
    QStringListModel* fields_;
    std::optional<models::SearchSyntaxError> lastError_;

    QList<SearchEntry> steps_; // Back/Forward
    qsizetype position_ = -1;
    QStringList history_;     // past query texts, newest first (QSettings)
    qsizetype browsing_ = -1; // index in history_ while Up/Down walk it
    QString draft_;           // what was typed before Up was first pressed
};

} // namespace vigie::widgets
