// Prints how long the data sets take to load and how long lookups take
// (p50/p99 over many lookups). Usage: bench_datasets [ASSET_DIR] [LOOKUPS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "data/datasets/bank_directory.hpp"
#include "data/datasets/local_gov_directory.hpp"
#include "data/datasets/postal_directory.hpp"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

void print_percentiles(const char* what, std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))];
    };
    std::printf("%-28s n=%zu  p50=%.1f us  p99=%.1f us  max=%.1f us\n", what, samples.size(), at(0.50),
                at(0.99), samples.back());
}

template <typename F>
auto timed(const char* what, F&& load) {
    const auto t0 = Clock::now();
    auto r = load();
    std::printf("%-28s %.1f ms\n", what, micros(Clock::now() - t0) / 1000.0);
    if (!r.ok()) {
        std::fprintf(stderr, "%s\n", r.error().message_en.c_str());
        std::exit(1);
    }
    return std::move(r).value();
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path dir = argc > 1 ? argv[1] : MADOGUCHI_ASSET_DIR;
    const int lookups = argc > 2 ? std::atoi(argv[2]) : 100000;

    const auto postal = timed("load postal.bin", [&] { return PostalDirectory::open(dir / "postal.bin"); });
    const auto banks = timed("load banks.bin", [&] { return BankDirectory::open(dir / "banks.bin"); });
    const auto localgov =
        timed("load localgov.bin", [&] { return LocalGovDirectory::open(dir / "localgov.bin"); });
    std::printf("postal rows %zu, banks %zu, branches %zu, prefectures %zu\n", postal.row_count(),
                banks.bank_count(), banks.branch_count(), localgov.prefectures().size());

    // Random 7-digit codes: most miss, so also time known hits.
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> code(0, 9999999);
    std::vector<double> random_lookups, hit_lookups;
    std::size_t found = 0;
    char buf[16];
    for (int i = 0; i < lookups; ++i) {
        std::snprintf(buf, sizeof buf, "%07d", code(rng));
        const auto t0 = Clock::now();
        found += postal.lookup(buf).size();
        random_lookups.push_back(micros(Clock::now() - t0));
    }
    const char* known[] = {"1000001", "0288401", "4300933", "1008111",
                           "0600000", "9071801", "5300001", "8120011"};
    for (int i = 0; i < lookups; ++i) {
        const auto t0 = Clock::now();
        found += postal.lookup(known[i % 8]).size();
        hit_lookups.push_back(micros(Clock::now() - t0));
    }
    print_percentiles("postal lookup (random code)", random_lookups);
    print_percentiles("postal lookup (known code)", hit_lookups);

    // Per query: a broad one ("信金", hundreds of hits) costs more than a code.
    const char* queries[] = {"みずほ", "とうきょう", "mitsubishi", "0009", "信金", "ゆうちょ"};
    for (const char* q : queries) {
        std::vector<double> samples;
        for (int i = 0; i < 500; ++i) {
            const auto t0 = Clock::now();
            found += banks.search_banks(q).size();
            samples.push_back(micros(Clock::now() - t0));
        }
        print_percentiles((std::string("bank search ") + q).c_str(), samples);
    }
    std::vector<double> branch_search;
    for (int i = 0; i < 500; ++i) {
        const auto t1 = Clock::now();
        found += banks.search_branches("0001", "とうきょう").size();
        branch_search.push_back(micros(Clock::now() - t1));
    }
    print_percentiles("branch search 0001 とうきょう", branch_search);
    std::printf("(results seen: %zu)\n", found);
    return 0;
}
