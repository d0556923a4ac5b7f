// The platform logos the company screen has shown, decoded, with the ETag
// each was served under (so a revisit costs a 304). Bounded by bytes and
// evicted least recently used first: a kiosk runs for months and sees
// thousands of companies in search results.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

#include "data/imaging/image.hpp"

namespace madoguchi {

struct CachedLogo {
    std::string etag;
    Image image;
};

class CompanyLogoCache {
public:
    // 64 thumbnails of 96×96 RGB (27 KiB each): a few pages of results.
    static constexpr std::size_t kDefaultMaxBytes = 64u * 96u * 96u * 3u;

    explicit CompanyLogoCache(std::size_t max_bytes = kDefaultMaxBytes) : max_bytes_(max_bytes) {}

    // The cached logo (now the most recently used), or null.
    const CachedLogo* find(const std::string& company_id);
    // Stores or replaces it, then evicts the least recently used until the
    // cache fits. A logo larger than the whole budget is not kept.
    void put(const std::string& company_id, CachedLogo logo);

    std::size_t size() const { return entries_.size(); }
    std::size_t bytes() const { return bytes_; }
    bool contains(const std::string& company_id) const { return index_.count(company_id) != 0; }

private:
    struct Entry {
        std::string company_id;
        CachedLogo logo;
        std::size_t bytes = 0;
    };
    static std::size_t cost(const CachedLogo& logo);
    void erase(std::list<Entry>::iterator it);

    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace madoguchi
