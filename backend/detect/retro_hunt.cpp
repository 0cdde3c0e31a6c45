#include "detect/retro_hunt.h"

#include "store/alert_store.h"
#include "store/event_search.h"

#include <stdexcept>

namespace vigie::detect {
namespace {

constexpr std::size_t kPageRows = 5000;

} // namespace

RetroHuntResult runRetroHunt(store::PgConnection& db, const std::shared_ptr<LiveDetection>& detection,
                             const query::TimeRange& range,
                             const std::function<void(const RetroHuntProgress&)>& progress,
                             const std::atomic<bool>* cancel)
{
    if (!range.from || !range.to || *range.to <= *range.from)
        throw std::invalid_argument("a retro-hunt needs a time range with a start before its end");
    store::EventSearch search(db);
    store::AlertStore alerts(db);
    LiveDetection::Worker worker(detection);
    query::SearchRequest request;
    request.range = range;
    request.limit = kPageRows;
    request.oldest_first = true; // correlations see events in time order
    RetroHuntResult result;
    std::vector<store::AlertRecord> found;
    const double span = static_cast<double>((*range.to - *range.from).count());
    for (;;) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        const auto page = search.page(request);
        for (std::size_t i = 0; i < page.events.size(); ++i)
            worker.inspect(page.events[i], found, page.ids[i]);
        result.events += page.events.size();
        if (!page.next)
            detection->advance(Timestamp::max(), found); // windows only the end of the range closes
        for (auto& record : found)
            record.retro_hunt = true;
        alerts.add(found);
        result.alerts += found.size();
        found.clear();
        if (progress && !page.events.empty())
            progress({result.events, result.alerts,
                      static_cast<double>((page.events.back().ts - *range.from).count()) / span});
        if (!page.next)
            break;
        request.after = page.next;
    }
    return result;
}

} // namespace vigie::detect
