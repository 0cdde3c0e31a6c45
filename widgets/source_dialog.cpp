#include "source_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigie::widgets {
namespace {

using Field = models::SourceConfig::Field;
using Protocol = ingest::ListenSpec::Protocol;

constexpr int defaultTlsPort = 6514;
constexpr int defaultPlainPort = 5514;

} // namespace

SourceDialog::SourceDialog(const models::SourceConfig& source, QStringList otherNames, QWidget* parent)
    : QDialog(parent), original_(source), otherNames_(std::move(otherNames)), form_(new QFormLayout),
      name_(new QLineEdit(this)), protocol_(new QComboBox(this)), address_(new QLineEdit(this)),
      port_(new QSpinBox(this)), format_(new QComboBox(this)), enabled_(new QCheckBox(this)),
      tls_(new QGroupBox(this)), tlsForm_(new QFormLayout), tlsHint_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("sourceDialog"));
    name_->setObjectName(QStringLiteral("nameEdit"));
    protocol_->setObjectName(QStringLiteral("protocolCombo"));
    address_->setObjectName(QStringLiteral("addressEdit"));
    port_->setObjectName(QStringLiteral("portSpin"));
    format_->setObjectName(QStringLiteral("formatCombo"));
    enabled_->setObjectName(QStringLiteral("enabledCheck"));
    tls_->setObjectName(QStringLiteral("tlsGroup"));
    name_->setMaxLength(200);
    port_->setRange(0, 65535);
    port_->setGroupSeparatorShown(false);
    for (const Protocol protocol : {Protocol::Tcp, Protocol::Udp, Protocol::Tls})
        protocol_->addItem(QString(), static_cast<int>(protocol));
    for (const parse::Format format : models::SourceConfig::allFormats())
        format_->addItem(QString(), static_cast<int>(format));
    tlsHint_->setWordWrap(true);
    tlsHint_->setObjectName(QStringLiteral("tlsHint"));

    const auto withMessage = [this](QWidget* field, Field which, const QString& objectName) {
        auto* box = new QWidget(this);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(field);
        QLabel* message = makeMessageLabel(objectName);
        layout->addWidget(message);
        messages_.insert(which, message);
        return box;
    };
    form_->addRow(QString(), withMessage(name_, Field::Name, QStringLiteral("nameProblem")));
    form_->addRow(QString(), protocol_);
    form_->addRow(QString(), withMessage(address_, Field::Address, QStringLiteral("addressProblem")));
    form_->addRow(QString(), withMessage(port_, Field::Port, QStringLiteral("portProblem")));
    form_->addRow(QString(), format_);
    form_->addRow(QString(), enabled_);

    tlsForm_->addRow(tlsHint_);
    tlsForm_->addRow(QString(), makeFileRow(certificate_, QStringLiteral("certificate")));
    tlsForm_->addRow(QString(), makeFileRow(privateKey_, QStringLiteral("privateKey")));
    tlsForm_->addRow(QString(), makeFileRow(clientCa_, QStringLiteral("clientCa")));
    tls_->setLayout(tlsForm_);
    messages_.insert(Field::TlsCertificate, certificate_.label);
    messages_.insert(Field::TlsPrivateKey, privateKey_.label);
    messages_.insert(Field::TlsClientCa, clientCa_.label);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form_);
    layout->addWidget(tls_);
    layout->addStretch(1);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SourceDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    name_->setText(source.name);
    protocol_->setCurrentIndex(protocol_->findData(static_cast<int>(source.protocol)));
    address_->setText(source.address);
    port_->setValue(source.port);
    format_->setCurrentIndex(format_->findData(static_cast<int>(source.format)));
    enabled_->setChecked(source.enabled);
    certificate_.edit->setText(source.tlsCertificate);
    privateKey_.edit->setText(source.tlsPrivateKey);
    clientCa_.edit->setText(source.tlsClientCa);

    connect(name_, &QLineEdit::textEdited, this, [this] { touch(Field::Name); });
    connect(address_, &QLineEdit::textEdited, this, [this] { touch(Field::Address); });
    connect(port_, &QSpinBox::valueChanged, this, [this] { touch(Field::Port); });
    connect(certificate_.edit, &QLineEdit::textChanged, this, [this] { touch(Field::TlsCertificate); });
    connect(privateKey_.edit, &QLineEdit::textChanged, this, [this] { touch(Field::TlsPrivateKey); });
    connect(clientCa_.edit, &QLineEdit::textChanged, this, [this] { touch(Field::TlsClientCa); });
    connect(protocol_, &QComboBox::currentIndexChanged, this, &SourceDialog::onProtocolChanged);

    retranslate();
    onProtocolChanged();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

