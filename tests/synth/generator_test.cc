#include "engine/synth/generator.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/base/civil_time.h"
#include "engine/check/check.h"
#include "engine/io/fair_loader.h"
#include "engine/model/fair.h"
#include "engine/model/intents.h"
#include "engine/plan/planner.h"
#include "engine/score/compatibility.h"
#include "tests/fixtures/temp_dir.h"

namespace fairmatch {
namespace {

SynthFiles Generate(const SynthOptions& options) {
  absl::StatusOr<SynthFiles> files = GenerateFair(options);
  REQUIRE(files.ok());
  return *std::move(files);
}

// "HH:MM" -> minutes since midnight; -1 when malformed.
int ParseClock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  return ((text[0] - '0') * 10 + (text[1] - '0')) * 60 + (text[3] - '0') * 10 +
         (text[4] - '0');
}

// "HH:MM-HH:MM" -> window.
TimeWindow ParseWindow(const std::string& text) {
  REQUIRE(text.size() == 11);
  REQUIRE(text[5] == '-');
  TimeWindow w{ParseClock(text.substr(0, 5)), ParseClock(text.substr(6))};
  REQUIRE(w.start >= 0);
  REQUIRE(w.start < w.end);
  return w;
}

std::vector<TimeWindow> Windows(const YAML::Node& person) {
  std::vector<TimeWindow> windows;
  if (person["available"]) {
    for (const YAML::Node& w : person["available"]) {
      windows.push_back(ParseWindow(w.as<std::string>()));
    }
  }
  return windows;
}

// The slots the event text describes, computed by the model's slot rule.
std::vector<Slot> EventSlots(const YAML::Node& event) {
  const YAML::Node slots = event["slots"];
  std::vector<TimeWindow> breaks;
  for (const YAML::Node& b : slots["breaks"]) {
    breaks.push_back({ParseClock(b["start"].as<std::string>()),
                      ParseClock(b["end"].as<std::string>())});
  }
  return MakeSlots(ParseClock(slots["start"].as<std::string>()),
                   ParseClock(slots["end"].as<std::string>()),
                   slots["length"].as<int>(), breaks);
}

bool IsValidId(const std::string& id) {
  const auto ok = [](char c, bool first) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') ||
           (!first && (c == '_' || c == '.' || c == '-'));
  };
  if (id.empty() || id.size() > 64) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (!ok(id[i], i == 0)) return false;
  }
  return true;
}

bool HasNonAscii(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
}

TEST_CASE("the same seed gives identical files, another seed different ones",
          "[synth]") {
  SynthOptions options;
  options.attendees = 500;
  options.employers = 40;
  options.seed = 42;
  const SynthFiles a = Generate(options);
  const SynthFiles b = Generate(options);
  CHECK(a.event_yaml == b.event_yaml);
  CHECK(a.attendees_yaml == b.attendees_yaml);
  CHECK(a.employers_yaml == b.employers_yaml);
  CHECK(a.config_yaml == b.config_yaml);

  options.seed = 43;
  const SynthFiles c = Generate(options);
  CHECK(a.attendees_yaml != c.attendees_yaml);
  CHECK(a.employers_yaml != c.employers_yaml);
  CHECK(a.config_yaml != c.config_yaml);
}

TEST_CASE("employers do not change when only the attendee count does",
          "[synth]") {
  SynthOptions options;
  options.employers = 25;
  options.attendees = 100;
  const SynthFiles small = Generate(options);
  options.attendees = 2000;
  const SynthFiles large = Generate(options);
  CHECK(small.employers_yaml == large.employers_yaml);
}

