#pragma once
// Where the public samples of ../shared/data live (DESIGN §11: tests read them in place).
#include <filesystem>
#include <string>
#include <vector>

namespace vigie::test {

std::filesystem::path sharedData(const std::string& relative);
// The file's lines (without line terminators); fails the calling test if it cannot be read.
std::vector<std::string> readLines(const std::filesystem::path& path);

} // namespace vigie::test
