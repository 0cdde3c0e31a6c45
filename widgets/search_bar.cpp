#include "search_bar.h"

#include "event_table_model.h"
#include "query/variables.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "query/query.h"

namespace vigie::widgets {
namespace {

const QString historyKey = QStringLiteral("search/history");
constexpr qsizetype historyLimit = 50;
constexpr int customRange = -1; // the combo item of an absolute range
const int rangeMinutes[] = {15, 60, 24 * 60, 7 * 24 * 60, 0};

qint64 micros(const QDateTime& time)
{
    return time.toMSecsSinceEpoch() * 1000;
}

} // namespace

models::EventSearch SearchEntry::toSearch(const QDateTime& now) const
{
    models::EventSearch search;
    search.query = query;
    if (from || to) {
        if (from)
            search.fromUs = micros(*from);
        if (to)
            search.toUs = micros(*to);
    } else if (lastMinutes > 0) {
        search.fromUs = micros(now.addSecs(qint64(lastMinutes) * -60));
    }
    return search;
}

SearchBar::SearchBar(models::EventTableModel* model, QWidget* parent)
    : QWidget(parent), model_(model), backButton_(new QToolButton(this)),
      forwardButton_(new QToolButton(this)), backAction_(new QAction(this)),
      forwardAction_(new QAction(this)), edit_(new QLineEdit(this)), range_(new QComboBox(this)),
      error_(new QLabel(this)), completer_(new QCompleter(this)), fields_(new QStringListModel(this))
{
    setObjectName(QStringLiteral("searchBar"));
    edit_->setObjectName(QStringLiteral("searchQuery"));
    edit_->setClearButtonEnabled(true);
    edit_->installEventFilter(this);
    range_->setObjectName(QStringLiteral("searchRange"));
    for (const int minutes : rangeMinutes)
        range_->addItem(QString(), minutes);
    // All time, as the table shows when it opens before any search.
    range_->setCurrentIndex(range_->findData(0));
    range_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    error_->setObjectName(QStringLiteral("searchError"));
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    error_->hide();

    backAction_->setObjectName(QStringLiteral("searchBack"));
    backAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    backAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    forwardAction_->setObjectName(QStringLiteral("searchForward"));
    forwardAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    forwardAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    backButton_->setDefaultAction(backAction_);
    backButton_->setAutoRaise(true);
    forwardButton_->setDefaultAction(forwardAction_);
    forwardButton_->setAutoRaise(true);
    connect(backAction_, &QAction::triggered, this, &SearchBar::back);
    connect(forwardAction_, &QAction::triggered, this, &SearchBar::forward);

    QStringList names;
    for (const auto field : query::knownFields())
        names << QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
    fields_->setStringList(names);
    completer_->setModel(fields_);
    completer_->setWidget(edit_);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
            &SearchBar::insertCompletion);
    connect(edit_, &QLineEdit::textEdited, this, [this] {
        browsing_ = -1;
        updateCompletion();
    });
    connect(edit_, &QLineEdit::returnPressed, this, &SearchBar::runCurrent);
    connect(range_, &QComboBox::activated, this, [this] {
        if (range_->currentData().toInt() != customRange)
            runCurrent();
    });

    history_ = QSettings().value(historyKey).toStringList();