TEST_CASE("every file parses with yaml-cpp and has the requested counts",
          "[synth]") {
  SynthOptions options;
  options.attendees = 777;
  options.employers = 61;
  options.slots = 10;
  options.seed = 9;
  const SynthFiles files = Generate(options);
  const YAML::Node event = YAML::Load(files.event_yaml);
  const YAML::Node attendees = YAML::Load(files.attendees_yaml)["attendees"];
  const YAML::Node employers = YAML::Load(files.employers_yaml)["employers"];
  const YAML::Node config = YAML::Load(files.config_yaml);

  CHECK(attendees.size() == 777);
  CHECK(employers.size() == 61);
  CHECK(config["seed"].as<std::uint64_t>() == 9);
  CHECK(event["date"].as<std::string>().size() == 10);
  CHECK(event["timezone"].as<std::string>() == "America/Toronto");
  CHECK(event["values"].size() >= 8);
  CHECK(event["values"].size() <= 10);
  CHECK(EventSlots(event).size() == 10);

  std::set<std::string> value_ids;
  for (const YAML::Node& v : event["values"]) {
    value_ids.insert(v["id"].as<std::string>());
    CHECK_FALSE(v["label"].as<std::string>().empty());
  }
  for (const YAML::Node* list : {&attendees, &employers}) {
    for (const YAML::Node& person : *list) {
      CHECK(person["values"].size() == value_ids.size());
      for (const auto& kv : person["values"]) {
        CHECK(value_ids.count(kv.first.as<std::string>()) == 1);
        const int rating = kv.second.as<int>();
        CHECK(rating >= 0);
        CHECK(rating <= 5);
      }
      CHECK(person["offers"].size() >= 1);
      CHECK(person["seeks"].size() >= 1);
    }
  }
  for (const YAML::Node& e : employers) {
    const int tables = e["tables"].as<int>();
    CHECK(tables >= 1);
    CHECK(tables <= 3);
    if (e["group_size"]) {
      CHECK(e["group_size"].as<int>() >= 1);
      CHECK(e["group_size"].as<int>() <= 4);
    }
  }
}

TEST_CASE("the event yields exactly the requested number of slots", "[synth]") {
  for (int slots : {2, 3, 4, 7, 12, 13, 24, 31, 32, 47, 48}) {
    SynthOptions options;
    options.attendees = 20;
    options.employers = 3;
    options.slots = slots;
    const YAML::Node event = YAML::Load(Generate(options).event_yaml);
    const std::vector<Slot> made = EventSlots(event);
    INFO("slots = " << slots);
    CHECK(static_cast<int>(made.size()) == slots);
    // The one break sits in the middle: half the slots before it.
    const int pause_start =
        ParseClock(event["slots"]["breaks"][0]["start"].as<std::string>());
    CHECK(std::count_if(made.begin(), made.end(), [&](const Slot& s) {
            return s.end <= pause_start;
          }) == slots / 2);
  }
}

TEST_CASE(
    "ids are unique and well-formed, names and emails are unique where "
    "they must be",
    "[synth]") {
  SynthOptions options;
  options.attendees = 3000;
  options.employers = 1500;  // more than the name combinations of a sector
  const SynthFiles files = Generate(options);
  const YAML::Node attendees = YAML::Load(files.attendees_yaml)["attendees"];
  const YAML::Node employers = YAML::Load(files.employers_yaml)["employers"];

  std::set<std::string> ids, emails, employer_names, booths;
  for (const YAML::Node& a : attendees) {
    const std::string id = a["id"].as<std::string>();
    CHECK(IsValidId(id));
    CHECK(ids.insert(id).second);
    const std::string email = a["email"].as<std::string>();
    CHECK_FALSE(HasNonAscii(email));
    CHECK(email.find('@') != std::string::npos);
    CHECK(emails.insert(email).second);
  }
  for (const YAML::Node& e : employers) {
    const std::string id = e["id"].as<std::string>();
    CHECK(IsValidId(id));
    CHECK(ids.insert(id).second);
    CHECK(employer_names.insert(e["name"].as<std::string>()).second);
    CHECK(booths.insert(e["booth"].as<std::string>()).second);
  }
}

