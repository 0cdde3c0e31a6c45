// Detection and verdicts from Sigma texts (rule_texts.h). Any thread.
#include "detect/rule_texts.h"

#include "detect/sigma_loader.h"

#include <algorithm>
#include <map>
#include <set>

namespace vigie::detect {
namespace {

// Context documents carry this prefix so they can never be taken for one of the checked texts.
constexpr std::string_view kContextPrefix = "\x01context:";

std::string logsourceText(const Logsource& source)
{
    std::string text;
    for (const std::string* part : {&source.product, &source.category, &source.service})
        if (!part->empty())
            text += (text.empty() ? "" : "/") + *part;
    return text;
}

} // namespace

std::shared_ptr<LiveDetection> detectionFromTexts(const std::vector<RuleText>& texts,
                                                  const std::vector<std::filesystem::path>& paths)
{
    LoadResult loaded;
    for (const auto& text : texts)
        loadSigmaText(text.yaml, text.label, loaded);
    for (const auto& path : paths)
        loadSigmaPath(path, loaded);
    resolveCorrelations(loaded);
    return std::make_shared<LiveDetection>(std::move(loaded), FieldMapping::builtIn());
}

TextCheck checkRuleTexts(const std::vector<RuleText>& texts, const std::vector<RuleText>& context)
{
    LoadResult all;
    for (const auto& text : context)
        loadSigmaText(text.yaml, std::string(kContextPrefix) + text.label, all);
    std::map<std::string, std::size_t, std::less<>> index_of;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        index_of.emplace(texts[i].label, i);
        loadSigmaText(texts[i].yaml, texts[i].label, all);
    }
    resolveCorrelations(all);
    // Only the checked texts' documents are compiled and reported.
    const auto mine = [&](const std::string& file) { return index_of.contains(file); };
    LoadResult checked;
    std::copy_if(all.rules.begin(), all.rules.end(), std::back_inserter(checked.rules),
                 [&](const SigmaRule& r) { return mine(r.file); });
    std::copy_if(all.issues.begin(), all.issues.end(), std::back_inserter(checked.issues),
                 [&](const LoadIssue& i) { return mine(i.file); });
    TextCheck result;
    result.report = RuleSetBuilder::build(checked, FieldMapping::builtIn()).report;
    for (const auto& c : all.correlations)
        if (mine(c.file))
            result.report.rules.push_back({c.file, c.doc_index, c.id, c.title, true, {}});
    std::stable_sort(result.report.rules.begin(), result.report.rules.end(),
                     [&](const RuleStatus& a, const RuleStatus& b) {
                         const auto ia = index_of.at(a.file), ib = index_of.at(b.file);
                         return ia != ib ? ia < ib : a.doc_index < b.doc_index;
                     });

    result.verdicts.resize(texts.size());
    for (const auto& status : result.report.rules) {
        TextVerdict& verdict = result.verdicts[index_of.at(status.file)];
        ++verdict.documents;
        if (!status.id.empty())
            verdict.ids.push_back(status.id);
        if (!status.ok && verdict.unsupported++ == 0)
            verdict.reason = status.reason;
    }
    // Title and level: a correlation names what the text is for, its base rules are parts;
    // the last one is the top of a chain (it names the ones before it).
    std::set<std::size_t> titled;
    for (const auto& c : all.correlations)
        if (mine(c.file)) {
            titled.insert(index_of.at(c.file));
            TextVerdict& verdict = result.verdicts[index_of.at(c.file)];
            verdict.title = c.title;
            verdict.level = c.level;
        }
    for (const auto& rule : checked.rules) {
        TextVerdict& verdict = result.verdicts[index_of.at(rule.file)];
        if (titled.insert(index_of.at(rule.file)).second) {
            verdict.title = rule.title;
            verdict.level = rule.level;
        }
        if (verdict.logsource.empty())
            verdict.logsource = logsourceText(rule.logsource);
    }
    for (auto& verdict : result.verdicts)
        if (verdict.documents == 0)
            verdict.reason = "no Sigma document";
    return result;
}

std::vector<std::string> sigmaIdsOf(std::string_view yaml)
{
    LoadResult loaded;
    loadSigmaText(yaml, {}, loaded);
    std::vector<std::pair<std::size_t, std::string>> ids;
    for (const auto& rule : loaded.rules)
        ids.emplace_back(rule.doc_index, rule.id);
    for (const auto& correlation : loaded.correlations)
        ids.emplace_back(correlation.doc_index, correlation.id);
    for (const auto& issue : loaded.issues)
        ids.emplace_back(issue.doc_index, issue.id);
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> out;
    for (auto& [index, id] : ids)
        if (!id.empty())
            out.push_back(std::move(id));
    return out;
}

} // namespace vigie::detect
