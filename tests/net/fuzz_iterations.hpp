// Length of fuzz and fault campaigns: short by default (ASan on 2 cores),
// MADOGUCHI_FAULT_ITERATIONS scales them for long runs.
#pragma once

#include <cstdlib>

namespace madoguchi::test {

inline int scaled_iterations(int default_count) {
    if (const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS")) {
        const int n = std::atoi(env);
        if (n > 0) return n;
    }
    return default_count;
}

}  // namespace madoguchi::test
