#pragma once
// QtCoreEnvironment: a QCoreApplication for the whole run of a GoogleTest binary that uses Qt
// without widgets (QtSql loads its driver plugin through the application object; queued signals
// need an event loop). Register once per binary:
//   ::testing::AddGlobalTestEnvironment(new vigie::test::QtCoreEnvironment);
// Main thread.
#include <QCoreApplication>

#include <gtest/gtest.h>

#include <memory>

namespace vigie::test {

class QtCoreEnvironment : public ::testing::Environment {
public:
    void SetUp() override { app_ = std::make_unique<QCoreApplication>(argc_, argv_); }
    void TearDown() override { app_.reset(); }

private:
    static inline int argc_ = 1;
    static inline char name_[] = "vigie_test";
    static inline char* argv_[] = {name_, nullptr};
    std::unique_ptr<QCoreApplication> app_;
};

} // namespace vigie::test
