// Shared by the libFuzzer targets in tests/fuzz/: a small valid fair written
// once per process into a private temporary folder, so that each target can
// replace one file with the fuzzer's bytes and run the real loader on it.
// The loaders read files (paths appear in diagnostics), so the input goes
// through a file rather than an in-memory entry point.
#ifndef FAIRMATCH_TESTS_FUZZ_FUZZ_FAIR_H_
#define FAIRMATCH_TESTS_FUZZ_FUZZ_FAIR_H_

#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fairmatch::fuzz {

inline constexpr char kEvent[] =
    "name: Fuzz Fair\n"
    "date: 2027-03-04\n"
    "timezone: UTC\n"
    "slots:\n"
    "  start: \"10:00\"\n"
    "  end: \"11:00\"\n"
    "  length: 15\n"
    "  breaks: [{start: \"10:30\", end: \"10:45\"}]\n"
    "values:\n"
    "  - {id: impact, label: Making a difference}\n"
    "  - {id: growth, label: Learning}\n";

inline constexpr char kEmployers[] =
    "employers:\n"
    "  - id: acme\n"
    "    name: Acme\n"
    "    tables: 2\n"
    "    group_size: 2\n"
    "    values: {impact: 4, growth: 2}\n"
    "    offers: [internships]\n"
    "    seeks: [python]\n"
    "  - id: globex\n"
    "    name: Globex\n"
    "    available: [\"10:00-10:30\"]\n"
    "    offers: [mentoring]\n";

inline constexpr char kAttendees[] =
    "attendees:\n"
    "  - id: a1\n"
    "    name: Ada\n"
    "    values: {impact: 5, growth: 3}\n"
    "    offers: [python]\n"
    "    seeks: [internships]\n"
    "    must_meet: [acme]\n"
    "  - id: a2\n"
    "    name: Bo\n"
    "    avoid: [globex]\n";

// The folder, created on first use and removed at exit.
inline const std::string& FairDir() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/fairmatch_fuzz_XXXXXX";
    std::string d = ::mkdtemp(tmpl);
    std::ofstream(d + "/event.yaml", std::ios::binary) << kEvent;
    std::ofstream(d + "/employers.yaml", std::ios::binary) << kEmployers;
    std::ofstream(d + "/attendees.yaml", std::ios::binary) << kAttendees;
    static const std::string remove = d;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(remove, ec);
    });
    return d;
  }();
  return dir;
}

// Writes `size` bytes at `data` to FILE in the fuzz fair; returns its path.
inline std::string WriteInput(const std::string& file, const std::uint8_t* data,
                              std::size_t size) {
  const std::string path = FairDir() + "/" + file;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data),
            static_cast<std::streamsize>(size));
  return path;
}

// Puts back the valid content of FILE.
inline void Restore(const std::string& file, const char* content) {
  std::ofstream(FairDir() + "/" + file, std::ios::binary | std::ios::trunc)
      << content;
}

}  // namespace fairmatch::fuzz

#endif  // FAIRMATCH_TESTS_FUZZ_FUZZ_FAIR_H_
