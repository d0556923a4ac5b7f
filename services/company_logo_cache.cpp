// CompanyLogoCache: LRU by bytes.
#include "services/company_logo_cache.hpp"

#include <iterator>

namespace madoguchi {

std::size_t CompanyLogoCache::cost(const CachedLogo& logo) {
    return logo.image.bytes.size() + logo.etag.size();
}

void CompanyLogoCache::erase(std::list<Entry>::iterator it) {
    bytes_ -= it->bytes;
    index_.erase(it->company_id);
    entries_.erase(it);
}

const CachedLogo* CompanyLogoCache::find(const std::string& company_id) {
    auto found = index_.find(company_id);
    if (found == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, found->second);
    return &found->second->logo;
}

void CompanyLogoCache::put(const std::string& company_id, CachedLogo logo) {
    if (auto found = index_.find(company_id); found != index_.end()) erase(found->second);
    const std::size_t bytes = cost(logo);
    if (bytes > max_bytes_) return;
    entries_.push_front(Entry{company_id, std::move(logo), bytes});
    index_[company_id] = entries_.begin();
    bytes_ += bytes;
    while (bytes_ > max_bytes_) erase(std::prev(entries_.end()));
}

}  // namespace madoguchi