TEST_CASE(
    "must_meet and avoid name existing employers, never the same one, "
    "and must_meet shares a slot with the attendee",
    "[synth]") {
  SynthOptions options;
  options.attendees = 2000;
  options.employers = 50;
  options.conflict_fraction = 0.6;
  options.early_leave_fraction = 0.5;
  options.must_meets = 300;
  options.avoids = 300;
  const SynthFiles files = Generate(options);
  const std::vector<Slot> slots = EventSlots(YAML::Load(files.event_yaml));
  const YAML::Node attendees = YAML::Load(files.attendees_yaml)["attendees"];
  const YAML::Node employers = YAML::Load(files.employers_yaml)["employers"];

  std::map<std::string, std::vector<TimeWindow>> employer_windows;
  std::map<std::string, int> must_room;  // tables x available slots / 4
  for (const YAML::Node& e : employers) {
    const std::string id = e["id"].as<std::string>();
    employer_windows[id] = Windows(e);
    const int tables = e["tables"] ? e["tables"].as<int>() : 1;
    const int available = static_cast<int>(std::count_if(
        slots.begin(), slots.end(),
        [&](const Slot& s) { return SlotInWindows(s, employer_windows[id]); }));
    must_room[id] = tables * available / 4;
  }
  std::map<std::string, int> must_demand;
  int with_must_meet = 0, with_avoid = 0;
  for (const YAML::Node& a : attendees) {
    const std::vector<TimeWindow> windows = Windows(a);
    std::set<std::string> must;
    if (a["must_meet"]) {
      ++with_must_meet;
      for (const YAML::Node& id : a["must_meet"]) {
        const std::string e = id.as<std::string>();
        REQUIRE(employer_windows.count(e) == 1);
        CHECK(must.insert(e).second);
        ++must_demand[e];
        CHECK(std::any_of(slots.begin(), slots.end(), [&](const Slot& s) {
          return SlotInWindows(s, windows) &&
                 SlotInWindows(s, employer_windows[e]);
        }));
      }
    }
    if (a["avoid"]) {
      ++with_avoid;
      std::set<std::string> avoid;
      for (const YAML::Node& id : a["avoid"]) {
        const std::string e = id.as<std::string>();
        REQUIRE(employer_windows.count(e) == 1);
        CHECK(avoid.insert(e).second);
        CHECK(must.count(e) == 0);
      }
    }
  }
  // An attendee sharing no slot with any sampled employer may go without,
  // and no employer is asked for more than a quarter of its one-to-one
  // capacity, so generated fairs stay feasible: 300 requests over 50
  // employers hit that cap for the popular ones.
  CHECK(with_must_meet <= 300);
  CHECK(with_must_meet >= 100);  // 129 with seed 1
  for (const auto& [e, demand] : must_demand) {
    INFO("employer " << e);
    CHECK(demand <= must_room[e]);
  }
  CHECK(with_avoid == 300);
}

TEST_CASE("must_meets and avoids default to about 2% of attendees", "[synth]") {
  SynthOptions options;
  options.attendees = 1000;
  options.employers = 30;
  options.conflict_fraction = 0;
  options.early_leave_fraction = 0;
  const YAML::Node attendees =
      YAML::Load(Generate(options).attendees_yaml)["attendees"];
  int must = 0, avoid = 0;
  for (const YAML::Node& a : attendees) {
    must += a["must_meet"] ? 1 : 0;
    avoid += a["avoid"] ? 1 : 0;
  }
  CHECK(must == 20);  // everyone shares every slot: none is skipped
  CHECK(avoid == 20);
}

