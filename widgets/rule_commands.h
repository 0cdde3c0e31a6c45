#pragma once
// The undoable changes of the Rule manager, each a RequestCommand over RuleService: enable or
// disable a rule, replace its text (an edit saved from the editor), add a rule written by the
// analyst (stored enabled, or disabled right after when the analyst asked), remove a rule
// (undone by putting it back with its id, name, origin and state). The stored version a text
// replaces is the one the model shows when the request leaves, except for the first save of an
// edit: that one carries the version the editor was opened on, so a newer save by someone else
// is refused rather than overwritten. GUI thread.
#include "request_command.h"
#include "rule_row.h"

namespace vigie::models {
class RuleService;
}

namespace vigie::widgets {

class RuleCommand : public RequestCommand {
public:
    explicit RuleCommand(models::RuleService* service) : service_(service) {}

    // The request the last redo or undo sent (the panel tells the editor how it ended).
    quint64 lastRequest() const { return last_; }

protected:
    void send(quint64 request);
    // The stored version of rule `id` as the model shows it now (0 when it is not listed).
    int currentVersion(qint64 id) const;

    models::RuleService* service_;

private:
    quint64 last_ = 0;
};

class EnableRuleCommand : public RuleCommand {
public:
    EnableRuleCommand(models::RuleService* service, const models::RuleRow& rule, bool enabled);
    void redo() override;
    void undo() override;

private:
    qint64 id_;
    bool enabled_;
};

class EditRuleCommand : public RuleCommand {
public:
    // `rule` as the editor loaded it (its text and version), `yaml` the text to store.
    EditRuleCommand(models::RuleService* service, const models::RuleRow& rule, const QString& yaml);
    void redo() override;
    void undo() override;

private:
    qint64 id_;
    QString before_;
    QString after_;
    int expectedVersion_; // for the first redo only
    bool sent_ = false;
};

class AddRuleCommand : public RuleCommand {
public:
    AddRuleCommand(models::RuleService* service, const QString& yaml, bool enabled);
    void redo() override;
    void undo() override;

protected:
    void assignId(qint64 id) override;

private:
    QString yaml_;
    bool enabled_;
    models::RuleRow removed_; // what undo took away, for redo to put back
};

class RemoveRuleCommand : public RuleCommand {
public:
    RemoveRuleCommand(models::RuleService* service, const models::RuleRow& rule);
    void redo() override;
    void undo() override;

private:
    models::RuleRow rule_;
};

} // namespace vigie::widgets
