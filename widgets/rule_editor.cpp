// The Sigma rule editor: text area with a line number gutter, debounced checks on a worker
// QThread, diagnostics list and status line. GUI thread (checks: the editor's thread_).
#include "rule_editor.h"

#include "sigma_highlighter.h"

#include "detect/rule_text_check.h"
#include "utf8_text.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QResizeEvent>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace vigie::widgets {

namespace {

constexpr int kDebounceMs = 300;
constexpr int kLineRole = Qt::UserRole;
constexpr int kColumnRole = Qt::UserRole + 1;

QColor problemColour(const QPalette& palette, RuleDiagnostic::Severity severity)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (severity == RuleDiagnostic::Severity::Error)
        return QColor(QLatin1String(dark ? "#ff6b6b" : "#c01c28"));
    return QColor(QLatin1String(dark ? "#e5c07b" : "#b07c00"));
}

// QPlainTextEdit with a line number gutter (problem lines numbered in their colour) and
// Tab inserting two spaces, since YAML forbids tab indentation.
class RuleTextEdit : public QPlainTextEdit {
public:
    explicit RuleTextEdit(QWidget* parent) : QPlainTextEdit(parent), gutter_(new Gutter(this))
    {
        connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateMargins(); });
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
            if (dy != 0)
                gutter_->scroll(0, dy);
            else
                gutter_->update(0, rect.y(), gutter_->width(), rect.height());
        });
        connect(this, &QPlainTextEdit::cursorPositionChanged, gutter_, qOverload<>(&QWidget::update));
        updateMargins();
    }

    // Line (1-based) -> most severe problem on it.
    void setProblemLines(std::map<int, RuleDiagnostic::Severity> lines)
    {
        problem_lines_ = std::move(lines);
        gutter_->update();
    }

    void updateMargins()
    {
        const int digits = static_cast<int>(QString::number(std::max(blockCount(), 99)).size());
        setViewportMargins(gutterWidth(digits), 0, 0, 0);
    }

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
            insertPlainText(QStringLiteral("  "));
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
    }

    void resizeEvent(QResizeEvent* event) override
    {
        QPlainTextEdit::resizeEvent(event);
        const QRect r = contentsRect();
        gutter_->setGeometry(r.left(), r.top(), viewportMargins().left(), r.height());
    }

    void changeEvent(QEvent* event) override
    {
        QPlainTextEdit::changeEvent(event);
        if (event->type() == QEvent::FontChange)
            updateMargins();
    }

private:
    class Gutter : public QWidget {
    public:
        explicit Gutter(RuleTextEdit* edit) : QWidget(edit), edit_(edit) {}

    protected:
        void paintEvent(QPaintEvent* event) override { edit_->paintGutter(event->rect()); }

    private:
        RuleTextEdit* edit_;
    };

    int gutterWidth(int digits) const
    {
        return fontMetrics().horizontalAdvance(QLatin1Char('9')) * (digits + 2);
    }

    void paintGutter(const QRect& rect)
    {
        QPainter painter(gutter_);
        painter.fillRect(rect, palette().color(QPalette::Window));
        const int current = textCursor().blockNumber();
        const int right = gutter_->width() - fontMetrics().horizontalAdvance(QLatin1Char('9'));
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
            if (box.top() > rect.bottom())
                break;
            if (!block.isVisible() || box.bottom() < rect.top())
                continue;
            const int line = block.blockNumber() + 1;
            QFont font = this->font();
            const auto problem = problem_lines_.find(line);
            if (problem != problem_lines_.end()) {
                painter.setPen(problemColour(palette(), problem->second));
                font.setBold(true);
            } else {
                painter.setPen(palette().color(block.blockNumber() == current ? QPalette::Text
                                                                              : QPalette::PlaceholderText));
            }
            painter.setFont(font);
            painter.drawText(QRectF(0, box.top(), right, fontMetrics().height()), Qt::AlignRight,
                             QString::number(line));
        }
    }

    Gutter* gutter_;
    std::map<int, RuleDiagnostic::Severity> problem_lines_;
};

RuleDiagnostic::Severity severityOf(const detect::RuleTextDiagnostic& d)
{
    return d.severity == detect::RuleTextDiagnostic::Severity::Error ? RuleDiagnostic::Severity::Error
                                                                     : RuleDiagnostic::Severity::Warning;
}

} // namespace