TEST_CASE(
    "class conflicts split an attendee's day around a 45-90 minute "
    "class, and early leavers leave after the break",
    "[synth]") {
  SynthOptions options;
  options.attendees = 400;
  options.employers = 100;
  options.slots = 16;
  options.conflict_fraction = 1;
  options.early_leave_fraction = 1;
  const SynthFiles files = Generate(options);
  const YAML::Node event = YAML::Load(files.event_yaml);
  const int start = ParseClock(event["slots"]["start"].as<std::string>());
  const int end = ParseClock(event["slots"]["end"].as<std::string>());
  const int pause_end =
      ParseClock(event["slots"]["breaks"][0]["end"].as<std::string>());

  for (const YAML::Node& a : YAML::Load(files.attendees_yaml)["attendees"]) {
    const std::vector<TimeWindow> w = Windows(a);
    REQUIRE(w.size() == 2);
    CHECK(w[0].start == start);
    CHECK(w[1].end == end);
    const int class_minutes = w[1].start - w[0].end;
    CHECK(class_minutes >= 45);
    CHECK(class_minutes <= 90);
  }
  for (const YAML::Node& e : YAML::Load(files.employers_yaml)["employers"]) {
    const std::vector<TimeWindow> w = Windows(e);
    REQUIRE(w.size() == 1);
    CHECK(w[0].start == start);
    CHECK(w[0].end > pause_end);
    CHECK(w[0].end < end);
  }

  options.conflict_fraction = 0;
  options.early_leave_fraction = 0;
  const SynthFiles none = Generate(options);
  CHECK(none.attendees_yaml.find("available:") == std::string::npos);
  CHECK(none.employers_yaml.find("available:") == std::string::npos);
}

TEST_CASE("names span scripts: accented Latin, Cyrillic, Greek and CJK",
          "[synth]") {
  SynthOptions options;
  options.attendees = 2000;
  const YAML::Node attendees =
      YAML::Load(Generate(options).attendees_yaml)["attendees"];
  int non_ascii = 0;
  std::set<unsigned char> lead_bytes;
  for (const YAML::Node& a : attendees) {
    const std::string name = a["name"].as<std::string>();
    if (HasNonAscii(name)) ++non_ascii;
    for (char c : name) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0xC0) lead_bytes.insert(u);
    }
  }
  CHECK(non_ascii > 2000 / 4);
  CHECK(lead_bytes.count(0xC3) == 1);  // Latin-1: é, ü, ñ
  CHECK(lead_bytes.count(0xC5) == 1);  // Latin Extended-A: ş, ł
  CHECK(lead_bytes.count(0xD0) == 1);  // Cyrillic
  CHECK(lead_bytes.count(0xCE) == 1);  // Greek
  CHECK((lead_bytes.count(0xE4) + lead_bytes.count(0xE7) +
         lead_bytes.count(0xE9)) >= 1);  // CJK ideographs
}

TEST_CASE("good matches exist for nearly everyone but are not universal",
          "[synth]") {
  // A pair "fits" when each offers something the other seeks.
  SynthOptions options;
  options.attendees = 1000;
  options.employers = 60;
  const SynthFiles files = Generate(options);
  const YAML::Node attendees = YAML::Load(files.attendees_yaml)["attendees"];
  const YAML::Node employers = YAML::Load(files.employers_yaml)["employers"];
  const auto tags = [](const YAML::Node& list) {
    std::set<std::string> s;
    for (const YAML::Node& t : list) s.insert(t.as<std::string>());
    return s;
  };
  const auto meet = [](const std::set<std::string>& x,
                       const std::set<std::string>& y) {
    return std::any_of(x.begin(), x.end(),
                       [&](const std::string& t) { return y.count(t) > 0; });
  };
  std::vector<std::set<std::string>> e_offers, e_seeks;
  for (const YAML::Node& e : employers) {
    e_offers.push_back(tags(e["offers"]));
    e_seeks.push_back(tags(e["seeks"]));
  }
  int with_fit = 0;
  long long fitting_pairs = 0;
  for (const YAML::Node& a : attendees) {
    const std::set<std::string> offers = tags(a["offers"]);
    const std::set<std::string> seeks = tags(a["seeks"]);
    int fits = 0;
    for (std::size_t e = 0; e < e_offers.size(); ++e) {
      if (meet(offers, e_seeks[e]) && meet(seeks, e_offers[e])) ++fits;
    }
    with_fit += fits > 0 ? 1 : 0;
    fitting_pairs += fits;
  }
  const double pair_share =
      static_cast<double>(fitting_pairs) / (1000.0 * 60.0);
  CHECK(with_fit >= 900);
  CHECK(pair_share > 0.05);
  CHECK(pair_share < 0.6);
}

