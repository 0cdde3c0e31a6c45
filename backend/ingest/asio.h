#pragma once
// Boost.Asio as the project includes it. Boost 1.74's awaitable.hpp uses std::exchange without
// including <utility>, which breaks C++20 builds whenever nothing included <utility> first.
#include <utility>

#include <boost/asio.hpp>
