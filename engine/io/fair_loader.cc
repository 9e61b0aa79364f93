#include "engine/io/fair_loader.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "engine/base/civil_time.h"
#include "engine/base/edit_distance.h"
#include "engine/base/email.h"
#include "engine/base/unicode_text.h"
#include "engine/io/changes_loader.h"
#include "engine/io/config_loader.h"
#include "engine/io/diagnostics.h"
#include "engine/io/file_reader.h"
#include "engine/io/intents_loader.h"
#include "engine/io/sha256.h"
#include "engine/io/yaml_fields.h"
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

namespace fs = std::filesystem;

constexpr char kZoneInfoDir[] = "/usr/share/zoneinfo";

const std::vector<std::string> kEventKeys = {
    "name", "date", "timezone", "venue", "locale", "slots", "values"};
const std::vector<std::string> kSlotKeys = {"start", "end", "length", "breaks"};
const std::vector<std::string> kBreakKeys = {"start", "end"};
const std::vector<std::string> kValueDefKeys = {"id", "label"};
const std::vector<std::string> kAttendeeKeys = {
    "id",        "name",  "values", "offers",  "seeks",
    "available", "extra", "email",  "program", "max_meetings",
    "must_meet", "avoid", "wants",  "requires"};
const std::vector<std::string> kEmployerKeys = {
    "id",         "name",      "values", "offers", "seeks",
    "available",  "extra",     "email",  "booth",  "tables",
    "group_size", "must_meet", "avoid",  "wants",  "requires"};

bool Contains(const std::vector<std::string>& list, absl::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// True for "UTC" and names shaped like "Area/City" or "Area/Sub/City".
bool TimezoneShapeOk(absl::string_view tz) {
  if (tz == "UTC") return true;
  std::vector<absl::string_view> parts = absl::StrSplit(tz, '/');
  if (parts.size() < 2) return false;
  for (absl::string_view part : parts) {
    if (part.empty() || part == "." || part == "..") return false;
    for (char c : part) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' &&
          c != '-' && c != '+') {
        return false;
      }
    }
  }
  return absl::ascii_isupper(static_cast<unsigned char>(tz[0]));
}

// A close zone name in the same area ("America/Torronto" -> Toronto), if the
// system has a zoneinfo database.
std::string SuggestTimezone(absl::string_view tz) {
  size_t slash = tz.rfind('/');
  if (slash == absl::string_view::npos) return "";
  fs::path area = fs::path(kZoneInfoDir) / std::string(tz.substr(0, slash));
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(area, ec), end; !ec && it != end;
       it.increment(ec)) {
    names.push_back(
        absl::StrCat(tz.substr(0, slash), "/", it->path().filename().string()));
  }
  std::sort(names.begin(), names.end());
  return DidYouMean(tz, names);
}

using Ref = IdRef;

// Reads one fair folder; every problem goes to `diags_`.
class FairReader {
 public:
  FairReader(const std::string& dir, const LoadOptions& options)
      : dir_(dir), options_(options) {
    fair_.dir = dir;
  }

  absl::StatusOr<Fair> Run() {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
      return absl::NotFoundError(
          absl::StrCat(dir_, ": error: fair folder not found"));
    }
    const std::string event_path = Path("event.yaml");
    const std::string attendees_path = Path("attendees.yaml");
    const std::string employers_path = Path("employers.yaml");
    // Diagnostics come out grouped in this order of files.
    diags_.RegisterFile(event_path);
    diags_.RegisterFile(attendees_path);
    diags_.RegisterFile(employers_path);
    diags_.RegisterFile(Path("config.yaml"));
    for (const std::string& f : options_.config_files) diags_.RegisterFile(f);
    for (const std::string& f : ChangesFiles()) diags_.RegisterFile(f);

