// write_chunk.hpp — how much a built-in exporter gathers before it writes to its file.
//
// Written record by record (a few hundred bytes each), a large export spent a tenth of its time
// in the kernel zeroing the rest of every new page cache page a short write began, and more in
// the system calls themselves (perf, 10k-client demo). Writing a megabyte at a time makes both
// negligible, and stays far inside the exporters' memory budget.
#pragma once

#include <cstddef>

namespace knotnotes::plugins {

inline constexpr std::size_t write_chunk = std::size_t{1} << 20;

}  // namespace knotnotes::plugins