// The generated files in a temporary folder, loaded as `fairmatch plan`
// loads them.
Fair LoadGenerated(const SynthFiles& files) {
  const testing::TempDir dir;
  dir.Write("event.yaml", files.event_yaml);
  dir.Write("attendees.yaml", files.attendees_yaml);
  dir.Write("employers.yaml", files.employers_yaml);
  dir.Write("config.yaml", files.config_yaml);
  absl::StatusOr<Fair> fair = LoadFair(dir.path(), LoadOptions{});
  INFO(fair.status().message());
  REQUIRE(fair.ok());
  return *std::move(fair);
}

TEST_CASE("the generated folder loads without diagnostics", "[synth]") {
  SynthOptions options;
  options.attendees = 400;
  options.employers = 35;
  options.conflict_fraction = 0.5;
  options.early_leave_fraction = 0.3;
  const Fair fair = LoadGenerated(Generate(options));
  CHECK(fair.num_attendees() == 400);
  CHECK(fair.num_employers() == 35);
  CHECK(fair.num_slots() == 12);
  CHECK(fair.config.seed == options.seed);
}

// The lines of `yaml` that hold none of `keys` ("    wants:").
std::string WithoutLines(const std::string& yaml,
                         const std::vector<std::string>& keys) {
  std::vector<absl::string_view> kept;
  for (absl::string_view line : absl::StrSplit(yaml, '\n')) {
    if (std::none_of(keys.begin(), keys.end(), [&](const std::string& k) {
          return absl::StartsWith(line, k);
        })) {
      kept.push_back(line);
    }
  }
  return absl::StrJoin(kept, "\n");
}

SynthOptions BothSides(int attendees, int employers) {
  SynthOptions options;
  options.attendees = attendees;
  options.employers = employers;
  options.requirements = 1;
  options.wishes = 0.85;
  return options;
}

TEST_CASE("requirements and wishes are off by default", "[synth]") {
  const SynthFiles files = Generate(SynthOptions{});
  for (const std::string* text :
       {&files.attendees_yaml, &files.employers_yaml}) {
    CHECK(text->find("requires:") == std::string::npos);
    CHECK(text->find("wants:") == std::string::npos);
    CHECK(text->find("extra:") == std::string::npos);
  }
}

TEST_CASE("wishes only add wants lines and employers' must_meet lines",
          "[synth]") {
  SynthOptions options;
  options.attendees = 600;
  options.employers = 60;
  const SynthFiles plain = Generate(options);
  options.wishes = 1;
  const SynthFiles wished = Generate(options);
  CHECK(wished.attendees_yaml != plain.attendees_yaml);
  CHECK(WithoutLines(wished.attendees_yaml, {"    wants:"}) ==
        plain.attendees_yaml);
  // Attendees have must_meet lines of their own; employers had none.
  CHECK(WithoutLines(wished.employers_yaml, {"    wants:", "    must_meet:"}) ==
        plain.employers_yaml);
  CHECK(wished.event_yaml == plain.event_yaml);
}

