#include "support/shared_data.h"

#include <fstream>
#include <stdexcept>

namespace vigie::test {

std::filesystem::path sharedData(const std::string& relative)
{
    return std::filesystem::path(VIGIE_SHARED_DATA) / relative;
}

std::vector<std::string> readLines(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace vigie::test
