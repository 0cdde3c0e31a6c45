// RegexMatcher: vectorscan first, PCRE2 (JIT) as the fallback. Any thread.
#include "detect/regex_matcher.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>

namespace vigie::detect {

namespace {

// Backtracking bound for PCRE2: hitting it counts as no match.
constexpr uint32_t kPcreMatchLimit = 100000;

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// One scratch per thread, grown for every database it has served. A scratch only grows, so
// once it served a database it stays fit for it: `ready` remembers which databases (by serial)
// it already fits, which spares hs_alloc_scratch's checks on every match.
struct ThreadScratch {
    hs_scratch_t* scratch = nullptr;
    std::array<std::uint64_t, 1024> ready{}; // direct-mapped by serial; 0 = none
    ~ThreadScratch()
    {
        if (scratch)
            hs_free_scratch(scratch);
    }
    bool fit(hs_database_t* database, std::uint64_t serial)
    {
        std::uint64_t& slot = ready[serial % ready.size()];
        if (slot == serial)
            return true;
        if (hs_alloc_scratch(database, &scratch) != HS_SUCCESS)
            return false;
        slot = serial;
        return true;
    }
};

ThreadScratch& threadScratch()
{
    thread_local ThreadScratch holder;
    return holder;
}

std::atomic<std::uint64_t> next_serial{1};

pcre2_match_data* threadMatchData()
{
    thread_local struct Holder {
        pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
        ~Holder() { pcre2_match_data_free(data); }
    } holder;
    return holder.data;
}

int onMatch(unsigned int, unsigned long long, unsigned long long, unsigned int, void* context)
{
    *static_cast<bool*>(context) = true;
    return 1; // stop scanning
}

} // namespace

struct RegexMatcher::Impl {
    std::string pattern;
    Flags flags;
    hs_database_t* database = nullptr;
    std::uint64_t serial = next_serial.fetch_add(1, std::memory_order_relaxed); // for ThreadScratch
    pcre2_code* code = nullptr;
    pcre2_match_context* match_context = nullptr;

    ~Impl()
    {
        if (database)
            hs_free_database(database);
        if (match_context)
            pcre2_match_context_free(match_context);
        if (code)
            pcre2_code_free(code);
    }

    bool compileVectorscan()
    {
        if (!isAscii(pattern))
            return false;
        unsigned int hs_flags = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
        if (flags.caseless)
            hs_flags |= HS_FLAG_CASELESS;
        if (flags.multiline)
            hs_flags |= HS_FLAG_MULTILINE;
        if (flags.dotall)
            hs_flags |= HS_FLAG_DOTALL;
        hs_compile_error_t* compile_error = nullptr;
        if (hs_compile(pattern.c_str(), hs_flags, HS_MODE_BLOCK, nullptr, &database, &compile_error) !=
            HS_SUCCESS) {
            hs_free_compile_error(compile_error);
            database = nullptr;
            return false;
        }
        return threadScratch().fit(database, serial);
    }

    bool compilePcre2(std::string& error)
    {
        uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
        if (flags.caseless)
            options |= PCRE2_CASELESS;
        if (flags.multiline)
            options |= PCRE2_MULTILINE;
        if (flags.dotall)
            options |= PCRE2_DOTALL;
        int code_error = 0;
        PCRE2_SIZE offset = 0;
        code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                             &code_error, &offset, nullptr);
        if (!code) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(code_error, message, sizeof message);
            error = "regex: " + std::string(reinterpret_cast<const char*>(message)) + " at offset " +
                    std::to_string(offset);
            return false;
        }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // optional: the interpreter works without it
        match_context = pcre2_match_context_create(nullptr);
        pcre2_set_match_limit(match_context, kPcreMatchLimit);
        return true;
    }

    bool matches(std::string_view text) const
    {
        if (text.empty())
            text = std::string_view("", 0); // a valid pointer for both engines
        if (database) {
            ThreadScratch& thread = threadScratch();
            if (!thread.fit(database, serial))
                return false;
            bool found = false;
            hs_scan(database, text.data(), static_cast<unsigned int>(text.size()), 0, thread.scratch, onMatch,
                    &found);
            return found;
        }
        const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0,
                                   threadMatchData(), match_context);
        return rc >= 0;
    }
};

std::unique_ptr<RegexMatcher> RegexMatcher::compile(std::string_view pattern, Flags flags, std::string& error)
{
    auto impl = std::make_unique<Impl>();
    impl->pattern = std::string(pattern);
    impl->flags = flags;
    if (!impl->compileVectorscan() && !impl->compilePcre2(error))
        return nullptr;
    return std::unique_ptr<RegexMatcher>(new RegexMatcher(std::move(impl)));
}

RegexMatcher::RegexMatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RegexMatcher::~RegexMatcher() = default;

bool RegexMatcher::matches(std::string_view text) const
{
    return impl_->matches(text);
}

RegexMatcher::Engine RegexMatcher::engine() const
{
    return impl_->database ? Engine::Vectorscan : Engine::Pcre2;
}

const std::string& RegexMatcher::pattern() const
{
    return impl_->pattern;
}

RegexMatcher::Flags RegexMatcher::flags() const
{
    return impl_->flags;
}

} // namespace vigie::detect
