#include "engine/io/import_intents.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "engine/base/edit_distance.h"
#include "engine/base/email.h"
#include "engine/base/tags.h"
#include "engine/base/yaml_writer.h"
#include "engine/io/import_ids.h"
#include "engine/io/import_text.h"
#include "engine/io/yaml_fields.h"  // IsValidId, ParseFiniteNumber
#include "engine/io/yaml_tree.h"

namespace fairmatch {
namespace {

const YamlNode* Scalar(const YamlNode& map, absl::string_view key) {
  const YamlNode* n = map.Find(key);
  return n != nullptr && n->is_scalar() ? n : nullptr;
}

// "2026", " 2026.5 " -> the number; nullopt for anything else.
std::optional<double> Number(absl::string_view text) {
  return ParseFiniteNumber(absl::StripAsciiWhitespace(text));
}

// A whole cell read as a range of numbers, or nullopt when it is not one.
std::optional<CellRequirement> ReadRange(absl::string_view cell) {
  cell = absl::StripAsciiWhitespace(cell);
  CellRequirement r;
  for (absl::string_view op : {">=", "\xE2\x89\xA5"}) {  // ≥
    if (absl::ConsumePrefix(&cell, op)) {
      if ((r.min = Number(cell))) return r;
      return std::nullopt;
    }
  }
  for (absl::string_view op : {"<=", "\xE2\x89\xA4"}) {  // ≤
    if (absl::ConsumePrefix(&cell, op)) {
      if ((r.max = Number(cell))) return r;
      return std::nullopt;
    }
  }
  if (absl::EndsWith(cell, "+")) {
    if ((r.min = Number(cell.substr(0, cell.size() - 1)))) return r;
    return std::nullopt;
  }
  // A to B, A-B, A – B, A — B (a leading '-' is a sign, not a range).
  for (absl::string_view sep : {" to ", "\xE2\x80\x93", "\xE2\x80\x94", "-"}) {
    const size_t at = cell.find(sep, 1);
    if (at == absl::string_view::npos) continue;
    std::optional<double> lo = Number(cell.substr(0, at));
    std::optional<double> hi = Number(cell.substr(at + sep.size()));
    if (lo && hi) {
      r.min = lo;
      r.max = hi;
      return r;
    }
  }
  return std::nullopt;
}

std::string FormatBound(double v) { return absl::StrCat(v); }

}  // namespace

RefMatch DeriveRef(absl::string_view item, RefBy by, absl::string_view prefix,
                   absl::string_view noun) {
  item = absl::StripAsciiWhitespace(item);
  RefMatch m;
  switch (by) {
    case RefBy::kName:
      m.id = Slugify(prefix, item);
      if (m.id.empty()) {
        m.error = absl::StrCat("'", item, "' gives no ", noun, " id");
      }
      return m;
    case RefBy::kEmail:
      if (!LooksLikeEmail(item)) {
        m.error = absl::StrCat("'", item,
                               "' is not an e-mail address like "
                               "name@example.org");
        return m;
      }
      m.id = IdFromEmail(prefix, item);
      return m;
    case RefBy::kAny:
    case RefBy::kId:
      break;
  }
  std::string id = absl::StrCat(prefix, item);
  if (!IsValidId(id)) {
    m.error = absl::StrCat(
        "'", item, "' is not ", noun,
        " id (ids use A-Z a-z 0-9 _ . -); add 'by: name' or 'by: email' to "
        "the column's mapping, or name the ",
        noun, "s' file to look names up in");
    return m;
  }
  m.id = std::move(id);
  return m;
}

std::optional<OtherSide> OtherSide::Read(const std::string& path, Kind kind,
                                         Diagnostics* diags) {
  std::optional<YamlNode> root =
      ReadYamlFile(path, diags, YamlLimits::ForPeople());
  if (!root) return std::nullopt;
  const char* key = kind == kEmployers ? "employers" : "attendees";
  const YamlNode* list = root->is_map() ? root->Find(key) : nullptr;
  if (list == nullptr || !(list->is_sequence() || list->is_null())) {
    diags->Error(root->mark,
                 absl::StrCat(path, " must hold a list '", key,
                              ":' (the file fairmatch import or init "
                              "writes)"));
    return std::nullopt;
  }
  OtherSide side;
  side.kind_ = kind;
  side.path_ = path;
  auto add_value = [&side](const std::string& field, absl::string_view value) {
    auto& values = side.values_[field];
    std::string norm = NormalizeTag(value);
    for (const auto& [n, text] : values) {
      if (n == norm) return;
    }
    values.emplace_back(std::move(norm), std::string(value));
  };
  for (const YamlNode& entry : list->items) {
    if (!entry.is_map()) continue;
    const YamlNode* id = Scalar(entry, "id");
    if (id == nullptr) continue;
    const int index = static_cast<int>(side.people_.size());
    Person p;
    p.id = id->scalar;
    if (const YamlNode* n = Scalar(entry, "name")) p.name = n->scalar;
    if (const YamlNode* e = Scalar(entry, "email")) p.email = e->scalar;
    side.by_id_.emplace(p.id, index);
    if (!p.email.empty()) {
      side.by_email_.emplace(absl::AsciiStrToLower(p.email), index);
    }
    if (!p.name.empty()) {
      auto [it, inserted] = side.by_name_.emplace(Slugify("", p.name), index);
      if (!inserted && it->second != index) it->second = -1;
    }
    if (const YamlNode* program = Scalar(entry, "program")) {
      add_value("program", program->scalar);
    }
    if (const YamlNode* extra = entry.Find("extra");
        extra != nullptr && extra->is_map()) {
      for (const YamlEntry& e : extra->entries) {
        if (e.value.is_scalar()) {
          add_value(absl::StrCat("extra.", e.key), e.value.scalar);
        } else if (e.value.is_sequence()) {
          for (const YamlNode& v : e.value.items) {
            if (v.is_scalar())
              add_value(absl::StrCat("extra.", e.key), v.scalar);
          }
        }
      }
    }
    side.people_.push_back(std::move(p));
  }
  return side;
}

RefMatch OtherSide::Resolve(absl::string_view item, RefBy by,
                            bool suggest) const {
  RefMatch m;
  const bool any = by == RefBy::kAny;
  if (any || by == RefBy::kId) {
    if (auto it = by_id_.find(item); it != by_id_.end()) {
      m.id = people_[it->second].id;
      return m;
    }
  }
  if (any || by == RefBy::kEmail) {
    auto it = by_email_.find(absl::AsciiStrToLower(item));
    if (it != by_email_.end()) {
      m.id = people_[it->second].id;
      return m;
    }
  }
  if (any || by == RefBy::kName) {
    const std::string key = Slugify("", item);
    if (auto it = by_name_.find(key); !key.empty() && it != by_name_.end()) {
      if (it->second >= 0) {
        m.id = people_[it->second].id;
        return m;
      }
      std::vector<std::string> ids;
      for (const Person& p : people_) {
        if (Slugify("", p.name) == key) ids.push_back(p.id);
      }
      m.error =
          absl::StrCat("'", item, "' is the name of ", ids.size(), " ", noun(),
                       "s in ", path_, " (", absl::StrJoin(ids, ", "),
                       "); write the id or e-mail instead");
      return m;
    }
  }
  const char* what = by == RefBy::kId      ? "id"
                     : by == RefBy::kEmail ? "e-mail"
                     : by == RefBy::kName  ? "name"
                                           : "name, e-mail or id";
  m.error = absl::StrCat("unknown ", noun(), " '", item, "' (no ", what, " in ",
                         path_, ")");
  if (suggest) {
    std::vector<std::string> candidates;
    const bool emails =
        by == RefBy::kEmail || (any && absl::StrContains(item, '@'));
    for (const Person& p : people_) {
      if (by == RefBy::kId) {
        candidates.push_back(p.id);
      } else if (emails) {
        if (!p.email.empty()) candidates.push_back(p.email);
      } else if (!p.name.empty()) {
        candidates.push_back(p.name);
      }
    }
    m.suggestion = DidYouMean(item, candidates);
  }
  return m;
}

bool OtherSide::HasValue(absl::string_view field, absl::string_view value,
                         bool suggest, std::string* did_you_mean) const {
  auto it = values_.find(field);
  if (it == values_.end()) return true;
  const std::string norm = NormalizeTag(value);
  std::vector<std::string> written;
  for (const auto& [n, text] : it->second) {
    if (n == norm) return true;
    written.push_back(text);
  }
  if (suggest && !Number(value)) *did_you_mean = DidYouMean(value, written);
  return false;
}

bool ReadRequirementCell(absl::string_view cell, const RequirementColumn& col,
                         CellRequirement* out, std::string* error) {
  *out = CellRequirement();
  const std::string text = CollapseSpace(cell);
  if (text.empty()) return true;
  const std::string key = MatchKey(text);
  if (std::find(col.ignore.begin(), col.ignore.end(), key) !=
      col.ignore.end()) {
    return true;
  }
  if (!col.accept.empty()) {
    if (IsNoAnswer(key)) return true;
    out->any_of = col.accept;
    return true;
  }
  if (std::optional<CellRequirement> range = ReadRange(text)) {
    if (range->min && range->max && *range->min > *range->max) {
      *error = absl::StrCat("'", text, "' runs from ", FormatBound(*range->min),
                            " down to ", FormatBound(*range->max),
                            "; write the smaller number first");
      return false;
    }
    *out = std::move(*range);
    return true;
  }
  for (std::string& item : SplitList(cell, col.delimiter)) {
    if (std::find(col.ignore.begin(), col.ignore.end(), MatchKey(item)) !=
        col.ignore.end()) {
      // "Any programme" among the ticks: anyone.
      *out = CellRequirement();
      return true;
    }
    if (std::find(out->any_of.begin(), out->any_of.end(), item) ==
        out->any_of.end()) {
      out->any_of.push_back(std::move(item));
    }
  }
  return true;
}

void AppendRequires(
    std::string* out,
    const std::vector<std::pair<std::string, CellRequirement>>& clauses) {
  if (clauses.empty()) return;
  out->append("    requires: {");
  for (size_t i = 0; i < clauses.size(); ++i) {
    const auto& [field, r] = clauses[i];
    if (i > 0) out->append(", ");
    AppendYamlScalar(out, field);
    out->append(": ");
    if (!r.any_of.empty()) {
      out->append("[");
      for (size_t j = 0; j < r.any_of.size(); ++j) {
        if (j > 0) out->append(", ");
        AppendYamlScalar(out, r.any_of[j]);
      }
      out->append("]");
      continue;
    }
    out->append("{");
    if (r.min) absl::StrAppend(out, "min: ", FormatBound(*r.min));
    if (r.min && r.max) out->append(", ");
    if (r.max) absl::StrAppend(out, "max: ", FormatBound(*r.max));
    out->append("}");
  }
  out->append("}\n");
}

}  // namespace fairmatch