RuleEditor::RuleEditor(QWidget* parent)
    : QWidget(parent), edit_(new RuleTextEdit(this)), list_(new QTreeWidget(this)), status_(new QLabel(this)),
      debounce_(new QTimer(this)), worker_(new QObject)
{
    edit_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    static_cast<RuleTextEdit*>(edit_)->updateMargins();
    edit_->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit_->setTabChangesFocus(false);
    highlighter_ = new SigmaHighlighter(edit_->document(), palette());

    list_->setColumnCount(2);
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(true);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(edit_);
    splitter->addWidget(list_);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setContentsMargins(4, 2, 4, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(status_);

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &RuleEditor::requestCheck);
    // contentsChange, not contentsChanged: the highlighter's format changes must not restart it.
    connect(edit_->document(), &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        if (removed != 0 || added != 0)
            textChanged();
    });
    connect(edit_->document(), &QTextDocument::modificationChanged, this, &RuleEditor::modificationChanged);
    connect(list_, &QTreeWidget::itemActivated, this, &RuleEditor::activate);
    connect(list_, &QTreeWidget::itemClicked, this, &RuleEditor::activate);

    thread_.setObjectName(QStringLiteral("rule check"));
    worker_->moveToThread(&thread_);
    thread_.start();
    retranslate();
}

RuleEditor::~RuleEditor()
{
    thread_.quit();
    thread_.wait();
    delete worker_; // its thread has stopped: checks still queued are dropped with it
}

void RuleEditor::setText(const QString& yaml)
{
    edit_->setPlainText(yaml); // a new document state: undo history cleared
    edit_->document()->setModified(false);
    debounce_->stop();
    requestCheck();
}

QString RuleEditor::text() const
{
    return edit_->toPlainText();
}

bool RuleEditor::isModified() const
{
    return edit_->document()->isModified();
}

void RuleEditor::setModified(bool modified)
{
    edit_->document()->setModified(modified);
}

void RuleEditor::goToLine(int line, int column)
{
    QTextBlock block = edit_->document()->findBlockByNumber(std::max(line, 1) - 1);
    if (!block.isValid())
        block = edit_->document()->lastBlock();
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        std::clamp(column - 1, 0, std::max(block.length() - 1, 0)));
    edit_->setTextCursor(cursor);
    edit_->centerCursor();
    edit_->setFocus(Qt::OtherFocusReason);
}

void RuleEditor::textChanged()
{
    ++generation_; // the result of any check under way no longer describes this text
    pending_ = true;
    debounce_->start();
}

