#include "engine/score/pair_rules.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "engine/model/intents.h"

namespace fairmatch {
namespace {

float SideBonus(double weight, int rank) {
  return rank > 0 ? static_cast<float>(weight * 2.0 / (rank + 1)) : 0.0f;
}

}  // namespace

float WishBonus(const Config& config, int attendee_rank, int employer_rank) {
  const double wants = std::max(0.0, config.weight_wants);
  const double mutual = std::max(0.0, config.weight_mutual_wants);
  float bonus =
      SideBonus(wants, attendee_rank) + SideBonus(wants, employer_rank);
  if (attendee_rank > 0 && employer_rank > 0) {
    bonus += static_cast<float>(mutual);
  }
  return bonus;
}

namespace {

// Every pair either side named (must_meet, avoid, wants), one entry per
// mention, sorted by (attendee, employer), stable: attendees' lists first.
std::vector<std::pair<int, PairRules::Special>> NamedPairs(const Fair& fair) {
  std::vector<std::pair<int, PairRules::Special>> named;
  auto note = [&named](int a, int e) -> PairRules::Special& {
    named.push_back({a, PairRules::Special{}});
    named.back().second.employer = e;
    return named.back().second;
  };
  for (int a = 0; a < fair.num_attendees(); ++a) {
    const Attendee& att = fair.attendees[a];
    for (int e : att.must_meet) note(a, e).must = true;
    for (int e : att.avoid) note(a, e).avoid = true;
    for (std::size_t r = 0; r < att.wants.size(); ++r) {
      note(a, att.wants[r]).attendee_rank = static_cast<int>(r) + 1;
    }
  }
  for (int e = 0; e < fair.num_employers(); ++e) {
    const Employer& emp = fair.employers[e];
    for (int a : emp.must_meet) note(a, e).must = true;
    for (int a : emp.avoid) note(a, e).avoid = true;
    for (std::size_t r = 0; r < emp.wants.size(); ++r) {
      note(emp.wants[r], e).employer_rank = static_cast<int>(r) + 1;
    }
  }
  std::stable_sort(
      named.begin(), named.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first
                                  : x.second.employer < y.second.employer;
      });
  return named;
}

// The fields one side's clauses read, and per field the codes of the
// values they accept (in order of first mention).
struct FieldCodes {
  std::vector<std::string> names;
  std::vector<absl::flat_hash_map<std::string, int>> codes;  // per field
  int Field(const std::string& name) {
    for (int f = 0; f < static_cast<int>(names.size()); ++f) {
      if (names[f] == name) return f;
    }
    names.push_back(name);
    codes.emplace_back();
    return static_cast<int>(names.size()) - 1;
  }
};

// Each person's values of `fields`, as codes (the forms ValueForms offers
// that some clause accepts) and as a number, into `t` (a FieldTable).
template <typename People, typename Table>
void Tabulate(const People& people, const FieldCodes& fields, Table* t) {
  t->num_fields = static_cast<int>(fields.names.size());
  if (t->num_fields == 0) return;
  const std::size_t cells = people.size() * t->num_fields;
  t->offset.assign(cells + 1, 0);
  t->number.assign(cells, std::numeric_limits<double>::quiet_NaN());
  std::size_t cell = 0;
  for (const auto& p : people) {
    for (int f = 0; f < t->num_fields; ++f, ++cell) {
      const std::size_t begin = t->codes.size();
      if (const auto value = FieldValue(p, fields.names[f])) {
        for (const std::string& form : ValueForms(*value)) {
          const auto it = fields.codes[f].find(form);
          if (it != fields.codes[f].end()) t->codes.push_back(it->second);
        }
        std::sort(t->codes.begin() + begin, t->codes.end());
        if (const auto x = ValueNumber(*value)) t->number[cell] = *x;
      }
      t->offset[cell + 1] = static_cast<std::int64_t>(t->codes.size());
    }
  }
}

}  // namespace

PairRules PairRules::Build(const Fair& fair) {
  PairRules rules;
  rules.must_meets_ = MustMeetLists(fair);
  rules.BuildSpecials(fair);
  rules.BuildRequirements(fair);
  return rules;
}