TEST_CASE(
    "free text adds each attendee's own offers and seeks, and "
    "nothing else",
    "[synth]") {
  SynthOptions options;
  options.attendees = 200;
  options.employers = 20;
  const SynthFiles plain = Generate(options);
  options.free_text = 3;
  const SynthFiles free_text = Generate(options);
  CHECK(free_text.employers_yaml == plain.employers_yaml);
  CHECK(free_text.event_yaml == plain.event_yaml);
  // a0001's lists end with three tags of its own.
  CHECK(free_text.attendees_yaml.find(
            "a0001 own offer 1, a0001 own offer 2, a0001 own offer 3]") !=
        std::string::npos);
  CHECK(free_text.attendees_yaml.find(
            "a0001 own seek 1, a0001 own seek 2, a0001 own seek 3]") !=
        std::string::npos);
  // Removing the own tags gives the plain file back, byte for byte.
  std::string stripped = free_text.attendees_yaml;
  for (std::size_t at; (at = stripped.find(" own ")) != std::string::npos;) {
    std::size_t begin = stripped.rfind(", ", at);
    std::size_t item_begin = stripped.rfind('[', at);
    const bool first = item_begin != std::string::npos &&
                       (begin == std::string::npos || item_begin > begin);
    std::size_t end = stripped.find_first_of(",]", at);
    if (first) {
      // "[a0001 own offer 1, ..." (the list had no tags of the vocabulary)
      const std::size_t erase_end =
          stripped[end] == ',' ? end + 2 : end;  // keep ']'
      stripped.erase(item_begin + 1, erase_end - item_begin - 1);
    } else {
      stripped.erase(begin, end - begin);
    }
  }
  CHECK(stripped == plain.attendees_yaml);
}

TEST_CASE(
    "with requirements and wishes, only the employers' lists of attendees "
    "change with the attendee count",
    "[synth]") {
  SynthOptions options = BothSides(100, 25);
  const SynthFiles small = Generate(options);
  options.attendees = 2000;
  const SynthFiles large = Generate(options);
  CHECK(small.employers_yaml != large.employers_yaml);
  CHECK(WithoutLines(small.employers_yaml, {"    wants:", "    must_meet:"}) ==
        WithoutLines(large.employers_yaml, {"    wants:", "    must_meet:"}));
}

TEST_CASE("requirements appear at the documented shares", "[synth]") {
  SynthOptions options = BothSides(2000, 2000);
  const SynthFiles files = Generate(options);
  const YAML::Node employers = YAML::Load(files.employers_yaml)["employers"];
  std::map<std::string, int> restricting;
  int remote = 0;
  for (const YAML::Node& e : employers) {
    remote += e["extra"]["remote"].as<std::string>() == "yes" ? 1 : 0;
    if (!e["requires"]) continue;
    for (const auto& clause : e["requires"]) {
      ++restricting[clause.first.as<std::string>()];
    }
  }
  const auto share = [](int n) { return n / 2000.0; };
  CHECK(share(restricting["program"]) == Approx(0.25).margin(0.03));
  CHECK(share(restricting["extra.level"]) == Approx(0.20).margin(0.03));
  CHECK(share(restricting["extra.graduation_year"]) ==
        Approx(0.15).margin(0.03));
  CHECK(share(restricting["extra.work_authorization"]) ==
        Approx(0.10).margin(0.03));
  CHECK(share(remote) == Approx(0.3).margin(0.04));

  const YAML::Node attendees = YAML::Load(files.attendees_yaml)["attendees"];
  std::map<std::string, int> levels;
  int authorised = 0, requiring_remote = 0;
  std::set<int> years;
  for (const YAML::Node& a : attendees) {
    const YAML::Node extra = a["extra"];
    ++levels[extra["level"].as<std::string>()];
    years.insert(extra["graduation_year"].as<int>());
    authorised += extra["work_authorization"].as<std::string>() == "yes";
    requiring_remote += a["requires"] ? 1 : 0;
  }
  CHECK(levels.size() == 3);
  CHECK(levels["BSc"] > levels["MSc"]);
  CHECK(levels["MSc"] > levels["PhD"]);
  CHECK(levels["PhD"] > 0);
  CHECK(authorised / 2000.0 == Approx(0.88).margin(0.03));
  CHECK(requiring_remote / 2000.0 == Approx(0.03).margin(0.015));
  // Around the event: from the final-year cohort a few years on.
  CHECK(years.size() >= 3);
  CHECK(*years.rbegin() - *years.begin() <= 4);

  options.requirements = 0;
  CHECK(Generate(options).employers_yaml.find("requires:") ==
        std::string::npos);
}

