// SKK dictionary loading, conversion (iconv) and lookup (see skk_dictionary.hpp).
//
// Compiled layout (native byte order; it is built on the machine that runs it):
//   "MDGSKK01" | u32 count | u32 data_size | u32 offsets[count + 1] | data
// data holds count entries "reading\tcand/cand/…" sorted by reading bytes
// (UTF-8 byte order = code point order), so lookup is a binary search.
#include "kiosk/ime/skk_dictionary.hpp"

#include <fcntl.h>
#include <iconv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <utility>

#include "kiosk/ime/utf8.hpp"

namespace madoguchi::ime {
namespace {

constexpr std::string_view kMagic = "MDGSKK01";
constexpr std::size_t kHeaderSize = 16;  // magic + count + data_size

Error dictionary_error(std::string code, const std::filesystem::path& path, std::string_view ja,
                       std::string_view en) {
    return Error{std::move(code), "", std::string(ja) + ": " + path.string(),
                 std::string(en) + ": " + path.string()};
}

// A read-only private mapping of a whole file; unmapped on destruction.
class MappedFile {
public:
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (data_ != nullptr) ::munmap(data_, size_);
    }
    static std::unique_ptr<MappedFile> open(const std::filesystem::path& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return nullptr;
        struct stat st {};
        std::unique_ptr<MappedFile> mapped;
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) mapped.reset(new MappedFile(p, static_cast<std::size_t>(st.st_size)));
        }
        ::close(fd);
        return mapped;
    }
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

private:
    MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
    void* data_;
    std::size_t size_;
};

// iconv(3) handle for EUC-JIS-2004 → UTF-8 (glibc calls it EUC-JISX0213;
// a superset of the EUC-JP the older dictionaries use).
class EucJisToUtf8 {
public:
    EucJisToUtf8() : cd_(::iconv_open("UTF-8", "EUC-JISX0213")) {}
    ~EucJisToUtf8() {
        if (ok()) ::iconv_close(cd_);
    }
    EucJisToUtf8(const EucJisToUtf8&) = delete;
    EucJisToUtf8& operator=(const EucJisToUtf8&) = delete;
    bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

    // Converts one line; false when it holds an invalid sequence.
    bool convert(std::string_view in, std::string& out) {
        out.resize(in.size() * 3 + 16);
        char* src = const_cast<char*>(in.data());
        std::size_t src_left = in.size();
        char* dst = out.data();
        std::size_t dst_left = out.size();
        ::iconv(cd_, nullptr, nullptr, nullptr, nullptr);  // reset shift state
        const std::size_t rc = ::iconv(cd_, &src, &src_left, &dst, &dst_left);
        // Flush: EUC-JISX0213 holds back a kana that might combine with the next.
        const std::size_t flushed = ::iconv(cd_, nullptr, nullptr, &dst, &dst_left);
        out.resize(out.size() - dst_left);
        return rc != static_cast<std::size_t>(-1) && flushed != static_cast<std::size_t>(-1) && src_left == 0;
    }

private:
    iconv_t cd_;
};

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// "/cand1/cand2;note/" → candidates without annotations and Lisp forms.
void parse_candidates(std::string_view field, std::vector<std::string>& out) {
    while (!field.empty()) {
        const std::size_t slash = field.find('/');
        std::string_view cand = field.substr(0, slash);
        field = slash == std::string_view::npos ? std::string_view{} : field.substr(slash + 1);
        if (const std::size_t semi = cand.find(';'); semi != std::string_view::npos)
            cand = cand.substr(0, semi);
        if (cand.empty() || cand.front() == '(' || cand.front() == '[') continue;
        if (cand.find_first_of("\t\n\r") != std::string_view::npos) continue;
        if (std::find(out.begin(), out.end(), cand) == out.end()) out.emplace_back(cand);
    }
}

using EntryMap = std::map<std::string, std::vector<std::string>, std::less<>>;