    // The event first: it defines the value vocabulary and the slots that
    // attendee and employer entries are checked against.
    if (std::optional<YamlNode> root = ReadRequired(event_path)) {
      ReadEvent(*root);
    }
    // Employers before attendees, so must_meet/avoid can be resolved.
    if (std::optional<YamlNode> root =
            ReadRequired(employers_path, YamlLimits::ForPeople())) {
      employers_ok_ = ReadPeople(*root, "employers", /*attendees=*/false);
    }
    if (std::optional<YamlNode> root =
            ReadRequired(attendees_path, YamlLimits::ForPeople())) {
      ReadPeople(*root, "attendees", /*attendees=*/true);
    }
    if (employers_ok_ && slots_ok_) ReadChanges();
    if (employers_ok_) {
      ResolveIntents(attendee_refs_, employer_refs_, withdrawn_ids_, &fair_,
                     &diags_);
    }
    // output.extra is checked against the people's extra keys only when
    // they all loaded: a broken file would make good keys look unknown.
    std::vector<std::string> extra_keys = ExtraKeys(fair_, true);
    for (std::string& key : ExtraKeys(fair_, false)) {
      extra_keys.push_back(std::move(key));
    }
    LoadConfigInto(dir_, options_, &diags_, &fair_.config,
                   &fair_.config_entries, diags_.ok() ? &extra_keys : nullptr);
    if (!diags_.ok()) return diags_.ToStatus();
    fair_.warnings = diags_.WarningLines();
    fair_.inputs_sha256 = HashInputs();
    // Beyond this point the Fair is complete and valid.
    return std::move(fair_);
  }

 private:
  std::string Path(const char* name) const {
    return (fs::path(dir_) / name).string();
  }

  // The provenance hash (model/fair.h): each input framed by its role and
  // length, never by its path, so it is the same on every machine.
  std::string HashInputs() const {
    Sha256 hash;
    auto add = [&](const std::string& role, const std::string& bytes) {
      hash.Update(absl::StrCat(role, " ", bytes.size(), "\n"));
      hash.Update(bytes);
    };
    // Read with the cap its loader reads it with. Absent optional files add
    // nothing; a file over its cap is refused, so its hash never matters.
    auto add_file = [&](const std::string& role, const std::string& path,
                        const YamlLimits& limits = YamlLimits{}) {
      absl::StatusOr<std::string> text =
          ReadFileCapped(path, static_cast<std::size_t>(limits.max_bytes));
      if (text.ok()) add(role, *text);
    };
    const YamlLimits people = YamlLimits::ForPeople();  // as they load
    add_file("event.yaml", Path("event.yaml"));
    add_file("attendees.yaml", Path("attendees.yaml"), people);
    add_file("employers.yaml", Path("employers.yaml"), people);
    add_file("config.yaml", Path("config.yaml"));
    for (const std::string& f : options_.config_files) add_file("--config", f);
    for (const ChangeSet& set : changes_) {
      add_file("changes", set.path);
      for (const std::string& f : set.files) add_file("walk-ins", f, people);
    }
    for (const std::string& s : options_.sets) add("--set", s);
    return hash.HexDigest();
  }

  // FAIR_DIR/changes.yaml when present, then each --changes FILE.
  std::vector<std::string> ChangesFiles() const {
    std::vector<std::string> files;
    std::error_code ec;
    if (fs::exists(Path("changes.yaml"), ec))
      files.push_back(Path("changes.yaml"));
    for (const std::string& f : options_.changes_files) files.push_back(f);
    return files;
  }

  // ---- changes.yaml and --changes (io/changes_loader.h) ----

  void ReadChanges() {
    for (const std::string& path : ChangesFiles()) {
      if (std::error_code ec; !fs::exists(path, ec)) {
        diags_.NotFound(path);
        continue;
      }
      if (std::optional<ChangeSet> set = ReadChangesFile(path, &diags_)) {
        changes_.push_back(*std::move(set));
      }
    }
    if (changes_.empty()) return;  // nothing to apply, no tables to build
    // Walk-ins join the attendees first, so later changes can name them.
    absl::flat_hash_map<std::string, SourceMark> ids;
    absl::flat_hash_map<std::string, std::string> emails, names;
    for (const Attendee& a : fair_.attendees) {
      ids.emplace(a.id, a.mark);
      if (!a.email.empty()) emails.emplace(FoldForLookup(a.email), a.id);
      names.emplace(FoldForLookup(a.name), a.id);
    }
    for (const ChangeSet& set : changes_) {
      for (const YamlNode& item : set.walk_ins) {
        Attendee a;
        PersonRefs refs;
        if (!ReadAttendee(item, &a, &refs)) continue;
        if (const auto it = ids.find(a.id); it != ids.end()) {
          diags_.Error(id_mark_,
                       absl::StrCat("walk-in id '", a.id,
                                    "' is already an "
                                    "attendee (",
                                    it->second.ToString(),
                                    "); give the walk-in another id"));
          continue;
        }
        ids.emplace(a.id, a.mark);
        if (const auto it = emails.find(FoldForLookup(a.email));
            !a.email.empty() && it != emails.end()) {
          diags_.Warning(
              a.mark,
              absl::StrCat("walk-in ", a.id, " has the e-mail of attendee ",
                           it->second, "; is it the same person?"));
        } else if (const auto n = names.find(FoldForLookup(a.name));
                   n != names.end()) {
          diags_.Warning(a.mark,
                         absl::StrCat("walk-in ", a.id, " (", a.name,
                                      ") has the name of attendee ", n->second,
                                      "; is it the same person?"));
        }
        if (!a.email.empty()) emails.emplace(FoldForLookup(a.email), a.id);
        names.emplace(FoldForLookup(a.name), a.id);
        fair_.attendees.push_back(std::move(a));
        attendee_refs_.push_back(std::move(refs));
      }
    }
    ApplyChanges(changes_, &fair_, &attendee_refs_, &employer_refs_,
                 &withdrawn_ids_, &diags_);
  }

  std::optional<YamlNode> ReadRequired(const std::string& path,
                                       const YamlLimits& limits = {}) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      diags_.NotFound(path);
      return std::nullopt;
    }
    return ReadYamlFile(path, &diags_, limits);
  }

  // ---- event.yaml ----

  void ReadEvent(const YamlNode& root) {
    if (root.is_null()) {
      diags_.Error(root.mark,
                   "file is empty; expected a map with keys "
                   "'name', 'date', 'slots' and 'values'");
      return;
    }
    if (!root.is_map()) {
      diags_.Error(root.mark,
                   absl::StrCat("expected a map with keys 'name', 'date', "
                                "'slots' and 'values', got ",
                                root.Describe()));
      return;
    }
    CheckKeys(root, kEventKeys, "event.yaml", &diags_);
    Event& event = fair_.event;
    for (const char* required : {"name", "date", "slots", "values"}) {
      const YamlNode* node = root.Find(required);
      if (node == nullptr || node->is_null()) {
        diags_.Error(root.mark, absl::StrCat("event.yaml is missing required "
                                             "key '",
                                             required, "'"));
      }
    }
    if (const YamlNode* n = root.Find("name"); n && !n->is_null()) {
      if (auto v = ReadText(*n, "event 'name'", &diags_)) event.name = *v;
    }
    if (const YamlNode* n = root.Find("date"); n && !n->is_null()) {
      if (auto v = ReadText(*n, "'date'", &diags_)) {
        if (IsValidDate(*v)) {
          event.date = *v;
        } else {
          diags_.Error(n->mark,
                       absl::StrCat("'date' must be a real calendar date "
                                    "written YYYY-MM-DD, like 2027-03-04, "
                                    "got ",
                                    n->Describe()));
        }
      }
    }
    if (const YamlNode* n = root.Find("timezone"); n && !n->is_null()) {
      if (auto v = ReadText(*n, "'timezone'", &diags_)) ReadTimezone(*n, *v);
    } else {
      // Not an error: the fair works, but calendars carry no zone.
      diags_.Warning(n != nullptr ? n->mark : root.mark,
                     "no 'timezone': calendar times are floating (each "
                     "reader's own clock); add one like 'timezone: "
                     "Europe/London'");
    }
    if (const YamlNode* n = root.Find("venue"); n && !n->is_null()) {
      if (auto v = ReadText(*n, "'venue'", &diags_)) event.venue = *v;
    }
    if (const YamlNode* n = root.Find("locale"); n && !n->is_null()) {
      if (auto v = ReadText(*n, "'locale'", &diags_)) {
        if (Collation::ForLocale(*v).ok()) {
          event.locale = *v;
        } else {
          diags_.Error(n->mark, absl::StrCat("'locale' must be a language "
                                             "code such as en, fr, de or "
                                             "fr-CA (ICU must know it), got ",
                                             n->Describe()));
        }
      }
    }
    if (const YamlNode* n = root.Find("values"); n && !n->is_null()) {
      ReadVocabulary(*n);
    }
    if (const YamlNode* n = root.Find("slots"); n && !n->is_null()) {
      ReadSlots(*n);
    }
  }

  void ReadTimezone(const YamlNode& node, const std::string& tz) {
    std::error_code ec;
    bool ok = TimezoneShapeOk(tz);
    std::string hint;
    if (ok && fs::is_directory(kZoneInfoDir, ec)) {
      ok = fs::is_regular_file(fs::path(kZoneInfoDir) / tz, ec);
      if (!ok) hint = SuggestTimezone(tz);
    }
    if (!ok) {
      diags_.Error(node.mark,
                   absl::StrCat("'timezone' must be an IANA time zone name "
                                "like 'America/Toronto' or 'UTC', got ",
                                node.Describe(), hint));
      return;
    }
    fair_.event.timezone = tz;
  }

  void ReadVocabulary(const YamlNode& node) {
    if (!node.is_sequence() || node.items.empty()) {
      diags_.Error(node.mark,
                   absl::StrCat("'values' must be a non-empty list of "
                                "entries like {id: impact, label: Making a "
                                "difference}, got ",
                                node.Describe()));
      return;
    }
    absl::flat_hash_map<std::string, int> lines;
    bool ok = true;
    for (const YamlNode& item : node.items) {
      if (!item.is_map()) {
        diags_.Error(item.mark,
                     absl::StrCat("each entry of 'values' must be a map like "
                                  "{id: impact, label: Making a difference}, "
                                  "got ",
                                  item.Describe()));
        ok = false;
        continue;
      }
      CheckKeys(item, kValueDefKeys, "a 'values' entry", &diags_);
      ValueDef def;
      const YamlNode* id = item.Find("id");
      std::optional<std::string> id_text;
      if (id == nullptr) {
        diags_.Error(item.mark, "this 'values' entry has no 'id'");
      } else {
        id_text = ReadId(*id, "value 'id'", &diags_);
      }
      if (!id_text) {
        ok = false;
        continue;
      }
      def.id = *id_text;
      def.label = def.id;
      if (const YamlNode* label = item.Find("label");
          label && !label->is_null()) {
        if (auto v = ReadText(*label, "value 'label'", &diags_)) def.label = *v;
      }
      auto [it, inserted] = lines.emplace(def.id, id->mark.line);
      if (!inserted) {
        diags_.Error(id->mark, absl::StrCat("duplicate value id '", def.id,
                                            "'; it is already defined on "
                                            "line ",
                                            it->second));
        ok = false;
        continue;
      }
      fair_.event.values.push_back(std::move(def));
    }
    for (const ValueDef& v : fair_.event.values) value_ids_.push_back(v.id);
    vocabulary_ok_ = ok;
  }

  void ReadSlots(const YamlNode& node) {
    if (!node.is_map()) {
      diags_.Error(node.mark,
                   absl::StrCat("'slots' must be a map with 'start', 'end' "
                                "and 'length', got ",
                                node.Describe()));
      return;
    }
    CheckKeys(node, kSlotKeys, "'slots'", &diags_);
    Event& event = fair_.event;
    // -1: missing or invalid (plain ints: GCC 12 gives a false
    // maybe-uninitialized warning on std::optional<int> here).
    int start = -1, end = -1, length = -1;
    for (const char* required : {"start", "end", "length"}) {
      const YamlNode* n = node.Find(required);
      if (n == nullptr || n->is_null()) {
        diags_.Error(node.mark,
                     absl::StrCat("'slots' is missing '", required, "'"));
      }
    }
    if (const YamlNode* n = node.Find("start"); n && !n->is_null()) {
      start = ReadClock(*n, "'slots.start'", &diags_).value_or(-1);
    }
    if (const YamlNode* n = node.Find("end"); n && !n->is_null()) {
      end = ReadClock(*n, "'slots.end'", &diags_).value_or(-1);
      if (start >= 0 && end >= 0 && start >= end) {
        diags_.Error(n->mark, absl::StrCat("'slots.end' (", FormatClock(end),
                                           ") must be after 'slots.start' (",
                                           FormatClock(start), ")"));
        end = -1;
      }
    }
    if (const YamlNode* n = node.Find("length"); n && !n->is_null()) {
      length = ReadInt(*n, "'slots.length' (minutes per conversation)", 5, 240,
                       &diags_)
                   .value_or(-1);
    }
    bool breaks_ok = true;
    if (const YamlNode* n = node.Find("breaks"); n && !n->is_null()) {
      if (!n->is_sequence()) {
        diags_.Error(n->mark,
                     absl::StrCat("'breaks' must be a list like "
                                  "[{start: \"11:30\", end: \"11:45\"}], "
                                  "got ",
                                  n->Describe()));
        breaks_ok = false;
      } else {
        for (const YamlNode& b : n->items) {
          std::optional<TimeWindow> w = ReadBreak(b);
          if (w) {
            event.breaks.push_back(*w);
          } else {
            breaks_ok = false;
          }
        }
      }
    }
    if (start < 0 || end < 0 || length < 0 || !breaks_ok) return;
    event.start = start;
    event.end = end;
    event.length = length;
    fair_.slots = MakeSlots(event.start, event.end, event.length, event.breaks);
    if (fair_.slots.empty()) {
      diags_.Error(
          node.mark,
          absl::StrCat("no conversation slot fits: between ",
                       FormatClock(event.start), " and ",
                       FormatClock(event.end),
                       " (minus breaks) there is no room for a ", event.length,
                       "-minute slot; check 'start', "
                       "'end', 'length' and 'breaks'"));
      return;
    }
    slots_ok_ = true;
  }

  std::optional<TimeWindow> ReadBreak(const YamlNode& b) {
    if (!b.is_map()) {
      diags_.Error(b.mark, absl::StrCat("each break must be a map like "
                                        "{start: \"11:30\", end: \"11:45\"}, "
                                        "got ",
                                        b.Describe()));
      return std::nullopt;
    }
    CheckKeys(b, kBreakKeys, "a break", &diags_);
    const YamlNode* s = b.Find("start");
    const YamlNode* e = b.Find("end");
    if (s == nullptr || e == nullptr) {
      diags_.Error(b.mark, "each break needs both 'start' and 'end'");
      return std::nullopt;
    }
    std::optional<int> start = ReadClock(*s, "break 'start'", &diags_);
    std::optional<int> end = ReadClock(*e, "break 'end'", &diags_);
    if (!start || !end) return std::nullopt;
    if (*start >= *end) {
      diags_.Error(e->mark, absl::StrCat("break 'end' (", FormatClock(*end),
                                         ") must be after its 'start' (",
                                         FormatClock(*start), ")"));
      return std::nullopt;
    }
    return TimeWindow{*start, *end};
  }

  // ---- attendees.yaml and employers.yaml ----

  // Returns true when the list could be read (entries may still have
  // errors, but their ids are known).
  bool ReadPeople(const YamlNode& root, const std::string& top_key,
                  bool attendees) {
    const std::string expected = absl::StrCat("a map with key '", top_key, "'");
    if (root.is_null()) {
      diags_.Error(root.mark,
                   absl::StrCat("file is empty; expected ", expected));
      return false;
    }
    if (!root.is_map()) {
      diags_.Error(root.mark,
                   absl::StrCat("expected ", expected, ", got ",
                                root.Describe(), "; start the file with '",
                                top_key, ":' and indent the entries under it"));
      return false;
    }
    CheckKeys(root, {top_key}, absl::StrCat(top_key, ".yaml"), &diags_);
    const YamlNode* list = root.Find(top_key);
    if (list == nullptr) {
      diags_.Error(root.mark, absl::StrCat("missing key '", top_key, "'"));
      return false;
    }
    if (list->is_null()) return true;  // no entries yet
    if (!list->is_sequence()) {
      diags_.Error(list->mark, absl::StrCat("'", top_key,
                                            "' must be a list of entries "
                                            "starting with '- id: ...', got ",
                                            list->Describe()));
      return false;
    }
    absl::flat_hash_map<std::string, int> id_lines;
    for (const YamlNode& item : list->items) {
      if (attendees) {
        Attendee a;
        PersonRefs refs;
        if (!ReadAttendee(item, &a, &refs)) continue;
        if (!CheckUniqueId(a, "attendee", &id_lines)) continue;
        fair_.attendees.push_back(std::move(a));
        attendee_refs_.push_back(std::move(refs));
      } else {
        Employer e;
        PersonRefs refs;
        if (!ReadEmployer(item, &e, &refs)) continue;
        if (!CheckUniqueId(e, "employer", &id_lines)) continue;
        fair_.employers.push_back(std::move(e));
        employer_refs_.push_back(std::move(refs));
      }
    }
    return true;
  }

  bool CheckUniqueId(const Profile& p, const char* kind,
                     absl::flat_hash_map<std::string, int>* id_lines) {
    auto [it, inserted] = id_lines->emplace(p.id, p.mark.line);
    if (inserted) return true;
    diags_.Error(id_mark_, absl::StrCat("duplicate ", kind, " id '", p.id,
                                        "'; it is already used by the entry "
                                        "on line ",
                                        it->second));
    return false;
  }

  // Reads the keys attendees and employers share. Returns false if `e` is
  // not one of them.
  bool ReadCommon(const YamlEntry& e, Profile* p) {
    const YamlNode& v = e.value;
    // An empty id or name is reported once, by EndEntry.
    if ((e.key == "id" || e.key == "name") && v.is_null()) return true;
    if (e.key == "id") {
      id_mark_ = v.mark;
      if (auto id = ReadId(v, "'id'", &diags_)) p->id = *id;
    } else if (e.key == "name") {
      if (auto name = ReadText(v, "'name'", &diags_)) p->name = *name;
    } else if (e.key == "values") {
      ReadRatings(v, p);
    } else if (e.key == "offers" || e.key == "seeks") {
      ReadTags(v, e.key, e.key == "offers" ? &p->offers : &p->seeks);
    } else if (e.key == "available") {
      ReadAvailable(v, p);
    } else if (e.key == "extra") {
      if (v.is_null()) return true;
      if (!v.is_map()) {
        diags_.Error(v.mark, absl::StrCat("'extra' must be a map of "
                                          "fields like {portfolio: ...}, "
                                          "got ",
                                          v.Describe()));
      } else {
        FlattenExtra(v, "", &p->extra);
      }
    } else {
      return false;
    }
    return true;
  }

  // Starts an entry: checks it is a map, reports unknown keys.
  bool BeginEntry(const YamlNode& item, const char* kind,
                  const std::vector<std::string>& keys,
                  const std::vector<std::string>& other_keys,
                  const char* other_kind, Profile* p) {
    p->mark = item.mark;
    id_mark_ = item.mark;
    if (!item.is_map()) {
      diags_.Error(item.mark, absl::StrCat("each ", kind,
                                           " must be a map with at least "
                                           "'id' and 'name', got ",
                                           item.Describe()));
      return false;
    }
    for (const YamlEntry& e : item.entries) {
      if (Contains(keys, e.key)) continue;
      std::string message =
          absl::StrCat("unknown key '", e.key, "' for an ", kind);
      if (Contains(other_keys, e.key)) {
        absl::StrAppend(&message, " ('", e.key, "' is only for ", other_kind,
                        "s)");
      } else {
        absl::StrAppend(&message, DidYouMean(e.key, keys));
      }
      diags_.Error(e.key_mark, message);
    }
    p->values.assign(fair_.event.values.size(), 0.0f);
    return true;
  }

  // Checks 'id' and 'name' were given; returns false without an id.
  bool EndEntry(const YamlNode& item, const char* kind, const Profile& p) {
    for (const char* required : {"id", "name"}) {
      const YamlNode* n = item.Find(required);
      if (n == nullptr) {
        diags_.Error(item.mark,
                     absl::StrCat("this ", kind, " has no '", required, "'"));
      } else if (n->is_null()) {
        diags_.Error(n->mark, absl::StrCat("'", required,
                                           "' is required but "
                                           "empty; every ",
                                           kind, " needs one"));
      }
    }
    return !p.id.empty();
  }

  bool ReadAttendee(const YamlNode& item, Attendee* a, PersonRefs* refs) {
    if (!BeginEntry(item, "attendee", kAttendeeKeys, kEmployerKeys, "employer",
                    a)) {
      return false;
    }
    for (const YamlEntry& e : item.entries) {
      if (ReadCommon(e, a)) continue;
      const YamlNode& v = e.value;
      if (v.is_null()) continue;  // optional keys left empty
      if (e.key == "email") {
        ReadEmail(v, &a->email);
      } else if (e.key == "program") {
        if (auto program = ReadText(v, "'program'", &diags_)) {
          a->program = *program;
        }
      } else if (e.key == "max_meetings") {
        // Without valid slots the upper bound is unknown; check it later.
        const int hi = slots_ok_ ? fair_.num_slots() : 100000;
        if (auto m = ReadInt(v,
                             slots_ok_ ? "'max_meetings' (at most the number "
                                         "of slots)"
                                       : "'max_meetings'",
                             0, hi, &diags_)) {
          a->max_meetings = *m;
        }
      } else {
        ReadIntent(e, "employer", refs, a);
      }
    }
    return EndEntry(item, "attendee", *a);
  }

  void ReadEmail(const YamlNode& v, std::string* out) {
    if (auto email = ReadText(v, "'email'", &diags_)) {
      if (!LooksLikeEmail(*email)) {
        diags_.Error(v.mark, absl::StrCat("'email' must look like "
                                          "name@example.org, got ",
                                          v.Describe()));
      } else {
        *out = *email;
      }
    }
  }

  // must_meet, avoid, wants and requires, on either side (`other` names
  // the side they refer to). Returns false if `e` is not one of them (an
  // unknown key, already reported by BeginEntry).
  bool ReadIntent(const YamlEntry& e, const char* other, PersonRefs* refs,
                  Profile* p) {
    if (e.key == "must_meet") {
      ReadRefs(e.value, "must_meet", other, &refs->must_meet);
    } else if (e.key == "avoid") {
      ReadRefs(e.value, "avoid", other, &refs->avoid);
    } else if (e.key == "wants") {
      ReadRefs(e.value, "wants", other, &refs->wants);
    } else if (e.key == "requires") {
      p->requirements = ReadRequirements(
          e.value, /*of_employer=*/std::string_view(other) == "attendee",
          &diags_);
    } else {
      return false;
    }
    return true;
  }

  bool ReadEmployer(const YamlNode& item, Employer* emp, PersonRefs* refs) {
    if (!BeginEntry(item, "employer", kEmployerKeys, kAttendeeKeys, "attendee",
                    emp)) {
      return false;
    }
    for (const YamlEntry& e : item.entries) {
      if (ReadCommon(e, emp)) continue;
      const YamlNode& v = e.value;
      if (v.is_null()) continue;
      if (e.key == "email") {
        ReadEmail(v, &emp->email);
      } else if (e.key == "booth") {
        if (auto booth = ReadText(v, "'booth'", &diags_)) emp->booth = *booth;
      } else if (e.key == "tables") {
        if (auto t = ReadInt(v, "'tables'", 1, 100, &diags_)) emp->tables = *t;
      } else if (e.key == "group_size") {
        if (auto g = ReadInt(v, "'group_size'", 1, 20, &diags_)) {
          emp->group_size = *g;
        }
      } else {
        ReadIntent(e, "attendee", refs, emp);
      }
    }
    return EndEntry(item, "employer", *emp);
  }

  void ReadRatings(const YamlNode& v, Profile* p) {
    if (v.is_null()) return;
    if (!v.is_map()) {
      diags_.Error(v.mark, absl::StrCat("'values' must be a map of ratings "
                                        "like {impact: 4}, got ",
                                        v.Describe()));
      return;
    }
    for (const YamlEntry& r : v.entries) {
      auto it = std::find(value_ids_.begin(), value_ids_.end(), r.key);
      if (it == value_ids_.end()) {
        // Without a readable vocabulary every id would look unknown.
        if (!vocabulary_ok_) continue;
        if (diags_.full()) {  // dropped anyway: no did-you-mean for it
          diags_.Error(r.key_mark, "unknown value");
          continue;
        }
        std::string hint = DidYouMean(r.key, value_ids_);
        if (hint.empty()) {
          // A few, never the whole vocabulary on every line.
          constexpr size_t kListed = 10;
          const size_t n = std::min(kListed, value_ids_.size());
          hint = absl::StrCat(
              "; event.yaml defines: ",
              absl::StrJoin(value_ids_.begin(), value_ids_.begin() + n, ", "),
              value_ids_.size() > n
                  ? absl::StrCat(", ... (", value_ids_.size(), " in all)")
                  : "");
        }
        diags_.Error(r.key_mark,
                     absl::StrCat("unknown value '", r.key, "'", hint));
        continue;
      }
      if (r.value.is_null()) continue;  // the same as leaving it out: 0
      std::optional<double> rating = ReadNumber(
          r.value, absl::StrCat("rating for '", r.key, "'"), 0, 5, &diags_);
      if (rating)
        p->values[it - value_ids_.begin()] = static_cast<float>(*rating);
    }
  }

  void ReadTags(const YamlNode& v, const std::string& key,
                std::vector<std::string>* tags) {
    if (v.is_null()) return;
    if (!v.is_sequence()) {
      diags_.Error(v.mark, absl::StrCat("'", key,
                                        "' must be a list of tags "
                                        "like [mentoring, internships], got ",
                                        v.Describe()));
      return;
    }
    for (const YamlNode& item : v.items) {
      if (auto tag = ReadText(item, absl::StrCat("each tag in '", key, "'"),
                              &diags_)) {
        tags->push_back(*tag);
      }
    }
  }

  void ReadAvailable(const YamlNode& v, Profile* p) {
    if (v.is_null()) return;
    if (!v.is_sequence()) {
      diags_.Error(v.mark, absl::StrCat("'available' must be a list of time "
                                        "windows like [\"10:00-12:00\"], "
                                        "got ",
                                        v.Describe()));
      return;
    }
    for (const YamlNode& item : v.items) {
      if (auto w = ReadWindow(item, "each 'available' window", &diags_)) {
        p->available.push_back(*w);
      }
    }
  }

  void FlattenExtra(const YamlNode& node, const std::string& prefix,
                    ExtraFields* out) {
    switch (node.kind) {
      case YamlNode::Kind::kMap:
        for (const YamlEntry& e : node.entries) {
          FlattenExtra(
              e.value,
              prefix.empty() ? e.key : absl::StrCat(prefix, ".", e.key), out);
        }
        return;
      case YamlNode::Kind::kNull:
        out->emplace_back(prefix, "");
        return;
      case YamlNode::Kind::kScalar:
        out->emplace_back(prefix, node.scalar);
        return;
      case YamlNode::Kind::kSequence: {
        std::vector<std::string> parts;
        for (const YamlNode& item : node.items) {
          if (item.is_sequence() || item.is_map()) {
            diags_.Error(item.mark,
                         absl::StrCat("lists in 'extra' may hold only plain "
                                      "values, got ",
                                      item.Describe(), " in '", prefix, "'"));
            return;
          }
          parts.push_back(item.scalar);
        }
        out->emplace_back(prefix, absl::StrJoin(parts, ", "));
        return;
      }
    }
  }

  void ReadRefs(const YamlNode& v, const char* key, const char* other,
                std::vector<Ref>* refs) {
    if (!v.is_sequence()) {
      diags_.Error(
          v.mark,
          absl::StrCat("'", key, "' must be a list of ", other, " ids like ",
                       std::string_view(other) == "employer" ? "[acme, globex]"
                                                             : "[a-001, a-002]",
                       ", got ", v.Describe()));
      return;
    }
    for (const YamlNode& item : v.items) {
      if (auto id =
              ReadText(item, absl::StrCat("each ", other, " id in '", key, "'"),
                       &diags_)) {
        refs->push_back(Ref{*id, item.mark});
      }
    }
  }

  const std::string dir_;
  const LoadOptions& options_;
  Diagnostics diags_;
  Fair fair_;
  std::vector<std::string> value_ids_;
  bool vocabulary_ok_ = false;
  bool slots_ok_ = false;
  bool employers_ok_ = false;
  SourceMark id_mark_;  // where the current entry's id is, for duplicates
  // Per attendee and per employer (parallel to fair_.attendees and
  // fair_.employers), resolved at the end (io/intents_loader.h).
  std::vector<PersonRefs> attendee_refs_;
  std::vector<PersonRefs> employer_refs_;
  std::vector<ChangeSet> changes_;
  WithdrawnIds withdrawn_ids_;
};

}  // namespace

absl::StatusOr<Fair> LoadFair(const std::string& dir,
                              const LoadOptions& options) {
  return FairReader(dir, options).Run();
}

}  // namespace fairmatch