QLabel* SourceDialog::makeMessageLabel(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setVisible(false);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QWidget* SourceDialog::makeFileRow(FileRow& row, const QString& objectName)
{
    auto* box = new QWidget(this);
    auto* outer = new QVBoxLayout(box);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    auto* line = new QHBoxLayout;
    row.edit = new QLineEdit(box);
    row.edit->setObjectName(objectName + QStringLiteral("Edit"));
    row.edit->setClearButtonEnabled(true);
    row.browse = new QToolButton(box);
    row.browse->setObjectName(objectName + QStringLiteral("Browse"));
    line->addWidget(row.edit, 1);
    line->addWidget(row.browse);
    outer->addLayout(line);
    row.label = makeMessageLabel(objectName + QStringLiteral("Problem"));
    outer->addWidget(row.label);
    const bool key = objectName == QLatin1String("privateKey");
    connect(row.browse, &QToolButton::clicked, this,
            [this, edit = row.edit, key] { browse(edit, QString(), key); });
    return box;
}

void SourceDialog::browse(QLineEdit* edit, const QString& caption, bool key)
{
    const QString filter = key ? tr("PEM keys (*.key *.pem);;All files (*)")
                               : tr("PEM certificates (*.pem *.crt *.cer);;All files (*)");
    auto* dialog =
        new QFileDialog(this, caption.isEmpty() ? tr("Choose a PEM file") : caption, edit->text(), filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    dialog->open();
}

void SourceDialog::onProtocolChanged()
{
    const auto protocol = static_cast<Protocol>(protocol_->currentData().toInt());
    const bool tls = protocol == Protocol::Tls;
    tls_->setEnabled(tls);
    // The usual port of the protocol, unless the analyst chose one.
    if (!touched_.contains(Field::Port)) {
        const QSignalBlocker block(port_);
        if (tls && port_->value() == defaultPlainPort)
            port_->setValue(defaultTlsPort);
        else if (!tls && port_->value() == defaultTlsPort)
            port_->setValue(defaultPlainPort);
    }
    validate();
}

void SourceDialog::touch(Field field)
{
    touched_.insert(field);
    validate();
}

models::SourceConfig SourceDialog::source() const
{
    models::SourceConfig source = original_;
    source.name = name_->text().trimmed();
    source.protocol = static_cast<Protocol>(protocol_->currentData().toInt());
    source.address = address_->text().trimmed();
    source.port = port_->value();
    source.format = static_cast<parse::Format>(format_->currentData().toInt());
    source.enabled = enabled_->isChecked();
    source.tlsCertificate = source.isTls() ? certificate_.edit->text().trimmed() : QString();
    source.tlsPrivateKey = source.isTls() ? privateKey_.edit->text().trimmed() : QString();
    source.tlsClientCa = source.isTls() ? clientCa_.edit->text().trimmed() : QString();
    return source;
}

QString SourceDialog::problemText(Field field) const
{
    const QLabel* label = messages_.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void SourceDialog::validate()
{
    const models::SourceConfig current = source();
    const auto problems = current.problems(otherNames_);
    const auto warnings = current.warnings();
    for (auto it = messages_.cbegin(); it != messages_.cend(); ++it) {
        QLabel* label = it.value();
        const bool shown = showAll_ || touched_.contains(it.key());
        if (shown && problems.contains(it.key())) {
            label->setText(problems.value(it.key()));
            label->setStyleSheet(QStringLiteral("color: #c62828;"));
            label->setVisible(true);
        } else if (warnings.contains(it.key())) {
            label->setText(warnings.value(it.key()));
            label->setStyleSheet(QStringLiteral("color: #a15c00;"));
            label->setVisible(true);
        } else {
            label->clear();
            label->setVisible(false);
        }
    }
}

void SourceDialog::accept()
{
    showAll_ = true;
    validate();
    const auto problems = source().problems(otherNames_);
    if (!problems.isEmpty()) {
        switch (problems.firstKey()) {
        case Field::Name:
            name_->setFocus();
            break;
        case Field::Address:
            address_->setFocus();
            break;
        case Field::Port:
            port_->setFocus();
            break;
        case Field::TlsCertificate:
            certificate_.edit->setFocus();
            break;
        case Field::TlsPrivateKey:
            privateKey_.edit->setFocus();
            break;
        case Field::TlsClientCa:
            clientCa_.edit->setFocus();
            break;
        }
        return;
    }
    QDialog::accept();
}

void SourceDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SourceDialog::retranslate()
{
    setWindowTitle(original_.id == 0 ? tr("Add Source") : tr("Edit Source “%1”").arg(original_.name));
    const auto setLabel = [](QFormLayout* form, QWidget* field, const QString& text) {
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
            label->setText(text);
    };
    setLabel(form_, name_->parentWidget(), tr("&Name:"));
    setLabel(form_, protocol_, tr("&Protocol:"));
    setLabel(form_, address_->parentWidget(), tr("Listen &address:"));
    setLabel(form_, port_->parentWidget(), tr("P&ort:"));
    setLabel(form_, format_, tr("&Format:"));
    if (auto* label = qobject_cast<QLabel*>(form_->labelForField(name_->parentWidget())))
        label->setBuddy(name_);
    if (auto* label = qobject_cast<QLabel*>(form_->labelForField(address_->parentWidget())))
        label->setBuddy(address_);
    if (auto* label = qobject_cast<QLabel*>(form_->labelForField(port_->parentWidget())))
        label->setBuddy(port_);
    name_->setPlaceholderText(tr("e.g. Firewalls (CEF)"));
    address_->setPlaceholderText(tr("0.0.0.0 for every interface"));
    port_->setToolTip(tr("0 lets the system choose a free port"));
    enabled_->setText(tr("&Enabled: listen as soon as it is saved"));
    for (int i = 0; i < protocol_->count(); ++i)
        protocol_->setItemText(
            i, models::SourceConfig::protocolLabel(static_cast<Protocol>(protocol_->itemData(i).toInt())));
    for (int i = 0; i < format_->count(); ++i)
        format_->setItemText(
            i, models::SourceConfig::formatLabel(static_cast<parse::Format>(format_->itemData(i).toInt())));
    format_->setToolTip(
        tr("Automatic recognises syslog (RFC 5424 and 3164), CEF, LEEF and JSON record by record"));
    tls_->setTitle(tr("TLS (RFC 5425)"));
    tlsHint_->setText(tr("Paths of PEM files on this computer; the key file itself is never copied."));
    setLabel(tlsForm_, certificate_.edit->parentWidget(), tr("&Certificate:"));
    setLabel(tlsForm_, privateKey_.edit->parentWidget(), tr("Private &key:"));
    setLabel(tlsForm_, clientCa_.edit->parentWidget(), tr("Client C&A (optional):"));
    for (FileRow* row : {&certificate_, &privateKey_, &clientCa_}) {
        row->browse->setText(tr("Browse…"));
        if (auto* label = qobject_cast<QLabel*>(tlsForm_->labelForField(row->edit->parentWidget())))
            label->setBuddy(row->edit);
    }
    clientCa_.edit->setPlaceholderText(tr("Leave empty not to ask clients for a certificate"));
    validate();
}

} // namespace vigie::widgets