void parse_line(std::string_view line, EntryMap& entries) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == ';') return;
    if (!is_valid_utf8(line)) return;  // a damaged line must not leak bad bytes into candidates
    const std::size_t space = line.find(" /");
    if (space == std::string_view::npos || space == 0) return;
    const std::string_view reading = line.substr(0, space);
    // '>' marks SKK prefix/suffix entries ("お>", ">さん") and '#' numeric
    // templates ("#ねん" → "#1年"): SKK-specific mechanisms this engine does
    // not implement, and no kana reading typed on the keyboard matches them.
    if (reading.find_first_of(" \t/>#") != std::string_view::npos) return;
    // okuri-ari: a kana stem followed by the ASCII okurigana letter ("あいs").
    if (is_ascii_lower(reading.back()) && static_cast<unsigned char>(reading.front()) >= 0x80) return;
    std::vector<std::string> cands;
    parse_candidates(line.substr(space + 2), cands);
    if (cands.empty()) return;
    auto& slot = entries[std::string(reading)];
    for (auto& c : cands)
        if (std::find(slot.begin(), slot.end(), c) == slot.end()) slot.push_back(std::move(c));
}

bool declares_utf8(std::string_view first_line) {
    std::string lower(first_line);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return lower.find("coding: utf-8") != std::string::npos;
}

}  // namespace

struct SkkDictionary::Storage {
    std::string heap;                    // parsed or read into memory
    std::unique_ptr<MappedFile> mapped;  // or mapped from a compiled file
};

SkkDictionary::SkkDictionary(std::shared_ptr<const Storage> storage, std::string_view entries,
                             std::vector<std::uint32_t> offsets)
    : storage_(std::move(storage)), entries_(entries), offsets_(std::move(offsets)) {}

SkkDictionary SkkDictionary::from_utf8_text(std::string_view text) {
    EntryMap entries;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        parse_line(text.substr(0, nl), entries);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    }
    auto storage = std::make_shared<Storage>();
    std::vector<std::uint32_t> offsets;
    offsets.reserve(entries.size() + 1);
    for (const auto& [reading, cands] : entries) {
        offsets.push_back(static_cast<std::uint32_t>(storage->heap.size()));
        storage->heap += reading;
        storage->heap += '\t';
        for (std::size_t i = 0; i < cands.size(); ++i) {
            if (i > 0) storage->heap += '/';
            storage->heap += cands[i];
        }
    }
    offsets.push_back(static_cast<std::uint32_t>(storage->heap.size()));
    const std::string_view bytes = storage->heap;
    return SkkDictionary(std::move(storage), bytes, std::move(offsets));
}

Result<SkkDictionary> SkkDictionary::open(const std::filesystem::path& path) {
    auto mapped = MappedFile::open(path);
    if (!mapped) {
        return dictionary_error("ime.dictionary_missing", path, "変換辞書を開けません",
                                "Cannot open the conversion dictionary");
    }
    const std::string_view bytes = mapped->bytes();
    if (bytes.starts_with(kMagic)) {
        auto invalid = [&] {
            return dictionary_error("ime.dictionary_invalid", path, "変換辞書が壊れています",
                                    "The conversion dictionary is corrupt");
        };
        if (bytes.size() < kHeaderSize) return invalid();
        std::uint32_t count = 0;
        std::uint32_t data_size = 0;
        std::memcpy(&count, bytes.data() + 8, 4);
        std::memcpy(&data_size, bytes.data() + 12, 4);
        const std::uint64_t table_size = (std::uint64_t{count} + 1) * 4;
        if (kHeaderSize + table_size + data_size != bytes.size()) return invalid();
        std::vector<std::uint32_t> offsets(std::size_t{count} + 1);
        std::memcpy(offsets.data(), bytes.data() + kHeaderSize, table_size);
        if (offsets.front() != 0 || offsets.back() != data_size) return invalid();
        for (std::size_t i = 1; i < offsets.size(); ++i)
            if (offsets[i] < offsets[i - 1]) return invalid();
        const std::string_view data = bytes.substr(kHeaderSize + table_size);
        auto storage = std::make_shared<Storage>();
        storage->mapped = std::move(mapped);
        SkkDictionary dict(std::move(storage), data, std::move(offsets));
        // Sorted order is what binary search relies on: check it once.
        for (std::size_t i = 1; i < dict.entry_count(); ++i) {
            const auto a = dict.entry(i - 1);
            const auto b = dict.entry(i);
            if (a.substr(0, a.find('\t')) >= b.substr(0, b.find('\t'))) return invalid();
        }
        return dict;
    }

    // SKK-JISYO text: UTF-8 if its first line says so, EUC-JIS-2004 otherwise.
    std::string_view text = bytes;
    const std::string_view first_line = text.substr(0, text.find('\n'));
    if (declares_utf8(first_line)) return from_utf8_text(text);
    EucJisToUtf8 iconv;
    if (!iconv.ok()) {
        return dictionary_error("ime.dictionary_invalid", path, "文字コード変換を用意できません",
                                "Cannot set up the character conversion");
    }
    std::string utf8;
    utf8.reserve(bytes.size() * 3 / 2);
    std::string line_utf8;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (line.empty() || line.front() == ';') continue;
        if (!iconv.convert(line, line_utf8)) continue;  // a line with a bad byte is skipped, not fatal
        utf8 += line_utf8;
        utf8 += '\n';
    }
    return from_utf8_text(utf8);
}