TEST_CASE(
    "attendees' wishes are 1-5 long, mostly 2-4, and favour popular "
    "employers",
    "[synth]") {
  const SynthFiles files = Generate(BothSides(3000, 100));
  const YAML::Node attendees = YAML::Load(files.attendees_yaml)["attendees"];
  int with = 0, two_to_four = 0;
  std::map<std::string, int> wished;
  for (const YAML::Node& a : attendees) {
    if (!a["wants"]) continue;
    ++with;
    const int n = static_cast<int>(a["wants"].size());
    CHECK(n >= 1);
    CHECK(n <= 5);
    two_to_four += n >= 2 && n <= 4 ? 1 : 0;
    for (const YAML::Node& e : a["wants"]) ++wished[e.as<std::string>()];
  }
  CHECK(with / 3000.0 == Approx(0.85).margin(0.03));
  CHECK(two_to_four > with / 2);
  // Zipf-like: the most wished tenth of the employers draws far more than
  // a tenth of the wishes.
  std::vector<int> counts;
  int total = 0;
  for (const auto& [id, n] : wished) {
    counts.push_back(n);
    total += n;
  }
  std::sort(counts.rbegin(), counts.rend());
  int top = 0;
  for (int i = 0; i < 10 && i < static_cast<int>(counts.size()); ++i) {
    top += counts[i];
  }
  CHECK(top > total * 3 / 10);

  const YAML::Node employers = YAML::Load(files.employers_yaml)["employers"];
  int employer_wants = 0, employer_musts = 0;
  for (const YAML::Node& e : employers) {
    employer_wants += e["wants"] ? 1 : 0;
    employer_musts += e["must_meet"] ? 1 : 0;
  }
  CHECK(employer_wants > 5);
  CHECK(employer_wants < 35);
  CHECK(employer_musts >= 1);
  CHECK(employer_musts < 15);
}

TEST_CASE(
    "a fair with requirements and wishes loads without diagnostics, honours "
    "them in every must_meet and wish, plans and passes check",
    "[synth]") {
  SynthOptions options = BothSides(1200, 120);
  options.requirements = 2;  // stricter than real, to stress feasibility
  options.seed = 5;
  const SynthFiles files = Generate(options);
  CHECK(files.attendees_yaml == Generate(options).attendees_yaml);
  CHECK(files.employers_yaml == Generate(options).employers_yaml);
  const Fair fair = LoadGenerated(files);
  CHECK(fair.warnings.empty());
  int wishes = 0, employer_musts = 0;
  for (int a = 0; a < fair.num_attendees(); ++a) {
    for (int e : fair.attendees[a].must_meet) {
      CHECK(FailedRequirement(fair, a, e) == nullptr);
    }
    for (int e : fair.attendees[a].wants) {
      ++wishes;
      CHECK(FailedRequirement(fair, a, e) == nullptr);
      CHECK_FALSE(Avoided(fair, a, e));
    }
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    for (int a : fair.employers[e].wants) {
      CHECK(FailedRequirement(fair, a, e) == nullptr);
      CHECK_FALSE(Avoided(fair, a, e));
    }
    employer_musts += static_cast<int>(fair.employers[e].must_meet.size());
  }
  CHECK(wishes > 1000);
  CHECK(employer_musts >= 1);

  const Compatibility compat = Compatibility::Build(fair);
  PlanOptions plan_options;
  plan_options.threads = 2;
  absl::StatusOr<PlanOutcome> outcome = Plan(compat, plan_options);
  REQUIRE(outcome.ok());
  const std::vector<Violation> violations =
      CheckSchedule(fair, compat, outcome->schedule);
  for (const Violation& v : violations)
    UNSCOPED_INFO(v.kind << ": " << v.message);
  CHECK(violations.empty());
}

