// The hand-off between pipeline stages: bounded, back-pressuring, drains on close.
#include "ingest/bounded_queue.h"

#include <gtest/gtest.h>

#include <thread>

namespace {

using vigie::ingest::BoundedQueue;
using namespace std::chrono_literals;

TEST(BoundedQueue, RefusesWithoutWaitingWhenFull)
{
    BoundedQueue<int> queue(2);
    EXPECT_TRUE(queue.tryPush(1));
    EXPECT_TRUE(queue.tryPush(2));
    EXPECT_FALSE(queue.tryPush(3)) << "a UDP listener must be told to count a drop";
    EXPECT_EQ(queue.size(), 2u);
}

TEST(BoundedQueue, BlockedProducerResumesWhenAConsumerMakesRoom)
{
    BoundedQueue<int> queue(1);
    ASSERT_TRUE(queue.push(1));
    std::atomic<bool> pushed{false};
    std::thread producer([&] {
        queue.push(2);
        pushed = true;
    });
    std::this_thread::sleep_for(50ms);
    EXPECT_FALSE(pushed) << "the producer waits while the queue is full (TCP back-pressure)";
    std::vector<int> out;
    ASSERT_TRUE(queue.popSome(out, 10, 1s));
    producer.join();
    EXPECT_TRUE(pushed);
    out.clear();
    ASSERT_TRUE(queue.popSome(out, 10, 1s));
    EXPECT_EQ(out, std::vector<int>{2});
}

TEST(BoundedQueue, CloseLetsConsumersDrainThenStop)
{
    BoundedQueue<int> queue(10);
    queue.push(1);
    queue.push(2);
    queue.close();
    EXPECT_FALSE(queue.push(3)) << "nothing enters after close";
    std::vector<int> out;
    EXPECT_TRUE(queue.popSome(out, 1, 0ms));
    EXPECT_TRUE(queue.popSome(out, 10, 0ms));
    EXPECT_EQ(out, (std::vector<int>{1, 2}));
    EXPECT_FALSE(queue.popSome(out, 10, 0ms)) << "closed and empty: the consumer stops";
}

TEST(BoundedQueue, CloseWakesAWaitingProducer)
{
    BoundedQueue<int> queue(1);
    queue.push(1);
    std::atomic<bool> result{true};
    std::thread producer([&] { result = queue.push(2); });
    std::this_thread::sleep_for(20ms);
    queue.close();
    producer.join();
    EXPECT_FALSE(result);
}

} // namespace
