// The Rule manager's undo commands: each redo and undo is one request to RuleService. GUI thread.
#include "rule_commands.h"

#include "rule_service.h"

#include <QCoreApplication>

namespace vigie::widgets {
namespace {

QString nameOf(const models::RuleRow& rule)
{
    return rule.title.isEmpty() ? rule.name : rule.title;
}

} // namespace

void RuleCommand::send(quint64 request)
{
    last_ = request;
    track(request);
}

int RuleCommand::currentVersion(qint64 id) const
{
    const int row = service_->model()->rowOfId(id);
    return row < 0 ? 0 : service_->model()->rule(row).version;
}

EnableRuleCommand::EnableRuleCommand(models::RuleService* service, const models::RuleRow& rule, bool enabled)
    : RuleCommand(service), id_(rule.id), enabled_(enabled)
{
    setText((enabled ? QCoreApplication::translate("vigie::widgets::RuleManagerPanel", "Enable Rule “%1”")
                     : QCoreApplication::translate("vigie::widgets::RuleManagerPanel", "Disable Rule “%1”"))
                .arg(nameOf(rule)));
}

void EnableRuleCommand::redo()
{
    if (!failed_)
        send(service_->setEnabled(id_, enabled_));
}

void EnableRuleCommand::undo()
{
    if (!failed_)
        send(service_->setEnabled(id_, !enabled_));
}

EditRuleCommand::EditRuleCommand(models::RuleService* service, const models::RuleRow& rule,
                                 const QString& yaml)
    : RuleCommand(service), id_(rule.id), before_(rule.yaml), after_(yaml), expectedVersion_(rule.version)
{
    setText(
        QCoreApplication::translate("vigie::widgets::RuleManagerPanel", "Edit Rule “%1”").arg(nameOf(rule)));
}

void EditRuleCommand::redo()
{
    if (failed_)
        return;
    send(service_->saveText(id_, after_, sent_ ? currentVersion(id_) : expectedVersion_));
    sent_ = true;
}

void EditRuleCommand::undo()
{
    if (!failed_)
        send(service_->saveText(id_, before_, currentVersion(id_)));
}

AddRuleCommand::AddRuleCommand(models::RuleService* service, const QString& yaml, bool enabled)
    : RuleCommand(service), yaml_(yaml), enabled_(enabled)
{
    setText(QCoreApplication::translate("vigie::widgets::RuleManagerPanel", "Add Rule"));
}

void AddRuleCommand::redo()
{
    if (failed_)
        return;
    // Redone after an undo, the rule comes back with the id and state it had.
    send(removed_.id == 0 ? service_->addText(yaml_, enabled_) : service_->restore(removed_));
}

void AddRuleCommand::undo()
{
    const int row = service_->model()->rowOfId(removed_.id);
    if (failed_ || row < 0)
        return;
    removed_ = service_->model()->rule(row);
    send(service_->remove(removed_.id));
}

void AddRuleCommand::assignId(qint64 id)
{
    removed_.id = id;
}

RemoveRuleCommand::RemoveRuleCommand(models::RuleService* service, const models::RuleRow& rule)
    : RuleCommand(service), rule_(rule)
{
    setText(QCoreApplication::translate("vigie::widgets::RuleManagerPanel", "Delete Rule “%1”")
                .arg(nameOf(rule)));
}

void RemoveRuleCommand::redo()
{
    if (!failed_)
        send(service_->remove(rule_.id));
}

void RemoveRuleCommand::undo()
{
    if (!failed_)
        send(service_->restore(rule_));
}

} // namespace vigie::widgets