void RuleEditor::requestCheck()
{
    pending_ = true;
    const quint64 generation = ++generation_;
    QMetaObject::invokeMethod(
        worker_,
        [this, generation, yaml = edit_->toPlainText().toStdString()] {
            // Runs on thread_, which ~RuleEditor joins before `this` goes away.
            if (generation_.load() != generation)
                return; // the text changed again: a newer request follows
            auto result = std::make_shared<const detect::RuleTextCheck>(detect::checkRuleText(yaml));
            QMetaObject::invokeMethod(
                this, [this, generation, result] { showResult(generation, result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void RuleEditor::showResult(quint64 generation, const std::shared_ptr<const detect::RuleTextCheck>& result)
{
    if (generation != generation_.load())
        return;
    pending_ = false;
    result_ = result;
    diagnostics_ = translatedDiagnostics();
    QList<RuleDocumentSummary> documents;
    for (const detect::RuleTextDocument& d : result->documents)
        documents.append({models::qstr(d.id), models::qstr(d.title), models::qstr(d.level),
                          models::qstr(d.status), d.kind == detect::RuleTextDocument::Kind::Correlation,
                          d.loaded, d.runnable, models::qstr(d.unsupported), d.line});
    const bool documents_changed = documents != documents_;
    documents_ = std::move(documents);
    const bool validity_changed = result->valid() != valid_;
    valid_ = result->valid();
    showDiagnostics();
    underline();
    showStatus();
    if (documents_changed)
        emit documentsChanged(documents_);
    if (validity_changed)
        emit validityChanged(valid_);
    emit checked();
}

QList<RuleDiagnostic> RuleEditor::translatedDiagnostics() const
{
    QList<RuleDiagnostic> diagnostics;
    for (const detect::RuleTextDiagnostic& d : result_->diagnostics) {
        using Kind = detect::RuleTextDiagnostic::Kind;
        const QString subject = models::qstr(d.subject);
        QString message;
        switch (d.kind) {
        case Kind::YamlSyntax:
            message = tr("YAML syntax: %1").arg(models::qstr(d.message));
            break;
        case Kind::Invalid:
            message = models::qstr(d.message); // the engine's own reason (English)
            break;
        case Kind::Unsupported:
            message = tr("Vigie cannot run this rule: %1").arg(models::qstr(d.message));
            break;
        case Kind::MissingKey:
            message = tr("No %1: Sigma rules should have one.").arg(subject);
            break;
        case Kind::UnknownLevel:
            message =
                tr("Unknown level \"%1\": use informational, low, medium, high or critical.").arg(subject);
            break;
        case Kind::UnknownStatus:
            message = tr("Unknown status \"%1\": use stable, test, experimental, deprecated or unsupported.")
                          .arg(subject);
            break;
        case Kind::UnresolvedReference:
            message =
                tr("The correlation refers to rule %1, which is not in this text: load that rule with it.")
                    .arg(subject);
            break;
        }
        diagnostics.append({severityOf(d), d.line, d.column, message});
    }
    return diagnostics;
}

void RuleEditor::showDiagnostics()
{
    list_->clear();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const RuleDiagnostic& d : diagnostics_) {
        const bool is_error = d.severity == RuleDiagnostic::Severity::Error;
        auto* item = new QTreeWidgetItem(list_, {QString::number(d.line), d.message});
        item->setIcon(0, is_error ? error : warning);
        item->setToolTip(0, is_error ? tr("Error") : tr("Warning"));
        item->setToolTip(1, d.message);
        item->setData(0, kLineRole, d.line);
        item->setData(0, kColumnRole, d.column);
    }
}

void RuleEditor::underline()
{
    // A wavy underline from the problem's column to the end of its line (the whole line when
    // the column is past the text, as for a YAML error at the end of a line).
    QList<QTextEdit::ExtraSelection> selections;
    std::map<int, RuleDiagnostic::Severity> lines;
    for (const RuleDiagnostic& d : diagnostics_) {
        const QTextBlock block = edit_->document()->findBlockByNumber(d.line - 1);
        if (!block.isValid())
            continue;
        auto [it, added] = lines.emplace(d.line, d.severity);
        if (!added && d.severity == RuleDiagnostic::Severity::Error)
            it->second = d.severity;
        const int length = block.length() - 1;
        const QString line_text = block.text();
        int indent = 0;
        while (indent < length && line_text.at(indent).isSpace())
            ++indent;
        int from = std::clamp(d.column - 1, 0, length);
        if (from >= length)
            from = std::min(indent, length);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.cursor.setPosition(block.position() + from);
        selection.cursor.setPosition(block.position() + std::max(length, from + 1), QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(problemColour(palette(), d.severity));
        selection.format.setToolTip(d.message);
        selections.append(selection);
    }
    edit_->setExtraSelections(selections);
    static_cast<RuleTextEdit*>(edit_)->setProblemLines(std::move(lines));
}

void RuleEditor::showStatus()
{
    const auto count = [this](RuleDiagnostic::Severity severity) {
        return static_cast<int>(
            std::count_if(diagnostics_.begin(), diagnostics_.end(),
                          [severity](const RuleDiagnostic& d) { return d.severity == severity; }));
    };
    const int errors = count(RuleDiagnostic::Severity::Error);
    const int warnings = count(RuleDiagnostic::Severity::Warning);
    QStringList parts;
    if (!result_) {
        parts << tr("Checking…");
    } else if (errors > 0) {
        parts << tr("%n error(s)", nullptr, errors);
    } else if (documents_.isEmpty()) {
        parts << tr("Empty: write or paste a Sigma rule.");
    } else if (documents_.size() == 1) {
        const RuleDocumentSummary& d = documents_.front();
        const QString name = d.title.isEmpty() ? d.id : d.title;
        parts << (d.correlation ? tr("Valid correlation: %1").arg(name) : tr("Valid rule: %1").arg(name));
    } else {
        parts << tr("Valid: %n document(s)", nullptr, static_cast<int>(documents_.size()));
    }
    if (result_ && warnings > 0)
        parts << tr("%n warning(s)", nullptr, warnings);
    status_->setText(parts.join(QStringLiteral(", ")));
}

void RuleEditor::activate(QTreeWidgetItem* item)
{
    if (item)
        goToLine(item->data(0, kLineRole).toInt(), item->data(0, kColumnRole).toInt());
}

void RuleEditor::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange) {
        highlighter_->setPalette(palette());
        underline();
    }
}

void RuleEditor::retranslate()
{
    edit_->setAccessibleName(tr("Sigma rule text"));
    list_->setHeaderLabels({tr("Line"), tr("Problem")});
    list_->setAccessibleName(tr("Problems in the rule"));
    if (result_) {
        diagnostics_ = translatedDiagnostics();
        showDiagnostics();
        underline();
    }
    showStatus();
}

} // namespace vigie::widgets
