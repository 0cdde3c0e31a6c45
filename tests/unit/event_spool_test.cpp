// The disk spool: batches come back exactly as written, in order, across reopenings; a torn
// tail is cut off; the cap is honoured; replay progress survives a restart.
#include "store/event_spool.h"
#include "support/scratch_cluster.h"

#include <gtest/gtest.h>

#include <fstream>

namespace {

using namespace vigie;

Event sample(int n)
{
    Event e;
    e.ts = Timestamp(std::chrono::microseconds(1'700'000'000'000'000LL + n));
    e.received_at = e.ts + std::chrono::seconds(1);
    e.host = "web-0" + std::to_string(n % 3);
    e.app = "sshd";
    e.pid = n;
    e.severity = static_cast<std::int16_t>(n % 8);
    e.source_ip = "203.0.113.45";
    e.source_port = 50000 + n;
    e.format = "rfc5424";
    e.message = "Failed password for root, line " + std::to_string(n);
    e.fields = {{"sd.origin.ip", "10.0.0.1"}, {"msgid", "ID" + std::to_string(n)}};
    e.raw = "<38>1 raw line " + std::to_string(n);
    e.parse_error = n % 5 == 0;
    return e;
}

void expectSame(const Event& a, const Event& b)
{
    EXPECT_EQ(a.ts, b.ts);
    EXPECT_EQ(a.received_at, b.received_at);
    EXPECT_EQ(a.host, b.host);
    EXPECT_EQ(a.pid, b.pid);
    EXPECT_EQ(a.severity, b.severity);
    EXPECT_EQ(a.facility, b.facility);
    EXPECT_EQ(a.source_ip, b.source_ip);
    EXPECT_EQ(a.source_port, b.source_port);
    EXPECT_EQ(a.message, b.message);
    EXPECT_EQ(a.fields, b.fields);
    EXPECT_EQ(a.raw, b.raw);
    EXPECT_EQ(a.parse_error, b.parse_error);
}

TEST(EventSpool, BatchesComeBackInOrderAcrossReopening)
{
    test::ScratchDirectory dir;
    {
        store::EventSpool spool(dir.path(), 1 << 20);
        EXPECT_TRUE(spool.empty());
        ASSERT_TRUE(spool.append("w-0", {sample(0), sample(1)}));
        ASSERT_TRUE(spool.append("w-1", {sample(2)}));
        EXPECT_EQ(spool.pendingEvents(), 3u);
        const auto first = spool.front();
        ASSERT_TRUE(first);
        EXPECT_EQ(first->batch_id, "w-0");
        spool.popFront();
    }
    store::EventSpool reopened(dir.path(), 1 << 20);
    EXPECT_EQ(reopened.pendingEvents(), 1u) << "replay progress survives a restart";
    const auto second = reopened.front();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->batch_id, "w-1");
    ASSERT_EQ(second->events.size(), 1u);
    expectSame(second->events[0], sample(2));
    reopened.popFront();
    EXPECT_TRUE(reopened.empty());
    EXPECT_EQ(reopened.sizeBytes(), 0u) << "a drained spool takes no disk";
}

TEST(EventSpool, ATornLastBatchIsCutOffAndTheRestKept)
{
    test::ScratchDirectory dir;
    {
        store::EventSpool spool(dir.path(), 1 << 20);
        ASSERT_TRUE(spool.append("w-0", {sample(0)}));
        ASSERT_TRUE(spool.append("w-1", {sample(1), sample(2)}));
    }
    const auto file = dir.path() / "spool.dat";
    std::filesystem::resize_file(file, std::filesystem::file_size(file) - 7); // a crash mid-write
    store::EventSpool spool(dir.path(), 1 << 20);
    EXPECT_EQ(spool.pendingEvents(), 1u);
    const auto batch = spool.front();
    ASSERT_TRUE(batch);
    expectSame(batch->events[0], sample(0));
    ASSERT_TRUE(spool.append("w-2", {sample(3)})) << "appending goes on after the repair";
    spool.popFront();
    EXPECT_EQ(spool.front()->batch_id, "w-2");
}

TEST(EventSpool, ACorruptedBatchIsNotReplayed)
{
    test::ScratchDirectory dir;
    {
        store::EventSpool spool(dir.path(), 1 << 20);
        ASSERT_TRUE(spool.append("w-0", {sample(0)}));
    }
    std::fstream f(dir.path() / "spool.dat", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);
    f.put('X');
    f.close();
    store::EventSpool spool(dir.path(), 1 << 20);
    EXPECT_TRUE(spool.empty()) << "a checksum mismatch is never replayed as data";
}

TEST(EventSpool, RefusesBatchesBeyondItsCap)
{
    test::ScratchDirectory dir;
    store::EventSpool spool(dir.path(), 600);
    EXPECT_TRUE(spool.append("w-0", {sample(0)}));
    EXPECT_FALSE(spool.append("w-1", {sample(1), sample(2), sample(3)}));
    EXPECT_EQ(spool.pendingEvents(), 1u);
}

} // namespace