    auto* line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(backButton_);
    line->addWidget(forwardButton_);
    line->addWidget(edit_, 1);
    line->addWidget(range_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(error_);

    retranslate();
    updateNavigation();
}

QString SearchBar::quoted(const QString& value)
{
    return QString::fromStdString(query::quotedValue(value.toStdString()));
}

SearchEntry SearchBar::current() const
{
    SearchEntry entry;
    entry.query = edit_->text().trimmed();
    const int minutes = range_->currentData().toInt();
    if (minutes == customRange && position_ >= 0) {
        entry.from = steps_.at(position_).from;
        entry.to = steps_.at(position_).to;
    } else {
        entry.lastMinutes = std::max(minutes, 0);
    }
    return entry;
}

QString SearchBar::errorText() const
{
    return error_->isVisible() || lastError_ ? error_->text() : QString();
}

void SearchBar::showEntry(const SearchEntry& entry)
{
    edit_->setText(entry.query);
    const int custom = range_->findData(customRange);
    if (entry.from || entry.to) {
        const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
        const QString text = tr("%1 to %2")
                                 .arg(entry.from ? entry.from->toLocalTime().toString(format) : QString(),
                                      entry.to ? entry.to->toLocalTime().toString(format) : QString());
        if (custom < 0)
            range_->addItem(text, customRange);
        else
            range_->setItemText(custom, text);
        range_->setCurrentIndex(range_->findData(customRange));
        return;
    }
    if (custom >= 0)
        range_->removeItem(custom);
    const int index = range_->findData(entry.lastMinutes);
    range_->setCurrentIndex(index >= 0 ? index : range_->findData(0));
}

bool SearchBar::apply(const SearchEntry& entry)
{
    if (const auto error = model_->setSearch(entry.toSearch(QDateTime::currentDateTimeUtc()))) {
        showError(*error);
        return false;
    }
    clearError();
    return true;
}

bool SearchBar::run(const SearchEntry& entry)
{
    showEntry(entry);
    if (!apply(entry))
        return false;
    remember(entry.query);
    // A new search drops the steps after the current one, as a browser does.
    if (position_ < 0 || steps_.at(position_) != entry) {
        steps_.resize(position_ + 1);
        steps_.append(entry);
        position_ = steps_.size() - 1;
    }
    updateNavigation();
    return true;
}

bool SearchBar::runCurrent()
{
    if (completer_->popup()->isVisible())
        return false;
    SearchEntry entry = current();
    return run(entry);
}

bool SearchBar::addFilter(const QString& field, const QString& value, bool exclude)
{
    const QString term =
        (exclude ? QStringLiteral("not ") : QString()) + field + QLatin1Char(':') + quoted(value);
    SearchEntry entry = position_ >= 0 ? steps_.at(position_) : current();
    const QString base = entry.query.trimmed();
    entry.query = base.isEmpty() ? term : QLatin1Char('(') + base + QStringLiteral(") and ") + term;
    return run(entry);
}

bool SearchBar::searchAround(const QString& field, const QString& value, const QDateTime& around)
{
    SearchEntry entry;
    entry.query = field + QLatin1Char(':') + quoted(value);
    entry.from = around.addSecs(-15 * 60);
    entry.to = around.addSecs(15 * 60);
    return run(entry);
}

bool SearchBar::zoomTo(const QDateTime& from, const QDateTime& to)
{
    SearchEntry entry = position_ >= 0 ? steps_.at(position_) : current();
    entry.from = from;
    entry.to = to;
    return run(entry);
}

bool SearchBar::back()
{
    if (!canGoBack())
        return false;
    --position_;
    showEntry(steps_.at(position_));
    apply(steps_.at(position_));
    updateNavigation();
    return true;
}

bool SearchBar::forward()
{
    if (!canGoForward())
        return false;
    ++position_;
    showEntry(steps_.at(position_));
    apply(steps_.at(position_));
    updateNavigation();
    return true;
}

void SearchBar::focusQuery()
{
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->selectAll();
}

void SearchBar::showError(const models::SearchSyntaxError& error)
{
    lastError_ = error;
    error_->setText(tr("Syntax error at character %1: %2").arg(error.position + 1).arg(error.message));
    error_->show();
    // Select the offending character (or the end of the line) so the eye lands on it.
    const int position = std::clamp(error.position, 0, static_cast<int>(edit_->text().size()));
    edit_->setFocus(Qt::OtherFocusReason);
    if (position < edit_->text().size())
        edit_->setSelection(position, 1);
    else
        edit_->setCursorPosition(position);
}

void SearchBar::clearError()
{
    lastError_.reset();
    error_->clear();
    error_->hide();
}

void SearchBar::remember(const QString& query)
{
    if (query.isEmpty())
        return;
    history_.removeAll(query);
    history_.prepend(query);
    if (history_.size() > historyLimit)
        history_.resize(historyLimit);
    QSettings().setValue(historyKey, history_);
    browsing_ = -1;
}

void SearchBar::updateNavigation()
{
    backAction_->setEnabled(canGoBack());
    forwardAction_->setEnabled(canGoForward());
}

QString SearchBar::wordBeforeCursor(int* start) const
{
    const QString text = edit_->text();
    int begin = edit_->cursorPosition();
    while (begin > 0) {
        const QChar c = text.at(begin - 1);
        if (c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')'))
            break;
        --begin;
    }
    *start = begin;
    return text.mid(begin, edit_->cursorPosition() - begin);
}

void SearchBar::updateCompletion()
{
    int start = 0;
    const QString word = wordBeforeCursor(&start);
    // Only a bare word may be a field name; after ':' the analyst types a value.
    const bool bare = std::all_of(word.cbegin(), word.cend(), [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
    });
    if (word.isEmpty() || !bare) {
        completer_->popup()->hide();
        return;
    }
    completer_->setCompletionPrefix(word);
    if (completer_->completionCount() == 0 ||
        (completer_->completionCount() == 1 && completer_->currentCompletion() == word)) {
        completer_->popup()->hide();
        return;
    }
    completer_->popup()->setCurrentIndex(completer_->completionModel()->index(0, 0));
    completer_->complete();
}

void SearchBar::insertCompletion(const QString& field)
{
    int start = 0;
    const QString word = wordBeforeCursor(&start);
    QString text = edit_->text();
    // "fields." is a prefix for the jsonb keys: the analyst goes on typing the key.
    const QString insert = field.endsWith(QLatin1Char('.')) ? field : field + QLatin1Char(':');
    text.replace(start, word.size(), insert);
    edit_->setText(text);
    edit_->setCursorPosition(start + static_cast<int>(insert.size()));
}

bool SearchBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == edit_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (completer_->popup()->isVisible())
            return QWidget::eventFilter(watched, event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            edit_->clear();
            clearError();
            browsing_ = -1;
            return true;
        }
        if ((key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) && key->modifiers() == Qt::NoModifier) {
            if (history_.isEmpty())
                return true;
            if (browsing_ < 0)
                draft_ = edit_->text();
            const qsizetype next = browsing_ + (key->key() == Qt::Key_Up ? 1 : -1);
            if (next >= history_.size())
                return true;
            browsing_ = std::max<qsizetype>(next, -1);
            edit_->setText(browsing_ < 0 ? draft_ : history_.at(browsing_));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SearchBar::retranslate()
{
    edit_->setPlaceholderText(tr("Search events, e.g. host:web-01 and severity<=3 (Ctrl+F)"));
    edit_->setToolTip(tr("Query: field:value, and / or / not, quotes for phrases, * wildcards. "
                         "Enter runs it, Esc clears it, Up and Down recall past queries."));
    range_->setToolTip(tr("Time range"));
    const QStringList names = {tr("Last 15 minutes"), tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"),
                               tr("All time")};
    for (int i = 0; i < names.size(); ++i)
        range_->setItemText(range_->findData(rangeMinutes[i]), names.at(i));
    backAction_->setText(tr("Back"));
    backAction_->setToolTip(tr("Previous search (Alt+Left)"));
    forwardAction_->setText(tr("Forward"));
    forwardAction_->setToolTip(tr("Next search (Alt+Right)"));
    if (lastError_)
        showError(*lastError_);
}

} // namespace vigie::widgets
