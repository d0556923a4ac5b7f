// SANE's `test` backend enabled for this process through SANE_CONFIG_DIR
// (dll.conf naming only `test`, one device), shared by the identity tests
// that scan for real. Each test executable that scans also needs the
// LeakSanitizer suppression below (libsane-test leaks its line buffers).
#pragma once

#include <dlfcn.h>

#include <cstdlib>
#include <fstream>

#include "tests/data/store/temp_store.hpp"

namespace madoguchi::testing {

// One configuration for the whole process: libsane reads SANE_CONFIG_DIR
// lazily, so the folder must outlive every test case that scans.
struct SaneTestBackend {
    TempDir dir;
    SaneTestBackend() {
        // Kept loaded so that LeakSanitizer can symbolise its (suppressed) leaks.
        static void* const keep = ::dlopen(MADOGUCHI_SANE_BACKEND_DIR "/libsane-test.so.1", RTLD_NOW | RTLD_NODELETE);
        (void)keep;
        std::ofstream(dir.path() / "dll.conf") << "test\n";
        std::ofstream(dir.path() / "test.conf") << "number_of_devices 1\n";
        use();
    }
    void use() { ::setenv("SANE_CONFIG_DIR", dir.path().c_str(), 1); }
};

inline SaneTestBackend& sane_test_backend() {
    static SaneTestBackend backend;
    backend.use();
    return backend;
}

}  // namespace madoguchi::testing