TEST_CASE("out-of-range options are rejected with InvalidArgument", "[synth]") {
  struct Case {
    const char* name;
    SynthOptions options;
  };
  const auto with = [](auto edit) {
    SynthOptions o;
    edit(o);
    return o;
  };
  const Case cases[] = {
      {"no attendees", with([](SynthOptions& o) { o.attendees = 0; })},
      {"no employers", with([](SynthOptions& o) { o.employers = 0; })},
      {"one slot", with([](SynthOptions& o) { o.slots = 1; })},
      {"49 slots", with([](SynthOptions& o) { o.slots = 49; })},
      {"negative conflicts",
       with([](SynthOptions& o) { o.conflict_fraction = -0.1; })},
      {"NaN early leavers",
       with([](SynthOptions& o) { o.early_leave_fraction = std::nan(""); })},
      {"early leavers above 1",
       with([](SynthOptions& o) { o.early_leave_fraction = 1.5; })},
      {"must_meets below -1", with([](SynthOptions& o) { o.must_meets = -2; })},
      {"more avoids than attendees",
       with([](SynthOptions& o) { o.avoids = o.attendees + 1; })},
      {"negative requirements",
       with([](SynthOptions& o) { o.requirements = -0.5; })},
      {"requirements above 4",
       with([](SynthOptions& o) { o.requirements = 4.5; })},
      {"wishes above 1", with([](SynthOptions& o) { o.wishes = 1.1; })},
      {"NaN wishes", with([](SynthOptions& o) { o.wishes = std::nan(""); })},
      {"negative free text", with([](SynthOptions& o) { o.free_text = -1; })},
      {"free text above 20", with([](SynthOptions& o) { o.free_text = 21; })},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    absl::StatusOr<SynthFiles> files = GenerateFair(c.options);
    REQUIRE_FALSE(files.ok());
    CHECK(files.status().code() == absl::StatusCode::kInvalidArgument);
  }
  SECTION("the boundaries themselves are accepted") {
    SynthOptions o;
    o.attendees = 1;
    o.employers = 1;
    o.slots = 2;
    o.conflict_fraction = 1;
    o.early_leave_fraction = 1;
    o.must_meets = 1;
    o.avoids = 1;
    o.requirements = 4;
    o.wishes = 1;
    CHECK(GenerateFair(o).ok());
  }
}

TEST_CASE(
    "a flat fair shares employer profiles and has blank raters, "
    "and changes nothing else",
    "[synth]") {
  SynthOptions options;
  options.attendees = 500;
  options.employers = 40;
  const SynthFiles plain = Generate(options);
  options.flat = 0;
  CHECK(Generate(options).attendees_yaml == plain.attendees_yaml);
  options.flat = 1;
  const SynthFiles flat = Generate(options);
  const std::string shared =
      "    values: {impact: 4, sustainability: 4, innovation: 4, community: 4, "
      "learning: 4, balance: 4, diversity: 4, security: 4, autonomy: 4, "
      "craft: 4}\n";
  const std::string blank =
      "    values: {impact: 3, sustainability: 3, innovation: 3, community: 3, "
      "learning: 3, balance: 3, diversity: 3, security: 3, autonomy: 3, "
      "craft: 3}\n";
  auto count = [](const std::string& text, const std::string& line) {
    int n = 0;
    for (std::size_t at = 0; (at = text.find(line, at)) != std::string::npos;
         at += line.size()) {
      ++n;
    }
    return n;
  };
  CHECK(count(flat.employers_yaml, shared) == 40);
  const int blanks = count(flat.attendees_yaml, blank);
  CHECK(blanks > 250);  // 0.6 of 500, drawn
  CHECK(blanks < 350);
  // Employers differ in their values only. (Attendees' must_meet and avoid
  // picks follow fit, so the attendee stream diverges after the first
  // different pick.)
  CHECK(WithoutLines(flat.employers_yaml, {"    values:"}) ==
        WithoutLines(plain.employers_yaml, {"    values:"}));
  options.flat = 1.5;
  CHECK_FALSE(GenerateFair(options).ok());
}

}  // namespace
}  // namespace fairmatch