// Specials: every pair either side named, merged per attendee.
void PairRules::BuildSpecials(const Fair& fair) {
  const std::vector<std::pair<int, Special>> named = NamedPairs(fair);
  special_offset_.assign(fair.num_attendees() + 1, 0);
  for (std::size_t i = 0; i < named.size();) {
    const int a = named[i].first;
    Special merged = named[i].second;
    std::size_t j = i + 1;
    for (; j < named.size() && named[j].first == a &&
           named[j].second.employer == merged.employer;
         ++j) {
      const Special& s = named[j].second;
      merged.must |= s.must;
      merged.avoid |= s.avoid;
      merged.attendee_rank = std::max(merged.attendee_rank, s.attendee_rank);
      merged.employer_rank = std::max(merged.employer_rank, s.employer_rank);
    }
    merged.bonus = fairmatch::WishBonus(fair.config, merged.attendee_rank,
                                        merged.employer_rank);
    specials_.push_back(merged);
    ++special_offset_[a + 1];
    i = j;
  }
  for (int a = 0; a < fair.num_attendees(); ++a) {
    special_offset_[a + 1] += special_offset_[a];
  }
}

// Requirements: each side's clauses, with their values as integer codes
// per field, and each person's field values in the same codes.
void PairRules::BuildRequirements(const Fair& fair) {
  FieldCodes on_attendees, on_employers;
  auto compile = [this](const std::vector<Requirement>& reqs,
                        FieldCodes* fields, std::vector<int>* offset,
                        std::vector<int>* list) {
    for (const Requirement& r : reqs) {
      Clause c;
      c.field = fields->Field(r.field);
      c.range = r.range;
      c.min = r.min;
      c.max = r.max;
      auto& table = fields->codes[c.field];
      for (const std::string& v : r.any_of) {
        c.codes.push_back(
            table.emplace(v, static_cast<int>(table.size())).first->second);
      }
      std::sort(c.codes.begin(), c.codes.end());
      list->push_back(static_cast<int>(clauses_.size()));
      clauses_.push_back(std::move(c));
    }
    offset->push_back(static_cast<int>(list->size()));
  };
  employer_clause_offset_.push_back(0);
  for (const Employer& emp : fair.employers) {
    compile(emp.requirements, &on_attendees, &employer_clause_offset_,
            &employer_clauses_);
  }
  attendee_clause_offset_.push_back(0);
  for (const Attendee& att : fair.attendees) {
    compile(att.requirements, &on_employers, &attendee_clause_offset_,
            &attendee_clauses_);
  }
  Tabulate(fair.attendees, on_attendees, &attendee_fields_);
  Tabulate(fair.employers, on_employers, &employer_fields_);
}

bool PairRules::Holds(const Clause& c, const FieldTable& t, int person) const {
  const std::size_t cell =
      static_cast<std::size_t>(person) * t.num_fields + c.field;
  if (c.range) {
    const double x = t.number[cell];
    return c.min <= x && x <= c.max;  // false for NaN
  }
  for (std::int64_t i = t.offset[cell]; i < t.offset[cell + 1]; ++i) {
    if (std::binary_search(c.codes.begin(), c.codes.end(), t.codes[i])) {
      return true;
    }
  }
  return false;
}

bool PairRules::FailsRequirement(int a, int e) const {
  if (clauses_.empty()) return false;
  for (int i = employer_clause_offset_[e]; i < employer_clause_offset_[e + 1];
       ++i) {
    if (!Holds(clauses_[employer_clauses_[i]], attendee_fields_, a)) {
      return true;
    }
  }
  for (int i = attendee_clause_offset_[a]; i < attendee_clause_offset_[a + 1];
       ++i) {
    if (!Holds(clauses_[attendee_clauses_[i]], employer_fields_, e)) {
      return true;
    }
  }
  return false;
}

const PairRules::Special* PairRules::Find(int a, int e) const {
  const std::span<const Special> row = Specials(a);
  auto it =
      std::lower_bound(row.begin(), row.end(), e,
                       [](const Special& s, int x) { return s.employer < x; });
  return it != row.end() && it->employer == e ? &*it : nullptr;
}

bool PairRules::Excluded(int a, int e) const {
  const Special* s = Find(a, e);
  return (s != nullptr && s->avoid) || FailsRequirement(a, e);
}

bool PairRules::Must(int a, int e) const {
  const Special* s = Find(a, e);
  return s != nullptr && s->must;
}

float PairRules::WishBonus(int a, int e) const {
  const Special* s = Find(a, e);
  return s != nullptr ? s->bonus : 0.0f;
}

}  // namespace fairmatch