std::string_view SkkDictionary::entry(std::size_t index) const {
    return entries_.substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
}

// First entry whose reading is not less than `reading`.
std::size_t SkkDictionary::lower_bound(std::string_view reading) const {
    std::size_t lo = 0;
    std::size_t hi = entry_count();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const std::string_view e = entry(mid);
        if (e.substr(0, e.find('\t')) < reading) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

SkkDictionary::Entry SkkDictionary::split_entry(std::string_view e) {
    Entry out;
    const std::size_t tab = e.find('\t');
    out.reading = e.substr(0, tab);
    std::string_view cands = tab == std::string_view::npos ? std::string_view{} : e.substr(tab + 1);
    while (!cands.empty()) {
        const std::size_t slash = cands.find('/');
        // A compiled file is mapped, not re-parsed: check each candidate handed
        // out so even a damaged file never yields invalid UTF-8.
        const std::string_view cand = cands.substr(0, slash);
        if (!cand.empty() && is_valid_utf8(cand)) out.candidates.push_back(cand);
        if (slash == std::string_view::npos) break;
        cands.remove_prefix(slash + 1);
    }
    return out;
}

std::vector<std::string_view> SkkDictionary::lookup(std::string_view reading) const {
    if (reading.empty()) return {};
    const std::size_t at = lower_bound(reading);
    if (at == entry_count()) return {};
    Entry e = split_entry(entry(at));
    if (e.reading != reading) return {};
    return std::move(e.candidates);
}

std::vector<SkkDictionary::Entry> SkkDictionary::lookup_prefix(std::string_view prefix,
                                                               std::size_t max_entries) const {
    std::vector<Entry> out;
    if (prefix.empty()) return out;
    // Readings starting with `prefix` are contiguous in sorted order.
    for (std::size_t i = lower_bound(prefix); i < entry_count() && out.size() < max_entries; ++i) {
        Entry e = split_entry(entry(i));
        if (!e.reading.starts_with(prefix)) break;
        out.push_back(std::move(e));
    }
    return out;
}

Status SkkDictionary::write_compiled(const std::filesystem::path& path) const {
    const auto fail = [&] {
        return dictionary_error("ime.dictionary_write", path, "変換辞書を書き込めません",
                                "Cannot write the conversion dictionary");
    };
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return fail();
        const auto count = static_cast<std::uint32_t>(entry_count());
        const auto data_size = static_cast<std::uint32_t>(entries_.size());
        out.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
        out.write(reinterpret_cast<const char*>(&count), 4);
        out.write(reinterpret_cast<const char*>(&data_size), 4);
        std::vector<std::uint32_t> offsets = offsets_;
        if (offsets.empty()) offsets.push_back(0);
        const std::uint32_t base = offsets.front();
        for (auto& o : offsets) o -= base;
        out.write(reinterpret_cast<const char*>(offsets.data()),
                  static_cast<std::streamsize>(offsets.size() * 4));
        out.write(entries_.data(), static_cast<std::streamsize>(entries_.size()));
        if (!out.flush()) return fail();
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);  // readers never see a half-written file
    if (ec) return fail();
    return ok_status();
}

}  // namespace madoguchi::ime
